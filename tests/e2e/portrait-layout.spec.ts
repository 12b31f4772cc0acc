import type { Page } from '@playwright/test';
import { expect, openKiosk, signIn, test, testClockDay } from './support/fixtures.js';

const PORTRAIT = { width: 800, height: 1280 };
const today = () => testClockDay(0);
const EVERY_DAY = 'Mon 09:00 60; Tue 09:00 60; Wed 09:00 60; Thu 09:00 60; Fri 09:00 60; Sat 09:00 60; Sun 23:00 30';

/** Words of the matching elements that the browser split over two lines. */
const brokenWords = (page: Page, selector: string) =>
  page.evaluate((sel) => {
    const out: string[] = [];
    for (const el of document.querySelectorAll(sel)) {
      const node = el.firstChild;
      if (!node || node.nodeType !== Node.TEXT_NODE) continue;
      const text = node.textContent ?? '';
      for (const m of text.matchAll(/\S+/g)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
        if (lines.size > 1) out.push(m[0]);
      }
    }
    return out;
  }, selector);

test('area tiles never split a word, in French, on portrait and landscape screens', async ({ page }) => {
  await openKiosk(page);
  await page.getByTestId('lang-fr').click();
  await signIn(page, 'Sophie Laurent');
  for (const viewport of [PORTRAIT, { width: 1280, height: 800 }, { width: 1024, height: 768 }]) {
    await page.setViewportSize(viewport);
    expect(await brokenWords(page, '.area-tile__label'), `${viewport.width}x${viewport.height}`).toEqual([]);
  }
});

test('portrait: the header is one row', async ({ page }) => {
  await page.setViewportSize(PORTRAIT);
  await openKiosk(page);
  await page.getByTestId('lang-fr').click();
  await signIn(page, 'Sophie Laurent');
  await page.getByTestId('area-audit').click();
  const header = (await page.locator('.header').boundingBox())!;
  const home = (await page.getByTestId('go-home').boundingBox())!;
  const signOut = (await page.getByTestId('sign-out').boundingBox())!;
  // Sign-out sits beside Home, not on a second line under it.
  expect(signOut.y).toBeLessThan(home.y + home.height);
  expect(header.height).toBeLessThan(110);
  await expect(page.getByTestId('sign-out')).toHaveAccessibleName('Se déconnecter');
});

test('portrait: long names stay inside their PIN-pad tile', async ({ page }) => {
  await page.setViewportSize(PORTRAIT);
  await openKiosk(page);
  await signIn(page, 'Sophie Laurent');
  const long = 'Hubert Wolfeschlegelsteinhausenbergerdorff';
  const created = await page.evaluate(async (displayName) => {
    const token = sessionStorage.getItem('shiftdeck.session');
    const call = async (method: string, input: unknown) =>
      (
        await fetch(`/api/${method}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
          body: JSON.stringify({ input }),
        })
      ).json();
    const users = await call('admin.users', {});
    const staff = users.value.roles.find((r: { code: string }) => r.code === 'staff');
    return (await call('admin.createUser', { displayName, locale: 'fr', pin: '4242', roleId: staff.id })).ok;
  }, long);
  expect(created).toBe(true);
  await page.getByTestId('sign-out').click();
  const tile = page.getByTestId('user-tile').filter({ hasText: 'Wolfeschlegel' });
  await expect(tile).toBeVisible();
  const spill = await tile.evaluate((el) => {
    const box = el.getBoundingClientRect();
    const name = el.querySelector('.user-tile__name')!.getBoundingClientRect();
    return { left: name.left - box.left, right: box.right - name.right };
  });
  expect(spill.left).toBeGreaterThanOrEqual(0);
  expect(spill.right).toBeGreaterThanOrEqual(0);
});

test('portrait: the schedule minutes box keeps its size and the week shows Sunday', async ({ page }) => {
  await page.setViewportSize(PORTRAIT);
  await openKiosk(page);
  await signIn(page, 'Camille Martin');
  await page.getByTestId('area-classes').click();
  await page.getByTestId('classes-tab-import').click();
  await page
    .getByTestId('import-text')
    .fill(`first_name,last_name,course,start_date,end_date,schedule\nAna,Lopez,Piano,${today()},,"${EVERY_DAY}"\n`);
  await page.getByTestId('import-preview').click();
  await page.getByTestId('import-all').click();
  await page.getByTestId('classes-tab-week').click();
  await page.getByTestId('week-today').click();
  const days = page.locator('.classes-day');
  await expect(days).toHaveCount(7);
  for (const box of await days.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect))) {
    expect(box.right).toBeLessThanOrEqual(PORTRAIT.width);
  }
  await page.getByTestId('classes-tab-students').click();
  await page.getByTestId('student-add').click();
  const minutes = (await page.getByTestId('slot-duration').first().boundingBox())!;
  expect(minutes.width).toBeGreaterThanOrEqual(120);
});
