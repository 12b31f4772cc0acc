import { expect, openKiosk, person, test, chooseTile, typePin } from './support/fixtures.js';

test('five wrong PINs lock the person out, and then even the right PIN is refused', async ({ page }) => {
  const hugo = person('Hugo Moreau');
  await openKiosk(page);
  await chooseTile(page, hugo.name);
  const error = page.getByTestId('pin-error');

  for (let i = 1; i <= 4; i++) {
    await typePin(page, '0000');
    await expect(error).toHaveAttribute('data-code', 'PIN_INVALID');
    await expect(error).toContainText(`${5 - i} attempt`);
  }
  await typePin(page, '0000');
  await expect(error).toHaveAttribute('data-code', 'USER_LOCKED');
  await expect(error).toContainText(/locked until \d{1,2}:\d{2}/);

  await typePin(page, hugo.pin);
  await expect(error).toHaveAttribute('data-code', 'USER_LOCKED');
  await expect(page.getByTestId('home')).toHaveCount(0);

  // The tile says until when, for the next person who walks up.
  await page.getByTestId('not-you').click();
  await expect(page.getByTestId('user-tile').filter({ hasText: hugo.name })).toContainText(/Locked until/);
});

test('the lockout message is translated with its time', async ({ page }) => {
  await openKiosk(page);
  await page.getByTestId('lang-fr').click();
  await chooseTile(page, 'Léa Fournier');
  for (let i = 0; i < 5; i++) await typePin(page, '0000');
  await expect(page.getByTestId('pin-error')).toContainText(/bloquée jusqu’à \d{2}:\d{2}/);
});
