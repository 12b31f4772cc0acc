import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from '@playwright/test';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createHttpHost } from '../../../electron/host/http-host.js';
import { lostCourseChange } from '../../helpers/lost-edit-scenario.js';

const rendererDir = fileURLToPath(new URL('../../../out/renderer', import.meta.url));
const shot = (name: string) => fileURLToPath(new URL(`../../e2e/screenshots/${name}.png`, import.meta.url));
const LANDSCAPE = { width: 1280, height: 800 };
const PORTRAIT = { width: 800, height: 1280 };

async function signIn(page: Page, name: string, pin: string) {
  await page.getByTestId('user-tile').filter({ hasText: name }).click();
  await page.getByTestId('keypad').waitFor();
  for (const d of pin) await page.getByTestId(`key-${d}`).click();
  await page.getByTestId('key-enter').click();
  await page.getByTestId('home').waitFor();
}

/**
 * The conflicts screen in a real browser, on a real kiosk whose offline edit lost to a later one
 * through a real sync service and PostgreSQL: the supervisor's header badge, one card in words,
 * EN and FR, landscape and portrait (screenshots in tests/e2e/screenshots/), and "use mine".
 * Needs `npx electron-vite build` first, like the e2e suite.
 */
describe.skipIf(!existsSync(rendererDir))('the conflicts screen in a browser', () => {
  it('shows supervisors a badge and one card in words per lost edit, and puts the value back', async () => {
    const { vessel, id } = await lostCourseChange();
    const host = await createHttpHost({ kiosk: vessel, rendererDir });
    onTestFinished(() => host.close());
    const url = await host.listen({ host: '127.0.0.1', port: 0 });
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
    onTestFinished(() => browser.close());
    const page = await browser.newPage({ viewport: LANDSCAPE, locale: 'en-GB', timezoneId: 'Europe/Paris' });

    // A waiter sees no badge: it is for people who may resolve conflicts.
    await page.goto(`${url}/`);
    await page.getByTestId('lang-en').click();
    await signIn(page, 'Hugo Moreau', '4444');
    expect(await page.getByTestId('conflicts-badge').count()).toBe(0);
    await page.getByTestId('sign-out').click();

    await signIn(page, 'Camille Martin', '1111');
    const badge = page.getByTestId('conflicts-badge');
    await badge.waitFor();
    expect(await badge.getAttribute('data-count')).toBe('1');
    expect(await badge.innerText()).toMatch(/1\s+To look at/);
    await page.screenshot({ path: shot('conflicts-badge-en-landscape') });

    await badge.click();
    const card = page.getByTestId('conflict-item');
    await card.first().waitFor();
    expect(await card.count()).toBe(1);
    const words = await card.innerText();
    expect(words).toContain('Ana Ribeiro: Course');
    expect(words).toContain('French B2');
    expect(words).toContain('Spanish A1');
    expect(words).toContain('Shore office');
    expect(words).toContain('Bridge tablet');
    expect(words).toContain('Sophie Laurent');
    expect(words).not.toContain('classes.updateStudent');
    expect(words).not.toMatch(/\d{16}-[0-9a-f]{4}/);
    await card.scrollIntoViewIfNeeded();
    await page.screenshot({ path: shot('conflicts-en-landscape'), fullPage: true });
    await page.setViewportSize(PORTRAIT);
    // On a portrait tablet the badge sits beside the name, not over it: nothing in the header
    // spills out of its own box or overlaps another.
    const crowded = await page.evaluate(() => {
      const els = [...document.querySelectorAll<HTMLElement>('.header__badge, .header__user, .status-pill')];
      const spill = els.filter((el) => el.scrollWidth > el.clientWidth + 1).map((el) => el.className);
      const boxes = els.map((el) => el.getBoundingClientRect());
      const overlap = boxes.some((a, i) =>
        boxes.some((b, j) => i < j && a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom),
      );
      return { spill, overlap };
    });
    expect(crowded).toEqual({ spill: [], overlap: false });
    await page.screenshot({ path: shot('conflicts-en-portrait'), fullPage: true });

    await page.getByTestId('lang-fr').click();
    await page.getByText('Ana Ribeiro : Cours').waitFor();
    // Large touch targets: every button of the card and the badge at least 64 px high.
    for (const b of await page.locator('[data-testid="conflict-item"] button, [data-testid="conflicts-badge"]').all())
      expect((await b.boundingBox())!.height).toBeGreaterThanOrEqual(64);
    const mots = await card.innerText();
    expect(mots).toContain('Gardée');
    expect(mots).toContain('Mise de côté');
    expect(mots).toContain('Remettre la mienne');
    await page.screenshot({ path: shot('conflicts-fr-portrait'), fullPage: true });
    await page.setViewportSize(LANDSCAPE);
    await page.screenshot({ path: shot('conflicts-fr-landscape'), fullPage: true });
    await page.getByTestId('go-home').click();
    await page.getByTestId('conflicts-badge').waitFor();
    await page.screenshot({ path: shot('conflicts-badge-fr-landscape') });
    await page.setViewportSize(PORTRAIT);
    await page.screenshot({ path: shot('conflicts-badge-fr-portrait') });
    await page.getByTestId('lang-en').click();
    await page.screenshot({ path: shot('conflicts-badge-en-portrait') });

    // "Use mine instead" with the keyboard: the card goes, and so does the badge.
    await page.getByTestId('conflicts-badge').click();
    await page.getByTestId('conflict-use-mine').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('conflict-item').waitFor({ state: 'detached' });
    await page.getByTestId('go-home').click();
    await page.getByTestId('home').waitFor();
    expect(await page.getByTestId('conflicts-badge').count()).toBe(0);
    const row = vessel.store.raw.prepare('SELECT course FROM students WHERE id = ?').get(id) as { course: string };
    expect(row.course).toBe('Spanish A1');
  });
});
