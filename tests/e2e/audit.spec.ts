import { fileURLToPath } from 'node:url';
import { apiAs, expect, LAYOUTS, openKiosk, signIn, test } from './support/fixtures.js';

const shot = (name: string) => fileURLToPath(new URL(`./screenshots/${name}.png`, import.meta.url));

/**
 * The audit log through the real host: every change is an entry in words, filters narrow it by
 * person and area from the keyboard, and more than a page of entries is reached with "Show older".
 */
test('the audit log lists every change in words, filters by person and area by keyboard, and pages on', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await openKiosk(page);
  await signIn(page, 'Sophie Laurent');
  await page.getByTestId('lang-en').click();
  // Set-up through the API: 205 changes of the screen lock, more than one page of entries.
  for (let i = 0; i < 205; i++) await apiAs(page, 'admin.setIdleLock', { seconds: 100 + i });

  await page.getByTestId('area-audit').click();
  const rows = page.getByTestId('audit-table').locator('tbody tr');
  await expect(rows).toHaveCount(200);
  await expect(rows.first()).toContainText('Screen lock delay changed');
  await expect(rows.first()).toContainText('Sophie Laurent');
  await expect(rows.first()).toContainText('Seconds: 304');
  await expect(rows.first()).toContainText('This kiosk');
  await expect(page.getByTestId('audit-count')).toHaveText('200 entries shown');
  await page.getByTestId('audit-more').click();
  await expect(page.getByTestId('audit-count')).toHaveText(/^2\d\d entries shown$/);
  await expect(rows.filter({ hasText: 'Seconds: 100' })).toHaveCount(1);

  // By keyboard: the area filter, then the person filter, each a press away.
  await page.getByTestId('audit-filter-person').focus();
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('audit-filter-area')).toBeFocused();
  await page.getByTestId('audit-filter-area').selectOption('signIn');
  await expect(rows.first()).toContainText('Signed in');
  await expect(page.getByTestId('audit-more')).toHaveCount(0);
  expect(await rows.evaluateAll((tr) => tr.every((r) => r.getAttribute('data-action')?.startsWith('auth.')))).toBe(
    true,
  );
  await page.getByTestId('audit-filter-person').selectOption({ label: 'Emma Dubois' });
  await expect(page.getByTestId('audit-empty')).toHaveText(
    'Nothing matches these filters. Clear them to see every entry.',
  );
  await page.getByTestId('audit-filter-clear').click();
  await expect(rows).toHaveCount(200);
  await expect(page.getByTestId('audit-filter-clear')).toBeDisabled();

  await page.getByTestId('audit-filter-area').selectOption('settings');
  await expect(rows.first()).toContainText('Settings');
  // The first screenful, not the whole page of 200 rows.
  for (const locale of ['en', 'fr'] as const) {
    await page.getByTestId(`lang-${locale}`).click();
    for (const [orientation, size] of LAYOUTS) {
      await page.setViewportSize(size);
      await expect(rows.first()).toBeVisible();
      await page.screenshot({ path: shot(`audit-log-${locale}-${orientation}`) });
    }
  }
  await expect(rows.first()).toContainText('Délai de verrouillage modifié');
  await expect(rows.first()).toContainText('Secondes\u00a0: 304');
});
