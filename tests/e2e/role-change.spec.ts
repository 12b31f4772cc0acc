import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { expect, openKiosk, signIn, test } from './support/fixtures.js';

const shot = (name: string) => fileURLToPath(new URL(`./screenshots/${name}.png`, import.meta.url));

const row = (page: import('@playwright/test').Page, name: string) =>
  page.getByTestId('admin-people').locator('li').filter({ hasText: name });

test('a role change asks first; cancel keeps the role, confirm changes it; nobody changes their own role', async ({
  page,
}) => {
  await openKiosk(page);
  await signIn(page, 'Sophie Laurent');
  await page.getByTestId('lang-en').click();
  await page.getByTestId('area-admin').click();
  await expect(page.getByTestId('admin-people')).toBeVisible();

  // Her own row cannot be changed, and says why.
  await expect(row(page, 'Sophie Laurent').getByTestId('role-select')).toBeDisabled();
  await expect(row(page, 'Sophie Laurent').getByTestId('role-locked-why')).toContainText(
    'nobody changes their own role',
  );

  const emma = row(page, 'Emma Dubois').getByTestId('role-select');
  const before = await emma.inputValue();
  await emma.selectOption({ label: 'Manager' });
  const dialog = page.getByTestId('role-confirm');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Emma Dubois goes from Staff to Manager');
  // Focus starts on Cancel: Enter does not confirm by accident.
  await expect(page.getByTestId('dialog-cancel')).toBeFocused();
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(emma).toHaveValue(before);

  await emma.selectOption({ label: 'Manager' });
  await page.getByTestId('dialog-confirm').click();
  await expect(page.getByTestId('admin-notice')).toContainText('Role updated for Emma Dubois');
  await expect(emma).not.toHaveValue(before);
});

for (const locale of ['en', 'fr'] as const) {
  for (const [orientation, viewport] of [
    ['landscape', { width: 1280, height: 800 }],
    ['portrait', { width: 800, height: 1280 }],
  ] as const) {
    test(`screenshot of the role-change confirmation, ${locale.toUpperCase()} ${orientation}`, async ({ page }) => {
      await page.setViewportSize(viewport);
      await openKiosk(page);
      await signIn(page, 'Sophie Laurent');
      await page.getByTestId(`lang-${locale}`).click();
      await page.getByTestId('area-admin').click();
      await expect(page.getByTestId('admin-people')).toBeVisible();
      await row(page, 'Emma Dubois').getByTestId('role-select').selectOption({ index: 0 });
      await expect(page.getByTestId('role-confirm')).toBeVisible();
      await page.screenshot({ path: shot(`role-confirm-${locale}-${orientation}`) });
    });
  }
}
