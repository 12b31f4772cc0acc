import { AREAS, DEFAULT_ROLES, areasFor } from '../../shared/permissions.js';
import { expect, openKiosk, person, signIn, test, chooseTile, typePin } from './support/fixtures.js';

const areasOf = (role: string) => areasFor(DEFAULT_ROLES.find((r) => r.id === role)!.permissions);

test.describe('PIN sign-in', () => {
  test('shows every person of the site as a tile with name and role', async ({ page }) => {
    await openKiosk(page);
    await expect(page.getByTestId('user-tile')).toHaveCount(8);
    await expect(page.getByTestId('user-tile').filter({ hasText: 'Camille Martin' })).toContainText('Manager');
    await expect(page.getByTestId('lang-en')).toBeVisible();
    await expect(page.getByTestId('lang-fr')).toBeVisible();
  });

  for (const name of ['Camille Martin', 'Emma Dubois', 'Lucas Bernard']) {
    test(`${name} signs in with the right PIN and sees exactly the areas of the role`, async ({ page }) => {
      await openKiosk(page);
      await signIn(page, name);
      const expected = areasOf(person(name).role);
      await expect(page.getByTestId('home')).toContainText(name.split(' ')[0]);
      for (const area of AREAS) {
        await expect(page.getByTestId(`area-${area.id}`)).toHaveCount(expected.includes(area.id) ? 1 : 0);
      }
      await expect(page.getByTestId('status-pill')).toBeVisible();
      await expect(page.getByTestId('pending-count')).toBeVisible();
    });
  }

  test('masks the digits and accepts the physical keyboard', async ({ page }) => {
    await openKiosk(page);
    await chooseTile(page, 'Camille Martin');
    await page.keyboard.type('12');
    await expect(page.getByTestId('pin-dots')).toHaveAttribute('data-count', '2');
    await expect(page.getByTestId('pin-dots')).toHaveText('');
    await page.keyboard.press('Backspace');
    await expect(page.getByTestId('pin-dots')).toHaveAttribute('data-count', '1');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('1111');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('home')).toBeVisible();
  });

  test('a wrong PIN says how many attempts are left', async ({ page }) => {
    await openKiosk(page);
    await chooseTile(page, 'Nathan Roux');
    await typePin(page, '0000');
    await expect(page.getByTestId('pin-error')).toContainText('Wrong PIN');
    await expect(page.getByTestId('pin-error')).toContainText('4 attempts left');
    await expect(page.getByTestId('pin-dots')).toHaveAttribute('data-count', '0');
  });

  test('signing out returns to the people tiles', async ({ page }) => {
    await openKiosk(page);
    await signIn(page, 'Camille Martin');
    await page.getByTestId('sign-out').click();
    await expect(page.getByTestId('pin-pad')).toBeVisible();
    await expect(page.getByTestId('user-tile')).toHaveCount(8);
  });

  test('a reload keeps the person signed in', async ({ page }) => {
    await openKiosk(page);
    await signIn(page, 'Camille Martin');
    await page.reload();
    await expect(page.getByTestId('home')).toBeVisible();
  });
});

test('when the kiosk service is gone, a sign-in says so instead of failing silently', async ({ page, kiosk }) => {
  await openKiosk(page);
  await chooseTile(page, 'Camille Martin');
  await kiosk.stop();
  await typePin(page, '1111');
  await expect(page.getByTestId('pin-error')).toContainText('Cannot reach the Shiftdeck service');
});
