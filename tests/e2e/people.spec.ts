import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { chooseTile, expect, openKiosk, signIn, test, typePin } from './support/fixtures.js';

const shot = (name: string) => fileURLToPath(new URL(`./screenshots/${name}.png`, import.meta.url));

async function openAdmin(page: Page) {
  await page.getByTestId('area-admin').click();
  await expect(page.getByTestId('people-panel')).toBeVisible();
}

const card = (page: Page, name: string) =>
  page.getByTestId('people-panel').locator('li', { hasText: name }).getByTestId('person-manage');

test('an administrator adds a person who signs in; once deactivated they cannot', async ({ page }) => {
  await openKiosk(page);
  await signIn(page, 'Sophie Laurent');
  await page.getByTestId('lang-en').click();
  await openAdmin(page);
  const form = page.getByTestId('add-person');
  await form.getByLabel('Name').fill('Jade Blanc');
  await form.getByLabel('PIN').fill('1111');
  await form.getByLabel('Role').selectOption({ label: 'Waiter' });
  await page.getByTestId('add-person-submit').click();
  // Camille already signs in with 1111: refused, in words.
  await expect(page.getByRole('alert')).toContainText('already uses that PIN');
  await form.getByLabel('PIN').fill('8642');
  await page.getByTestId('add-person-submit').click();
  await expect(page.getByTestId('people-panel')).toContainText('Jade Blanc');

  await page.getByTestId('sign-out').click();
  await signIn(page, 'Jade Blanc', '8642');
  await page.getByTestId('sign-out').click();

  await signIn(page, 'Sophie Laurent');
  await openAdmin(page);
  await card(page, 'Jade Blanc').click();
  await page.getByTestId('person-deactivate').click();
  await page.getByTestId('dialog-confirm').click();
  await expect(page.getByTestId('person-notice')).toContainText('Jade Blanc is deactivated');
  await page.getByTestId('person-close').click();
  await expect(page.getByTestId('people-panel').locator('li', { hasText: 'Jade Blanc' })).toContainText('Former');
  await page.getByTestId('sign-out').click();
  await expect(page.getByTestId('user-tile').first()).toBeVisible();
  await expect(page.getByTestId('user-tile').filter({ hasText: 'Jade Blanc' })).toHaveCount(0);
});

test('after a reset to a temporary PIN the person chooses their own before anything else', async ({ page }) => {
  await openKiosk(page);
  await signIn(page, 'Sophie Laurent');
  await page.getByTestId('lang-en').click();
  await openAdmin(page);
  await card(page, 'Hugo Moreau').click();
  const pinForm = page.getByTestId('person-pin');
  await pinForm.getByLabel('New PIN (4 to 8 digits)').fill('80808');
  await page.getByTestId('person-pin-submit').click();
  await expect(page.getByTestId('person-notice')).toContainText('New PIN set for Hugo Moreau');
  await page.getByTestId('person-close').click();
  await page.getByTestId('sign-out').click();

  await chooseTile(page, 'Hugo Moreau');
  await typePin(page, '80808');
  await expect(page.getByTestId('change-pin')).toBeVisible();
  await page.getByLabel('New PIN', { exact: true }).fill('80808');
  await page.getByLabel('New PIN again').fill('80808');
  await page.getByTestId('change-pin-submit').click();
  await expect(page.getByRole('alert')).toContainText('used that PIN before');
  await page.getByLabel('New PIN', { exact: true }).fill('97531');
  await page.getByLabel('New PIN again').fill('97531');
  await page.getByTestId('change-pin-submit').click();
  await expect(page.getByTestId('home')).toBeVisible();
});

test('screenshots of the Accounts panel and an account card, EN/FR, landscape/portrait @screens', async ({ page }) => {
  test.setTimeout(60_000);
  await openKiosk(page);
  // Emma locks herself out, so the card shows the unlock button.
  await chooseTile(page, 'Emma Dubois');
  for (let i = 0; i < 5; i++) await typePin(page, '0000');
  await page.reload();
  await signIn(page, 'Sophie Laurent');
  for (const locale of ['en', 'fr'] as const) {
    await page.getByTestId(`lang-${locale}`).click();
    await openAdmin(page);
    for (const [orientation, viewport] of [
      ['landscape', { width: 1280, height: 800 }],
      ['portrait', { width: 800, height: 1280 }],
    ] as const) {
      await page.setViewportSize(viewport);
      await page.getByTestId('people-panel').scrollIntoViewIfNeeded();
      await page.screenshot({ path: shot(`people-${locale}-${orientation}`) });
      await card(page, 'Emma Dubois').click();
      await expect(page.getByTestId('person-unlock')).toBeVisible();
      await page.screenshot({ path: shot(`people-card-${locale}-${orientation}`) });
      await page.getByTestId('person-close').click();
    }
    await page.getByTestId('back-home').click();
  }
});
