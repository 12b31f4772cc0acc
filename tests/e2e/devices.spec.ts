import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect } from '@playwright/test';
import { sql } from 'kysely';
import { createManualClock } from '../../electron/core/clock.js';
import { createKiosk, type Kiosk } from '../../electron/core/kiosk.js';
import { demoSiteId } from '../../shared/demo.js';
import { createSyncServer } from '../../server/app.js';
import { openCentral } from '../../server/central.js';
import { seedCentralDemo } from '../../server/db/demo-seed.js';
import { createEnrollmentCode } from '../../server/devices/enrollment.js';
import { createLiveHub } from '../../server/sync/live-hub.js';
import { syncRoutes } from '../../server/sync/routes.js';
import { LAYOUTS, signIn, typePin } from './support/fixtures.js';
import { startKioskHost, TEST_CLOCK_START } from './support/kiosk-host.js';

const shot = (name: string) => fileURLToPath(new URL(`./screenshots/${name}.png`, import.meta.url));
const SITE = demoSiteId('restaurant');

/**
 * The site's devices on the admin screen: the browser's kiosk (a real host process) and a second
 * kiosk core enrolled to the same real sync service report themselves; the administrator renames
 * the second one and revokes it, and shore refuses it from then on.
 */
test('an administrator sees the site’s devices, renames one and revokes it with a confirmation', async ({ page }) => {
  test.setTimeout(120_000);
  const dir = await mkdtemp(join(tmpdir(), 'shiftdeck-e2e-central-'));
  const central = await openCentral({ dataDir: dir });
  const hub = createLiveHub();
  const service = await createSyncServer({ db: central.service, adminDb: central.admin, plugins: [syncRoutes(hub)] });
  let host: Awaited<ReturnType<typeof startKioskHost>> | undefined;
  let bar: Kiosk | undefined;
  let pass: Awaited<ReturnType<typeof startKioskHost>> | undefined;
  const barDir = await mkdtemp(join(tmpdir(), 'shiftdeck-e2e-bar-'));
  try {
    await seedCentralDemo(central.service);
    const serviceUrl = await service.listen({ host: '127.0.0.1', port: 0 });
    const code = async () => (await createEnrollmentCode(central.service, SITE, { ttlMinutes: 10 })).code;
    bar = await createKiosk({
      dataDir: barDir,
      clock: createManualClock(Date.parse(TEST_CLOCK_START)),
      sync: { serverUrl: serviceUrl, enrollCode: await code(), deviceName: 'Bar kiosk', manual: true },
    });
    await bar.sync!.syncNow();
    host = await startKioskHost({ sync: { server: serviceUrl, enrollCode: await code() } });
    await page.goto(host.url);
    await signIn(page, 'Sophie Laurent');
    await page.getByTestId('lang-en').click();
    await page.getByTestId('area-admin').click();

    const panel = page.getByTestId('devices-panel');
    const rows = panel.getByTestId('device');
    await expect(rows).toHaveCount(2, { timeout: 20_000 });
    await expect(rows.first()).toContainText('This kiosk');
    const other = rows.filter({ hasText: 'Bar kiosk' });
    await expect(other).toContainText('Nothing waiting');
    await expect(other.getByTestId('device-seen')).toContainText('Last seen');
    // This kiosk cannot be revoked from itself: no button, a sentence saying where to do it.
    await expect(rows.first().getByTestId('device-revoke')).toHaveCount(0);
    await expect(rows.first()).toContainText('Revoke this kiosk from another kiosk');

    // The panel itself (the admin screen around it is long), then the confirmation over the screen.
    const shootAll = async (name: string, take: () => Promise<void>) => {
      for (const locale of ['en', 'fr'] as const) {
        await page.getByTestId(`lang-${locale}`).click();
        for (const [orientation, size] of LAYOUTS) {
          await page.setViewportSize(size);
          await take();
          const path = shot(`${name}-${locale}-${orientation}`);
          const dialog = page.getByTestId('device-revoke-confirm');
          if (await dialog.isVisible()) {
            await page.screenshot({ path });
            await page.keyboard.press('Escape');
            await expect(dialog).toHaveCount(0);
          } else await panel.screenshot({ path });
        }
      }
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.getByTestId('lang-en').click();
    };
    await shootAll('admin-devices', () => expect(rows).toHaveCount(2));

    await expect(other.getByTestId('device-link')).toHaveText('Link up');

    // Forty minutes later the bar (its own clock stopped) has not reported since: the row says so
    // instead of a stale "Link up". The screen locked meanwhile; the same PIN opens it again.
    await host.advanceClock(40 * 60_000);
    await expect(page.getByTestId('lock-screen')).toBeVisible();
    await typePin(page, '9999');
    await expect(page.getByTestId('screen-admin')).toBeVisible();
    await page.getByTestId('back-home').click();
    await page.getByTestId('area-admin').click();
    await expect(other.getByTestId('device-link')).toHaveText('Not heard from for over half an hour');
    await expect(rows.first().getByTestId('device-link')).toHaveText('Link up');

    // Rename: an empty name is refused in words and nothing changes; a real one is saved.
    await other.getByTestId('device-rename-open').click();
    await other.getByTestId('device-name-input').fill('   ');
    await other.getByTestId('device-name-save').click();
    await expect(page.getByTestId('devices-error')).toBeVisible();
    await other.getByTestId('device-name-input').fill('Bar, by the door');
    await other.getByTestId('device-name-input').press('Enter');
    await expect(page.getByTestId('devices-notice')).toContainText('Bar, by the door is the new name.');
    const renamed = rows.filter({ hasText: 'Bar, by the door' });

    // Revoke: a confirmation first (Cancel keeps it), then the row says so.
    const confirm = page.getByTestId('device-revoke-confirm');
    await shootAll('admin-devices-revoke', async () => {
      await renamed.getByTestId('device-revoke').click();
      await expect(confirm).toBeVisible();
    });
    await renamed.getByTestId('device-revoke').click();
    await expect(confirm).toContainText('Revoke Bar, by the door?');
    await confirm.getByTestId('dialog-cancel').click();
    await expect(renamed).toHaveAttribute('data-revoked', 'false');
    await renamed.getByTestId('device-revoke').click();
    await confirm.getByTestId('dialog-confirm').click();
    await expect(page.getByTestId('devices-notice')).toContainText('Bar, by the door is revoked');
    await expect(renamed).toHaveAttribute('data-revoked', 'true');
    await expect(renamed.getByTestId('device-revoke')).toHaveCount(0);

    // A new kiosk for the pass: the QR code on the screen, read by a real decoder, is all it is given.
    await page.getByTestId('devices-make-code').click();
    const qr = page.getByTestId('devices-qr');
    await expect(qr).toBeVisible();
    await expect(page.getByTestId('devices-code')).toHaveText(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    await shootAll('admin-devices-code', () => expect(qr).toBeVisible());
    const png = join(dir, 'enrol-qr.png');
    await qr.screenshot({ path: png });
    const scanned = execFileSync('zbarimg', ['--quiet', '--raw', png], { encoding: 'utf8' }).trim();
    expect(scanned.startsWith('shiftdeck-enrol:')).toBe(true);
    pass = await startKioskHost({ sync: { enrollCode: scanned, name: 'Pass kiosk' } });
    await expect
      .poll(
        async () =>
          (
            await sql<{
              n: number;
            }>`SELECT count(*)::int AS n FROM devices WHERE name = 'Pass kiosk' AND site_id = ${SITE}`.execute(
              central.admin,
            )
          ).rows[0].n,
        { timeout: 20_000 },
      )
      .toBe(1);

    // The change reaches shore with the kiosk's next push; from then on shore refuses the bar.
    await host.advanceClock(50);
    await expect
      .poll(
        async () =>
          (
            await sql<{
              name: string;
              revoked: boolean;
            }>`SELECT name, revoked_at IS NOT NULL AS revoked FROM devices WHERE id = ${bar!.deviceId}`.execute(
              central.admin,
            )
          ).rows[0],
        { timeout: 20_000 },
      )
      .toEqual({ name: 'Bar, by the door', revoked: true });
    expect(await bar.sync!.syncNow()).toBeUndefined();
    expect(bar.sync!.unknownToShore).toBe(true);
  } finally {
    await bar?.close();
    await pass?.stop();
    await host?.stop();
    await service.close();
    await hub.close();
    await central.close();
    await rm(dir, { recursive: true, force: true });
    await rm(barDir, { recursive: true, force: true });
  }
});
