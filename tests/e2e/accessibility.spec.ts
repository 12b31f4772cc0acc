import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { chooseTile, expect, openKiosk, signIn, test } from './support/fixtures.js';

/** Serious and critical axe violations, as readable lines for the failure message. */
async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

for (const locale of ['en', 'fr'] as const) {
  test(`no serious or critical axe violations on the PIN pad, home and lock screens (${locale})`, async ({
    page,
    kiosk,
  }) => {
    await openKiosk(page);
    await page.getByTestId(`lang-${locale}`).click();
    expect(await seriousViolations(page), 'people tiles').toEqual([]);

    await chooseTile(page, 'Camille Martin');
    await page.getByTestId('key-1').click();
    expect(await seriousViolations(page), 'keypad').toEqual([]);
    await page.getByTestId('key-clear').click();

    await page.getByTestId('not-you').click();
    await signIn(page, 'Camille Martin');
    expect(await seriousViolations(page), 'home').toEqual([]);

    await kiosk.advanceClock(121_000);
    await expect(page.getByTestId('lock-screen')).toBeVisible();
    expect(await seriousViolations(page), 'lock screen').toEqual([]);
  });
}

test('keyboard only: Tab reaches a tile, Enter opens the keypad, typed digits sign in', async ({ page }) => {
  await openKiosk(page);
  const first = page.getByTestId('user-tile').first();
  await first.focus();
  await expect(first).toBeFocused();
  const name = (await first.locator('.user-tile__name').textContent())!;
  await page.keyboard.press('Enter');
  await expect(page.locator('h1')).toContainText(name);
});

test('touch targets: keypad keys are at least 88 px and every button at least 64 px', async ({ page }) => {
  await openKiosk(page);
  await chooseTile(page, 'Camille Martin');
  for (const id of ['key-1', 'key-0', 'key-backspace', 'key-enter']) {
    const box = (await page.getByTestId(id).boundingBox())!;
    expect(box.height, id).toBeGreaterThanOrEqual(88);
    expect(box.width, id).toBeGreaterThanOrEqual(88);
  }
  await page.getByTestId('not-you').click();
  await signIn(page, 'Camille Martin');
  const small = await page.evaluate(() =>
    [...document.querySelectorAll('button, select, input')]
      .map((el) => ({ el, r: el.getBoundingClientRect() }))
      .filter(({ r }) => r.width > 0 && (r.height < 64 || r.width < 64))
      .map(
        ({ el, r }) =>
          `${el.getAttribute('data-testid') ?? el.textContent}: ${Math.round(r.width)}x${Math.round(r.height)}`,
      ),
  );
  expect(small).toEqual([]);
  const tile = (await page.getByTestId('area-audit').boundingBox())!;
  expect(tile.height).toBeGreaterThanOrEqual(96);
});
