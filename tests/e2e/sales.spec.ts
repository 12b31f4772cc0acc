import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { apiAs, expect, openKiosk, sessionToken, shootLayouts, signIn, test } from './support/fixtures.js';

const shot = (name: string) => fileURLToPath(new URL(`./screenshots/sales-${name}.png`, import.meta.url));

/** A table served and paid in full (by card unless told), as the manager: returns what it cost. */
async function serveAndPay(page: Page, quantity: number, method: 'card' | 'cash' = 'card'): Promise<number> {
  const floor = await apiAs<{ tables: { id: string; state: string }[] }>(page, 'tables.floor', {});
  const table = floor.tables.find((t) => t.state === 'free')!;
  const menu = await apiAs<{ items: { id: string }[] }>(page, 'tables.menu', {});
  const { sessionId } = await apiAs<{ sessionId: string }>(page, 'tables.open', { tableId: table.id, guests: 2 });
  await apiAs(page, 'tables.addLine', { sessionId, itemId: menu.items[0]!.id, seat: 1, quantity });
  await apiAs(page, 'tables.send', { sessionId, sendId: crypto.randomUUID() });
  const bill = await apiAs<{ dueCents: number }>(page, 'tables.session', { sessionId });
  await apiAs(page, 'tables.pay', {
    sessionId,
    paymentKey: crypto.randomUUID(),
    shareKey: 'all',
    amountCents: bill.dueCents,
    tipCents: 150,
    method,
  });
  return bill.dueCents;
}

const euros = (cents: number) =>
  new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'EUR' }).format(cents / 100);

test('the manager sees the day’s takings, and a sale on another screen appears without a tap', async ({ page }) => {
  await openKiosk(page);
  await signIn(page, 'Camille Martin');
  await page.getByTestId('lang-en').click();
  const first = await serveAndPay(page, 2);
  await page.getByTestId('area-sales').click();
  await expect(page.getByTestId('screen-sales')).toBeVisible();
  await expect(page.getByTestId('sales-today')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('sales-taken')).toContainText(euros(first));
  await expect(page.getByTestId('sales-bills')).toContainText('1');
  await expect(page.getByTestId('sales-tips')).toContainText(euros(150));
  await expect(page.getByTestId('sales-items').locator('tbody tr')).toHaveCount(1);
  await expect(page.getByTestId('sales-items').locator('tbody tr td').nth(1)).toHaveText('2');

  // Another bill paid while the screen is open: the figures follow the synced rows.
  const second = await serveAndPay(page, 1);
  await expect(page.getByTestId('sales-taken')).toContainText(euros(first + second));
  await expect(page.getByTestId('sales-bills')).toContainText('2');
  await page.getByTestId('sales-month').click();
  await expect(page.getByTestId('sales-month')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('sales-taken')).toContainText(euros(first + second));
});

test('a waiter has no Sales area, and the figures are refused to them', async ({ page }) => {
  await openKiosk(page);
  await signIn(page, 'Hugo Moreau');
  await expect(page.getByTestId('home')).toBeVisible();
  await expect(page.getByTestId('area-sales')).toHaveCount(0);
  const token = await sessionToken(page);
  const r = await page.request.post('./api/tables.sales', {
    headers: { Authorization: `Bearer ${token}` },
    data: { input: { period: 'today' } },
  });
  expect(((await r.json()) as { error: { code: string } }).error.code).toBe('FORBIDDEN');
});

test('the service day: a shift opened with a float, orders stopped and started, the drawer counted at the close', async ({
  page,
}) => {
  await openKiosk(page);
  await signIn(page, 'Camille Martin');
  await page.getByTestId('lang-en').click();
  await page.getByTestId('area-sales').click();
  const panel = page.getByTestId('service-panel');
  // A float that is not an amount is refused under its field, and nothing opens.
  await panel.getByTestId('shift-float').fill('cent');
  await panel.getByTestId('shift-open-button').click();
  await expect(panel.getByTestId('problem-shift-float')).toBeVisible();
  await panel.getByTestId('shift-float').fill('100');
  await panel.getByTestId('shift-open-button').click();
  await expect(panel.getByTestId('shift-expected')).toContainText(euros(10000));

  // A cash bill (with its tip) paid elsewhere: the expected cash follows without a tap.
  const cash = await serveAndPay(page, 1, 'cash');
  await expect(panel.getByTestId('shift-expected')).toContainText(euros(10000 + cash + 150));

  // Orders stopped: the waiters' floor says so.
  await panel.getByTestId('orders-off').click();
  await expect(panel.getByTestId('orders-off')).toHaveAttribute('aria-pressed', 'true');
  await page.getByTestId('go-home').click();
  await page.getByTestId('area-tables').click();
  await expect(page.getByTestId('orders-stopped')).toBeVisible();
  await page.getByTestId('go-home').click();
  await page.getByTestId('area-sales').click();
  await panel.getByTestId('orders-on').click();
  await expect(panel.getByTestId('orders-on')).toHaveAttribute('aria-pressed', 'true');

  // Two euros over at the close.
  await panel.getByTestId('shift-counted').fill(String((10000 + cash + 150 + 200) / 100).replace('.', ','));
  await panel.getByTestId('shift-note').fill('tip left in the drawer');
  await panel.getByTestId('shift-close').click();
  await expect(panel.getByTestId('shift-result')).toContainText(`+${euros(200)}`);
  await expect(panel.getByTestId('shift-history').locator('tbody tr')).toHaveCount(1);
  await expect(panel.getByTestId('shift-open-button')).toBeVisible();
});

test('@screens the sales screen in EN and FR, landscape and portrait', async ({ page }) => {
  await openKiosk(page);
  await signIn(page, 'Camille Martin');
  await serveAndPay(page, 3);
  await serveAndPay(page, 1, 'cash');
  await page.getByTestId('area-sales').click();
  await page.getByTestId('shift-float').fill('150');
  await page.getByTestId('shift-open-button').click();
  await expect(page.getByTestId('shift-expected')).toBeVisible();
  await shootLayouts(
    page,
    (n) => shot(n.replace(/^sales-/, '')),
    'sales',
    () => expect(page.getByTestId('chart-sales-day')).toBeVisible(),
  );
});
