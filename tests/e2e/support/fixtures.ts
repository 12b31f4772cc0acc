import { test as base, expect, type Page } from '@playwright/test';
import { demoSite } from '../../../shared/demo.js';
import { startKioskHost, type KioskHost } from './kiosk-host.js';

/**
 * Each test gets its own kiosk host, so lockouts and clock jumps never leak into another test. The
 * pages' clock starts where the host's test clock does and jumps with it, so the renderer and the
 * core agree on the date whatever the real date, time zone or machine.
 */
export const test = base.extend<{ kiosk: KioskHost & { onAdvance(fn: (ms: number) => Promise<void>): void } }>({
  kiosk: async ({}, use, testInfo) => {
    const host = await startKioskHost();
    const followers: ((ms: number) => Promise<void>)[] = [];
    await use({
      ...host,
      async advanceClock(ms) {
        await host.advanceClock(ms);
        for (const follow of followers) await follow(ms);
      },
      onAdvance: (fn) => void followers.push(fn),
    });
    if (testInfo.status !== testInfo.expectedStatus)
      await testInfo.attach('kiosk-host.log', { body: host.output(), contentType: 'text/plain' });
    await host.stop();
  },
  context: async ({ context, kiosk }, use) => {
    await context.clock.install({ time: kiosk.clockStart });
    kiosk.onAdvance((ms) => context.clock.fastForward(ms));
    await use(context);
  },
  baseURL: async ({ kiosk }, use) => use(kiosk.url),
});

export { expect };
export { TEST_CLOCK_START, testClockDay } from './kiosk-host.js';

export const restaurant = demoSite('restaurant');

export function person(name: string) {
  const p = restaurant.people.find((x) => x.name === name);
  if (!p) throw new Error(`No demo person ${name}`);
  return p;
}

/** Opens the kiosk and waits for the people tiles. */
export async function openKiosk(page: Page) {
  await page.goto('./');
  await expect(page.getByTestId('pin-pad')).toBeVisible();
  await expect(page.getByTestId('user-tile').first()).toBeVisible();
}

/** Types a PIN on the on-screen keypad and presses Enter. */
export async function typePin(page: Page, pin: string) {
  for (const d of pin) await page.getByTestId(`key-${d}`).click();
  await page.getByTestId('key-enter').click();
}

export async function chooseTile(page: Page, name: string) {
  await page.getByTestId('user-tile').filter({ hasText: name }).click();
  await expect(page.getByTestId('keypad')).toBeVisible();
}

/** Picks the person's tile and signs in with their PIN; waits for the home screen. */
export async function signIn(page: Page, name: string, pin = person(name).pin) {
  await chooseTile(page, name);
  await typePin(page, pin);
  await expect(page.getByTestId('home')).toBeVisible();
}

/** The session token the page holds (browser mode keeps it in sessionStorage). */
export const sessionToken = (page: Page) => page.evaluate(() => sessionStorage.getItem('shiftdeck.session'));

/** Calls the kiosk's API as the person signed in on `page`: test set-up, never what is under test. */
export async function apiAs<T = unknown>(page: Page, method: string, input: unknown): Promise<T> {
  const token = await sessionToken(page);
  const r = await page.request.post(`./api/${method}`, {
    headers: { Authorization: `Bearer ${token}` },
    data: { input },
  });
  const body = (await r.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
  if (!body.ok) throw new Error(`${method}: ${body.error?.message}`);
  return body.value as T;
}

/** The two kiosk orientations every new screen is looked at in. */
export const LAYOUTS = [
  ['landscape', { width: 1280, height: 800 }],
  ['portrait', { width: 800, height: 1280 }],
] as const;

/**
 * Screenshots of the screen on `page` in EN and FR, landscape and portrait, as `<name>-<lang>-<orientation>`;
 * `ready` runs after each change (a locator to wait for).
 */
export async function shootLayouts(
  page: Page,
  shot: (name: string) => string,
  name: string,
  ready?: () => Promise<void>,
) {
  for (const locale of ['en', 'fr'] as const) {
    await page.getByTestId(`lang-${locale}`).click();
    for (const [orientation, size] of LAYOUTS) {
      await page.setViewportSize(size);
      await ready?.();
      await page.screenshot({ path: shot(`${name}-${locale}-${orientation}`), fullPage: true });
    }
  }
}
