import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect } from '@playwright/test';
import { sql } from 'kysely';
import QRCode from 'qrcode';
import { enrolPayload } from '../../shared/devices/enrol-payload.js';
import { demoSiteId } from '../../shared/demo.js';
import { createSyncServer } from '../../server/app.js';
import { openCentral } from '../../server/central.js';
import { seedCentralDemo } from '../../server/db/demo-seed.js';
import { createEnrollmentCode, revokeDevice } from '../../server/devices/enrollment.js';
import { createLiveHub } from '../../server/sync/live-hub.js';
import { syncRoutes } from '../../server/sync/routes.js';
import { LAYOUTS, signIn } from './support/fixtures.js';
import { startKioskHost } from './support/kiosk-host.js';

const shot = (name: string) => fileURLToPath(new URL(`./screenshots/${name}.png`, import.meta.url));
const SITE = demoSiteId('restaurant');

type Host = Awaited<ReturnType<typeof startKioskHost>>;

/**
 * A real sync service on an embedded PostgreSQL, seeded with the demo sites, and a kiosk host
 * enrolled to it for the restaurant; everything is stopped and removed after `run`.
 */
async function withEnrolledHost(
  run: (w: {
    central: Awaited<ReturnType<typeof openCentral>>;
    serviceUrl: string;
    dir: string;
    host: Host;
    code(): Promise<string>;
  }) => Promise<void>,
) {
  const dir = await mkdtemp(join(tmpdir(), 'shiftdeck-e2e-central-'));
  const central = await openCentral({ dataDir: dir });
  const hub = createLiveHub();
  const service = await createSyncServer({ db: central.service, adminDb: central.admin, plugins: [syncRoutes(hub)] });
  let host: Host | undefined;
  try {
    await seedCentralDemo(central.service);
    const serviceUrl = await service.listen({ host: '127.0.0.1', port: 0 });
    const code = async () => (await createEnrollmentCode(central.service, SITE, { ttlMinutes: 10 })).code;
    host = await startKioskHost({ sync: { server: serviceUrl, enrollCode: await code() } });
    await run({ central, serviceUrl, dir, host, code });
  } finally {
    await host?.stop();
    await service.close();
    await hub.close();
    await central.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * A kiosk shore no longer knows (shore restored from a backup older than its enrolment): a real
 * sync service on an embedded PostgreSQL forgets the device, the Sync screen says so, and an
 * administrator enrols it again with a new code.
 */
test('the Sync screen says plainly that shore does not know this kiosk, and enrols it again with a new code', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await withEnrolledHost(async ({ central, serviceUrl, dir, host, code }) => {
    await page.goto(host.url);

    // Shore goes back to a copy without this kiosk: its device row is gone.
    await sql`UPDATE enrollment_codes SET device_id = NULL`.execute(central.admin);
    await sql`DELETE FROM devices`.execute(central.admin);

    // Signing in writes an audit event; its push meets the 401.
    await signIn(page, 'Sophie Laurent');
    await host.advanceClock(50); // the host runs on the test clock: let the push timer fire
    await page.getByTestId('area-sync').click();
    const panel = page.getByTestId('sync-device-unknown');
    await expect(panel).toBeVisible({ timeout: 20_000 });
    for (const [w, h, orientation] of [
      [1280, 800, 'landscape'],
      [800, 1280, 'portrait'],
    ] as const) {
      await page.setViewportSize({ width: w, height: h });
      for (const locale of ['en', 'fr'] as const) {
        await page.getByTestId(`lang-${locale}`).click();
        await expect(page.locator('html')).toHaveAttribute('lang', locale);
        await page.screenshot({ path: shot(`sync-device-unknown-${locale}-${orientation}`), fullPage: true });
      }
    }
    await page.getByTestId('lang-en').click();
    await expect(panel).toContainText('Shore does not know this kiosk');
    // The header does not say "Online" while nothing can sync.
    await expect(page.getByTestId('status-pill')).toHaveAttribute('data-state', 'device-unknown');
    await expect(page.getByTestId('status-pill')).toContainText('Shore does not know this kiosk');

    // A wrong code is refused in words, nothing changes; the right one enrols it again.
    await page.getByTestId('reenrol-code').fill('AAAA-BBBB-CCCC');
    await page.getByTestId('reenrol-submit').click();
    await expect(page.getByTestId('reenrol-error')).toBeVisible();
    await expect(panel).toBeVisible();
    // A picture with no QR code says so; a photo of the admin screen's QR code fills the field.
    const picture = join(dir, 'not-a-qr.png');
    await page.getByTestId('status-pill').screenshot({ path: picture });
    await page.getByTestId('reenrol-photo').setInputFiles(picture);
    await expect(page.getByTestId('reenrol-no-qr')).toBeVisible();
    const photo = join(dir, 'enrol-qr.png');
    await QRCode.toFile(photo, enrolPayload(serviceUrl, await code()), { margin: 4, scale: 6 });
    await page.getByTestId('reenrol-photo').setInputFiles(photo);
    await expect(page.getByTestId('reenrol-code')).toHaveValue(/^shiftdeck-enrol:/);
    await expect(page.getByTestId('reenrol-no-qr')).toHaveCount(0);
    await page.getByTestId('reenrol-code').press('Enter');
    await expect(panel).toBeHidden({ timeout: 20_000 });
    await expect(page.getByTestId('status-pill')).toHaveAttribute('data-state', 'online', { timeout: 20_000 });
    await expect(page.getByTestId('sync-pending')).toContainText('0', { timeout: 20_000 });
    const devices = await sql<{ n: number }>`SELECT count(*)::int AS n FROM devices WHERE site_id = ${SITE}`.execute(
      central.admin,
    );
    expect(devices.rows[0].n).toBe(1);
  });
});

/**
 * A kiosk an administrator revoked (lost, or replaced): shore refuses it for good, so the Sync
 * screen says it was revoked and what to do, and offers no code form that could only fail.
 */
test('a revoked kiosk says it was revoked and how to set it up again, with no re-enrol form', async ({ page }) => {
  test.setTimeout(120_000);
  await withEnrolledHost(async ({ central, host }) => {
    await page.goto(host.url);
    const devices = await sql<{ id: string }>`SELECT id FROM devices WHERE site_id = ${SITE}`.execute(central.admin);
    expect(devices.rows).toHaveLength(1);
    await revokeDevice(central.admin, devices.rows[0].id);

    await signIn(page, 'Sophie Laurent');
    await host.advanceClock(50);
    await page.getByTestId('area-sync').click();
    const panel = page.getByTestId('sync-device-revoked');
    await expect(panel).toBeVisible({ timeout: 20_000 });
    await page.getByTestId('lang-en').click();
    await expect(panel).toContainText('An administrator revoked this kiosk');
    await expect(panel).toContainText('from a new data folder');
    await expect(page.getByTestId('reenrol')).toHaveCount(0);
    await expect(page.getByTestId('status-pill')).toHaveAttribute('data-state', 'device-revoked');
    await expect(page.getByTestId('status-pill')).toContainText('Revoked');
    // The sign-in waiting to be sent was made moments ago on the kiosk's clock (the test clock, days
    // before the machine's date): "ago" counts from the kiosk's clock, not the display's.
    await expect(page.getByTestId('sync-oldest-pending')).toContainText(/now|second|minute/);
    for (const [orientation, size] of LAYOUTS) {
      await page.setViewportSize(size);
      for (const locale of ['en', 'fr'] as const) {
        await page.getByTestId(`lang-${locale}`).click();
        await expect(page.locator('html')).toHaveAttribute('lang', locale);
        await page.screenshot({ path: shot(`sync-device-revoked-${locale}-${orientation}`), fullPage: true });
      }
    }
    await expect(panel).toContainText('Un administrateur a révoqué ce poste');
  });
});
