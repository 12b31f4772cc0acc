import { chromium, type Page } from '@playwright/test';
import { demoSite } from '../../shared/demo.js';
import { startKioskHost } from '../e2e/support/kiosk-host.js';
import type { Figure } from './bench-kit.js';

/**
 * Opening an area in Chromium against the browser-mode host: from the tap on its home tile to the
 * screen's data on screen (the selector below), per area. Timed inside the page with
 * performance.now(), so Playwright's own round trips are not counted. The baseline, in the same run,
 * is going back home (a tap to the home tiles shown): the cost of a route change with data already
 * loaded. The goal is absolute: under 150 ms on a local kiosk.
 */
const AREAS: { area: string; shown: string }[] = [
  { area: 'training', shown: '[data-testid="module-card"]' },
  { area: 'classroom', shown: '[aria-labelledby="assign-title"]' },
  { area: 'classes', shown: '[data-testid="classes-week"][data-week-start]' },
  { area: 'analytics', shown: '[data-testid="kpi-completion"]' },
  { area: 'sync', shown: '[data-testid="sync-pending"]' },
  { area: 'audit', shown: '[data-testid="audit-table"] tbody tr' },
  { area: 'admin', shown: '[data-testid="admin-people"] li' },
];
const RUNS = Number(process.env.BENCH_RUNS ?? 7);

/**
 * Clicks `tap` and resolves with the ms until `shown` is in the document, measured in the page.
 * Plain JavaScript text: tsx would add helpers to a compiled function that the page lacks.
 */
const IN_PAGE = `(([tapSel, shownSel]) => new Promise((resolve, reject) => {
  const target = document.querySelector(tapSel);
  if (!target) return reject(new Error('nothing to tap at ' + tapSel));
  const t0 = performance.now();
  let finished = false;
  const done = () => {
    if (finished || !document.querySelector(shownSel)) return;
    finished = true;
    observer.disconnect();
    // The next frame: what the person sees, not just the DOM.
    requestAnimationFrame(() => resolve(performance.now() - t0));
  };
  const observer = new MutationObserver(done);
  observer.observe(document.body, { childList: true, subtree: true, attributes: true });
  target.click();
  done();
  setTimeout(() => reject(new Error(shownSel + ' not shown after 10 s')), 10000);
}))`;
const tapUntil = (page: Page, tap: string, shown: string): Promise<number> =>
  page.evaluate(`${IN_PAGE}(${JSON.stringify([tap, shown])})`);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function run(): Promise<Figure[]> {
  const host = await startKioskHost();
  const browser = await chromium.launch({
    executablePath: process.env.SHIFTDECK_CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
  try {
    const page = await browser.newPage({
      viewport: { width: 1280, height: 800 },
      locale: 'en-GB',
      timezoneId: 'Europe/Paris',
    });
    await page.goto(host.url);
    const admin = demoSite('restaurant').people.find((p) => p.role === 'admin')!;
    await page.getByTestId('user-tile').filter({ hasText: admin.name }).click();
    for (const d of admin.pin) await page.getByTestId(`key-${d}`).click();
    await page.getByTestId('key-enter').click();
    await page.getByTestId('home').waitFor();
    const home: number[] = [];
    const byArea = new Map<string, number[]>();
    const firstOpen = new Map<string, number>();
    for (let i = 0; i < RUNS; i++) {
      for (const { area, shown } of AREAS) {
        const ms = await tapUntil(page, `[data-testid="area-${area}"]`, shown);
        // The first round (cold: code, SQLite pages, the area's store) is its own figure.
        if (i === 0) firstOpen.set(area, ms);
        if (i > 0) byArea.set(area, [...(byArea.get(area) ?? []), ms]);
        const back = await tapUntil(page, '[data-testid="go-home"]', '[data-testid="area-training"]');
        if (i > 0) home.push(back);
      }
    }
    const baseline = median(home);
    return AREAS.flatMap(({ area }) => {
      const value = median(byArea.get(area)!);
      const cold = firstOpen.get(area)!;
      return [
        {
          name: `area open: ${area}`,
          value,
          unit: 'ms',
          baseline,
          ratio: value / baseline,
          goal: '< 150 ms',
          met: value < 150,
        },
        {
          name: `area open, first time: ${area}`,
          value: cold,
          unit: 'ms',
          baseline,
          ratio: cold / baseline,
          goal: '< 150 ms',
          met: cold < 150,
        },
      ];
    });
  } finally {
    await browser.close();
    await host.stop();
  }
}
