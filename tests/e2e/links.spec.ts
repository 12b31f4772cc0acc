import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect, type Page } from '@playwright/test';
import { demoSiteId } from '../../shared/demo.js';
import { createSyncServer } from '../../server/app.js';
import { openCentral } from '../../server/central.js';
import { seedCentralDemo } from '../../server/db/demo-seed.js';
import { createEnrollmentCode } from '../../server/devices/enrollment.js';
import { createLiveHub } from '../../server/sync/live-hub.js';
import { syncRoutes } from '../../server/sync/routes.js';
import { signIn } from './support/fixtures.js';
import { startKioskHost, type KioskHost } from './support/kiosk-host.js';

const shot = (name: string) => fileURLToPath(new URL(`./screenshots/${name}.png`, import.meta.url));

/** A port nothing listens on: a route whose link is dead. */
const deadPort = () =>
  new Promise<number>((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });

let host: KioskHost;
let stopAll: () => Promise<void>;

/**
 * A kiosk enrolled to a real sync service with three routes upstream: a LAN hub that is dead, shore
 * over 4G, shore over satellite (expensive). The host runs on the test clock; the core probes each
 * time the clock passes 5 s.
 */
test.beforeAll(async () => {
  test.setTimeout(120_000);
  const dir = await mkdtemp(join(tmpdir(), 'shiftdeck-e2e-central-'));
  const central = await openCentral({ dataDir: dir });
  const hub = createLiveHub();
  const service = await createSyncServer({ db: central.service, adminDb: central.admin, plugins: [syncRoutes(hub)] });
  await seedCentralDemo(central.service);
  const serviceUrl = await service.listen({ host: '127.0.0.1', port: 0 });
  const code = (await createEnrollmentCode(central.service, demoSiteId('restaurant'), { ttlMinutes: 10 })).code;
  host = await startKioskHost({
    sync: {
      server: serviceUrl,
      enrollCode: code,
      routes: [
        { name: 'hub', url: `http://127.0.0.1:${await deadPort()}`, priority: 1, cost: 0, expensive: false },
        { name: '4g', url: serviceUrl, priority: 2, cost: 5, expensive: false },
        { name: 'sat', url: serviceUrl.replace('127.0.0.1', 'localhost'), priority: 3, cost: 50, expensive: true },
      ],
    },
  });
  stopAll = async () => {
    await host.stop();
    await service.close();
    await hub.close();
    await central.close();
    await rm(dir, { recursive: true, force: true });
  };
});

test.afterAll(async () => {
  await stopAll?.();
});

/** Moves the test clock one probe interval at a time until `check` holds. */
async function probeUntil(check: () => Promise<void>) {
  await expect(async () => {
    await host.advanceClock(5_000);
    await check();
  }).toPass({ timeout: 30_000 });
}

async function openLinks(page: Page) {
  await page.goto(host.url);
  await signIn(page, 'Camille Martin');
  await page.getByTestId('lang-en').click();
  await page.getByTestId('area-links').click();
  await expect(page.getByTestId('screen-links')).toBeVisible();
}

test.describe.serial('Links screen', () => {
  test('a dead hub fails over to 4G; a supervisor switches by hand and runs a test failover', async ({ page }) => {
    test.setTimeout(90_000);
    await openLinks(page);
    await probeUntil(async () => {
      await expect(page.getByTestId('links-route-hub')).toHaveAttribute('data-state', 'down', { timeout: 1_000 });
      await expect(page.getByTestId('links-route-4g')).toHaveAttribute('data-active', 'true', { timeout: 1_000 });
    });
    await expect(page.getByTestId('links-route-sat')).toContainText('Expensive: no bulk');
    const history = page.getByTestId('links-history');
    await expect(history.getByTestId('links-event').first()).toHaveAttribute('data-kind', 'failover');
    await expect(history).toContainText('hub → 4g');
    await expect(history).toContainText('hub stopped answering');

    await page.getByTestId('links-use-sat').click();
    await expect(page.getByTestId('links-route-sat')).toHaveAttribute('data-active', 'true');
    await expect(page.getByTestId('links-pinned')).toBeVisible();
    await expect(history.getByTestId('links-event').first()).toHaveAttribute('data-kind', 'manual');

    await page.getByTestId('links-test').click();
    await expect(page.getByTestId('links-testing')).toBeVisible();
    await expect(page.getByTestId('links-route-4g')).toHaveAttribute('data-active', 'true');
    await expect(history.getByTestId('links-event').first()).toHaveAttribute('data-kind', 'test');
    // 30 s later the test is over and traffic is back on the satellite.
    await probeUntil(async () => {
      await expect(page.getByTestId('links-route-sat')).toHaveAttribute('data-active', 'true', { timeout: 1_000 });
    });
    await expect(page.getByTestId('links-testing')).toHaveCount(0);
    await expect(page.getByTestId('links-latency-chart')).toBeVisible();
  });

  test('the Links screen in EN and FR, landscape and portrait @screens', async ({ page }) => {
    await openLinks(page);
    for (const [w, h, orientation] of [
      [1280, 800, 'landscape'],
      [800, 1280, 'portrait'],
    ] as const) {
      await page.setViewportSize({ width: w, height: h });
      for (const locale of ['en', 'fr'] as const) {
        await page.getByTestId(`lang-${locale}`).click();
        await expect(page.getByTestId('screen-links')).toContainText(locale === 'en' ? 'Routes' : 'Bascules');
        await page.screenshot({ path: shot(`links-${locale}-${orientation}`), fullPage: true });
      }
    }
  });
});
