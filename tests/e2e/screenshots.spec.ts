import { fileURLToPath } from 'node:url';
import { chooseTile, expect, openKiosk, signIn, test } from './support/fixtures.js';

const shot = (name: string) => fileURLToPath(new URL(`./screenshots/${name}.png`, import.meta.url));

/** Screenshots a person looks at before a release: PIN pad and home in both languages, the lock. */
for (const locale of ['en', 'fr'] as const) {
  test(`screenshots in ${locale.toUpperCase()}`, async ({ page, kiosk }) => {
    await openKiosk(page);
    await page.getByTestId(`lang-${locale}`).click();
    await expect(page.locator('html')).toHaveAttribute('lang', locale);
    await page.screenshot({ path: shot(`people-${locale}`) });

    await chooseTile(page, 'Lucas Bernard');
    await page.getByTestId('key-1').click();
    await page.getByTestId('key-2').click();
    await page.screenshot({ path: shot(`pin-pad-${locale}`) });
    await page.getByTestId('key-clear').click();
    await page.getByTestId('key-0').click();
    for (let i = 0; i < 3; i++) await page.getByTestId('key-0').click();
    await page.getByTestId('key-enter').click();
    await expect(page.getByTestId('pin-error')).toBeVisible();
    await page.screenshot({ path: shot(`pin-error-${locale}`) });

    await page.getByTestId('not-you').click();
    await signIn(page, 'Camille Martin');
    await page.screenshot({ path: shot(`home-${locale}`) });

    await page.getByTestId('area-audit').click();
    await expect(page.getByTestId('audit-table')).toBeVisible();
    await page.screenshot({ path: shot(`audit-${locale}`) });

    await page.getByTestId('go-home').click();
    await kiosk.advanceClock(121_000);
    await expect(page.getByTestId('lock-screen')).toBeVisible();
    await page.screenshot({ path: shot(`lock-screen-${locale}`) });
  });
}

test('screenshots of the admin and sync screens', async ({ page }) => {
  await openKiosk(page);
  await signIn(page, 'Sophie Laurent');
  await page.getByTestId('area-admin').click();
  await expect(page.getByTestId('admin-people')).toBeVisible();
  await page.screenshot({ path: shot('admin-en'), fullPage: true });
  await page.getByTestId('go-home').click();
  await page.getByTestId('area-sync').click();
  await expect(page.getByTestId('sync-pending')).toBeVisible();
  await page.screenshot({ path: shot('sync-en') });
  await page.getByTestId('go-home').click();
  await page.goto('./#/area/reservations');
  await expect(page.getByTestId('area-unavailable')).toBeVisible();
  await page.screenshot({ path: shot('unavailable-en') });
});

/** Every screen changed for issue 9, in both orientations and both languages, to look at. */
const VIEWPORTS = { landscape: { width: 1280, height: 800 }, portrait: { width: 800, height: 1280 } } as const;
for (const [orientation, viewport] of Object.entries(VIEWPORTS)) {
  for (const locale of ['en', 'fr'] as const) {
    test(`screens in ${orientation} (${locale.toUpperCase()})`, async ({ page }) => {
      await page.setViewportSize(viewport);
      const at = (name: string) => shot(`${name}-${orientation}-${locale}`);
      await openKiosk(page);
      await page.getByTestId(`lang-${locale}`).click();
      await page.screenshot({ path: at('people') });
      await signIn(page, 'Sophie Laurent');
      await page.screenshot({ path: at('home') });
      for (const area of ['analytics', 'classroom', 'audit', 'sync'] as const) {
        await page.getByTestId(`area-${area}`).click();
        await expect(page.locator('main')).toBeVisible();
        await page.waitForLoadState('networkidle');
        await page.screenshot({ path: at(area), fullPage: true });
        await page.getByTestId('go-home').click();
      }
      await page.getByTestId('area-classes').click();
      await page.getByTestId('classes-tab-week').click();
      await expect(page.getByTestId('classes-week')).toHaveAttribute('data-week-start', /\d/);
      await page.screenshot({ path: at('classes-week'), fullPage: true });
      await page.getByTestId('classes-tab-students').click();
      await page.getByTestId('student-add').click();
      await page.screenshot({ path: at('student-form'), fullPage: true });
    });
  }
}
