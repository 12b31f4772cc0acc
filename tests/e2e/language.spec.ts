import { expect, openKiosk, signIn, test, chooseTile } from './support/fixtures.js';

test('the language switch on the PIN pad turns the texts French and back', async ({ page }) => {
  await openKiosk(page);
  await expect(page.locator('h1')).toHaveText('Who is working?');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  await page.getByTestId('lang-fr').click();
  await expect(page.locator('h1')).toHaveText('Qui travaille\u00a0?');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByTestId('lang-fr')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('user-tile').filter({ hasText: 'Camille Martin' })).toContainText('Gérant');

  await chooseTile(page, 'Camille Martin');
  await expect(page.getByTestId('key-enter')).toHaveText('Valider');

  await page.getByTestId('lang-en').click();
  await expect(page.getByTestId('key-enter')).toHaveText('Enter');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test('the choice survives a reload and is offered in the header too', async ({ page }) => {
  await openKiosk(page);
  await page.getByTestId('lang-fr').click();
  await page.reload();
  await expect(page.locator('h1')).toHaveText('Qui travaille\u00a0?');
  await signIn(page, 'Camille Martin');
  await expect(page.getByTestId('sign-out')).toHaveText('Se déconnecter');
  await expect(page.getByTestId('area-audit')).toHaveText('Journal d’audit');
  await page.getByTestId('lang-en').click();
  await expect(page.getByTestId('sign-out')).toHaveText('Sign out');
  await expect(page.getByTestId('area-audit')).toHaveText('Audit log');
});
