import { expect, openKiosk, signIn, test } from './support/fixtures.js';

test.describe('The next person after a sign-out', () => {
  test('starts on their home screen even when the last one signed out from an area their role lacks', async ({
    page,
  }) => {
    await openKiosk(page);
    await signIn(page, 'Camille Martin');
    await page.getByTestId('area-sync').click();
    await expect(page.getByTestId('screen-sync')).toBeVisible();
    await expect(page.getByTestId('sync-pending')).toBeVisible();
    await page.getByTestId('sign-out').click();
    await expect(page.getByTestId('pin-pad')).toBeVisible();

    // Emma (staff) may not open Sync; she must land on her own home screen and stay signed in.
    await signIn(page, 'Emma Dubois');
    await expect(page).toHaveURL(/#\/$/);
    await expect(page.getByTestId('area-sync')).toHaveCount(0);
    await expect(page.getByTestId('home')).toContainText('Emma');
    await page.getByTestId('area-training').click();
    await expect(page.getByTestId('screen-training')).toBeVisible();
    await expect(page.getByTestId('pin-pad')).toHaveCount(0);
  });
});
