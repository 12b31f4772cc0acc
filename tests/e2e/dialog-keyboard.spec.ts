import AxeBuilder from '@axe-core/playwright';
import { expect, openKiosk, signIn, test, testClockDay } from './support/fixtures.js';

/** The kiosk's today as YYYY-MM-DD: the host's test clock starts on that day. */
const today = () => testClockDay(0);
const EVERY_DAY = 'Mon 09:00 60; Tue 09:00 60; Wed 09:00 60; Thu 09:00 60; Fri 09:00 60; Sat 09:00 60; Sun 23:00 30';

test('the class sheet takes focus, keeps Tab inside, closes on Escape and gives focus back', async ({ page }) => {
  await openKiosk(page);
  await signIn(page, 'Camille Martin');
  await page.getByTestId('area-classes').click();
  await page.getByTestId('classes-tab-import').click();
  await page
    .getByTestId('import-text')
    .fill(`first_name,last_name,course,start_date,end_date,schedule\nAna,Lopez,Piano,${today()},,"${EVERY_DAY}"\n`);
  await page.getByTestId('import-preview').click();
  await page.getByTestId('import-all').click();
  await page.getByTestId('classes-tab-week').click();
  await page.getByTestId('week-today').click();
  const card = page.getByTestId('class-card').first();
  await card.focus();
  await page.keyboard.press('Enter');
  const sheet = page.getByTestId('class-sheet');
  await expect(sheet).toBeVisible();
  await expect
    .poll(() =>
      page.evaluate(() => document.querySelector('[data-testid="class-sheet"]')!.contains(document.activeElement)),
    )
    .toBe(true);
  // However many times Tab is pressed, focus stays in the dialog.
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press(i % 3 === 2 ? 'Shift+Tab' : 'Tab');
    expect(
      await page.evaluate(() =>
        document.querySelector('[data-testid="class-sheet"]')!.contains(document.activeElement),
      ),
    ).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(sheet).toHaveCount(0);
  await expect(card).toBeFocused();
});

test('portrait: the audit table scrolls by keyboard and has no serious axe violation', async ({ page }) => {
  await page.setViewportSize({ width: 800, height: 1280 });
  await openKiosk(page);
  await signIn(page, 'Camille Martin');
  await page.getByTestId('area-audit').click();
  await expect(page.getByTestId('audit-table')).toBeVisible();
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual(
    [],
  );
  await page.locator('.table-wrap').focus();
  await expect(page.locator('.table-wrap')).toBeFocused();
});
