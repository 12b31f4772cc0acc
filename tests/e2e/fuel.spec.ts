import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { generateVoyage } from '../helpers/nmea-voyage.js';
import { expect, signIn, test as base, TEST_CLOCK_START, testClockDay } from './support/fixtures.js';
import { freePort, startKioskHost, type KioskHost } from './support/kiosk-host.js';

const shot = (name: string) => fileURLToPath(new URL(`./screenshots/fuel-${name}.png`, import.meta.url));

/**
 * 22 minutes of the voyage from the test clock's start, one burst every 20 s; engine 2's flow
 * meter sticks from minute 5, which the kiosk's detector raises as a suspect sensor.
 */
const voyage = generateVoyage({
  seed: 14,
  start: TEST_CLOCK_START,
  minutes: 22,
  stuckMeter: { engine: 2, fromMinute: 5 },
  burstEverySeconds: 20,
});

/** Each test gets a vessel kiosk whose fuel feed listens on a real TCP port. */
const test = base.extend<{ tcpPort: number }>({
  tcpPort: [async ({}, use) => use(await freePort()), { scope: 'test' }],
  kiosk: async ({ tcpPort }, use, testInfo) => {
    const host: KioskHost = await startKioskHost({ site: 'vessel', fuelFeed: { tcpPort } });
    await use({ ...host, onAdvance: () => undefined });
    if (testInfo.status !== testInfo.expectedStatus)
      await testInfo.attach('kiosk-host.log', { body: host.output(), contentType: 'text/plain' });
    await host.stop();
  },
});

/** Sends sentences to the kiosk's feed over TCP as the ship's multiplexer does. */
async function sendNmea(port: number, lines: string[]) {
  const socket = connect(port, '127.0.0.1');
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  await new Promise<void>((resolve) => socket.end(lines.map((l) => `${l}\r\n`).join(''), resolve));
}

async function openFuel(page: Page) {
  await page.goto('./');
  await signIn(page, 'Maria Santos', '2222');
  await page.getByTestId('lang-en').click();
  await page.getByTestId('area-fuel').click();
  await expect(page.getByTestId('screen-fuel')).toBeVisible();
}

test('the bridge follows the feed; a noon report is logged; the stuck meter is explained and investigated', async ({
  page,
  tcpPort,
}) => {
  await openFuel(page);
  await sendNmea(
    tcpPort,
    voyage.map((r) => r.line),
  );
  await expect(page.getByTestId('fuel-engine-1')).toContainText('l/h');
  await expect(page.getByTestId('fuel-stw')).toContainText('kn');
  const chart = page.getByTestId('fuel-live-chart');
  await expect(chart).toHaveAttribute('data-values', /\{"x":\d+,"y":\d/);
  const before = JSON.parse((await chart.getAttribute('data-values'))!) as { x: number }[][];
  // More readings arrive: the chart follows them without a reload.
  const next = generateVoyage({
    seed: 15,
    start: new Date(Date.parse(TEST_CLOCK_START) + 22 * 60_000).toISOString(),
    minutes: 1,
    burstEverySeconds: 10,
  });
  await sendNmea(
    tcpPort,
    next.map((r) => r.line),
  );
  await expect(async () => {
    const after = JSON.parse((await chart.getAttribute('data-values'))!) as { x: number }[][];
    expect(Math.max(...after[0].map((p) => p.x))).toBeGreaterThan(Math.max(...before[0].map((p) => p.x)));
  }).toPass({ timeout: 10_000 });
  await expect(page.getByTestId('fuel-day-chart')).toBeVisible();

  await page.getByTestId('fuel-tab-log').click();
  await page.getByTestId('fuel-log-kind-noon').click();
  await page.getByTestId('fuel-reportDate').fill(testClockDay(0));
  await page.getByTestId('fuel-distanceNm').fill('312');
  await page.getByTestId('fuel-hoursSteaming').fill('24');
  await page.getByTestId('fuel-main_engine').fill('14,2');
  await page.getByTestId('fuel-log-save').click();
  await expect(page.getByTestId('fuel-notice')).toBeVisible();
  await expect(page.getByTestId('fuel-entry').filter({ hasText: '312 nm' })).toHaveAttribute('data-log', 'noon');

  await page.getByTestId('fuel-tab-anomalies').click();
  const anomaly = page.getByTestId('fuel-anomaly');
  await expect(anomaly).toHaveCount(1);
  await expect(anomaly).toHaveAttribute('data-kind', 'suspect_sensor');
  await expect(anomaly).toContainText('Engine 2, sensor fuel_rate#2');
  await page.getByTestId('fuel-anomaly-explain').click();
  await expect(page.getByTestId('fuel-anomaly-why')).toContainText('repeated the very same reading for 10 minutes');
  await page.getByTestId('fuel-anomaly-investigate').click();
  await page.getByTestId('fuel-root-cause').fill('Flow meter of engine 2 frozen');
  await page.getByTestId('fuel-action-title').fill('Replace the flow meter of engine 2');
  await page.getByTestId('fuel-action-due').fill(testClockDay(3));
  await page.getByTestId('fuel-investigate-save').click();
  await expect(anomaly).toHaveAttribute('data-status', 'investigating');
  await expect(page.getByTestId('fuel-anomaly-action')).toContainText('Replace the flow meter of engine 2');
});

test('the fuel screens in EN and FR, landscape and portrait @screens', async ({ page, tcpPort }) => {
  await openFuel(page);
  await sendNmea(
    tcpPort,
    voyage.map((r) => r.line),
  );
  await page.getByTestId('fuel-tab-log').click();
  await page.getByTestId('fuel-log-kind-sounding').click();
  await page.getByTestId('fuel-measuredAt').fill(`${testClockDay(0)}T08:30`);
  await page.getByTestId('fuel-tank').fill('3P');
  await page.getByTestId('fuel-volumeM3').fill('412.5');
  await page.getByTestId('fuel-densityKgM3').fill('985.1');
  await page.getByTestId('fuel-log-save').click();
  await expect(page.getByTestId('fuel-entry')).toHaveCount(1);
  await page.getByTestId('fuel-tab-anomalies').click();
  await expect(page.getByTestId('fuel-anomaly')).toHaveCount(1);
  for (const locale of ['en', 'fr'] as const) {
    await page.getByTestId(`lang-${locale}`).click();
    for (const [orientation, size] of [
      ['landscape', { width: 1280, height: 800 }],
      ['portrait', { width: 800, height: 1280 }],
    ] as const) {
      await page.setViewportSize(size);
      const name = (screen: string) => shot(`${screen}-${locale}-${orientation}`);
      await page.getByTestId('fuel-tab-bridge').click();
      await expect(page.getByTestId('fuel-tanks-chart')).toBeVisible();
      await page.screenshot({ path: name('bridge'), fullPage: true });
      await page.getByTestId('fuel-tab-log').click();
      await page.getByTestId('fuel-log-kind-bunkering').click();
      await page.screenshot({ path: name('log'), fullPage: true });
      await page.getByTestId('fuel-tab-anomalies').click();
      if ((await page.getByTestId('fuel-anomaly-why').count()) === 0)
        await page.getByTestId('fuel-anomaly-explain').click();
      await page.screenshot({ path: name('anomalies'), fullPage: true });
    }
  }
});
