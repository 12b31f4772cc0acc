import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, openKiosk, signIn, test, typePin } from './support/fixtures.js';

const shot = (name: string) => fileURLToPath(new URL(`./screenshots/tables-${name}.png`, import.meta.url));

/** Camille (manager) serves, approves and may open the kitchen display: one sign-in for the whole service. */
async function openTables(page: Page) {
  await openKiosk(page);
  await signIn(page, 'Camille Martin');
  await page.getByTestId('lang-en').click();
  await page.getByTestId('area-tables').click();
  await expect(page.getByTestId('tables-floor')).toBeVisible();
}

async function addItem(page: Page, seat: number, category: string, item: string, modifier?: string) {
  await page.getByTestId(`seat-${seat}`).click();
  await page.getByTestId(`category-${category}`).click();
  await page.getByTestId(`menu-item-${item}`).click();
  await expect(page.getByTestId('item-dialog')).toBeVisible();
  if (modifier) await page.getByTestId(`modifier-${modifier}`).check();
  await page.getByTestId('item-add').click();
  await expect(page.getByTestId('item-dialog')).toBeHidden();
}

/** Opens table 3 for two and orders a steak for seat 1, a soup and a water for seat 2. */
async function orderForTwo(page: Page) {
  await expect(page.getByTestId('table-3')).toHaveAttribute('data-state', 'free');
  await page.getByTestId('table-3').click();
  await expect(page.getByTestId('guests-count')).toHaveText('2 guests');
  await page.getByTestId('open-table').click();
  await expect(page.getByTestId('tables-order')).toBeVisible();
  await addItem(page, 1, 'Mains', 'Steak frites', 'Rare');
  await addItem(page, 2, 'Starters', 'French onion soup');
  await addItem(page, 2, 'Drinks', 'Sparkling water');
  await expect(page.getByTestId('order-line')).toHaveCount(3);
  await expect(page.getByTestId('order-total')).toContainText('€34.50');
}

test('a table from order to close: two seats, send, kitchen bump and recall, void with a PIN, split by seat, pay, close', async ({
  page,
}) => {
  await openTables(page);
  await orderForTwo(page);
  await page.getByTestId('order-send').click();
  await expect(page.getByTestId('tables-notice')).toBeVisible();
  await expect(page.locator('[data-testid=order-line][data-state=new]')).toHaveCount(3);

  // The water was spilt: a manager voids it with her own PIN and says why.
  await page
    .getByTestId('order-seat-2')
    .getByTestId('order-line')
    .filter({ hasText: 'Sparkling water' })
    .getByTestId('line-void')
    .click();
  await expect(page.getByTestId('approve-dialog')).toBeVisible();
  await page.getByTestId('approve-reason').fill('Spilt on the table');
  await typePin(page, '1111');
  await expect(page.getByTestId('approve-dialog')).toBeHidden();
  await expect(page.locator('[data-testid=order-line][data-state=void]')).toHaveCount(1);
  await expect(page.getByTestId('order-total')).toContainText('€30.50');
  await page.getByTestId('to-floor').click();
  await expect(page.getByTestId('table-3')).toHaveAttribute('data-state', 'sent');

  // The kitchen display: the grill ticket goes new -> preparing -> ready, a recall brings it back once.
  await page.getByTestId('back-home').click();
  await page.getByTestId('area-kitchen').click();
  const grill = page.getByTestId('ticket-3-grill');
  await expect(grill).toHaveAttribute('data-status', 'new');
  await expect(grill).toContainText('Steak frites');
  await expect(grill).toContainText('Rare');
  await grill.getByTestId('ticket-bump').click();
  await expect(grill).toHaveAttribute('data-status', 'preparing');
  await grill.getByTestId('ticket-bump').click();
  await expect(grill).toHaveAttribute('data-status', 'ready');
  await grill.getByTestId('ticket-recall').click();
  await expect(grill).toHaveAttribute('data-status', 'preparing');
  await grill.getByTestId('ticket-bump').click();
  await expect(grill).toHaveAttribute('data-status', 'ready');

  await page.getByTestId('back-home').click();
  await page.getByTestId('area-tables').click();
  await expect(page.getByTestId('table-3')).toHaveAttribute('data-state', 'ready');
  await page.getByTestId('table-3').click();
  await page.getByTestId('order-pay').click();
  await expect(page.getByTestId('bill-due')).toHaveText('€30.50');

  // Split by seat: seat 1 pays the steak by card, seat 2 the soup in cash with a tip.
  await page.getByTestId('split-seat').click();
  await expect(page.getByTestId('share-seat-1')).toContainText('€22.00');
  await expect(page.getByTestId('share-seat-2')).toContainText('€8.50');
  await page.getByTestId('share-seat-1').click();
  await page.getByTestId('method-card').click();
  await page.getByTestId('pay-record').click();
  await expect(page.getByTestId('share-seat-1')).toHaveAttribute('data-paid', 'true');
  await expect(page.getByTestId('bill-due')).toHaveText('€8.50');
  await expect(page.getByTestId('table-close')).toBeDisabled();
  await page.getByTestId('share-seat-2').click();
  await page.getByTestId('method-cash').click();
  await page.getByTestId('pay-tip').fill('1.50');
  await expect(page.getByTestId('pay-record')).toContainText('€10.00');
  await page.getByTestId('pay-record').click();
  await expect(page.getByTestId('bill-due')).toHaveText('€0.00');
  await expect(page.getByTestId('bill-tips')).toHaveText('€1.50');

  // The guest's receipt: a PDF of the bill in both languages, and the till-roll layout on paper.
  await page.getByTestId('receipt-open').click();
  await page.getByTestId('export-format-pdf').click();
  await expect(page.getByTestId('export-ready')).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-download').click()]);
  const text = execFileSync('pdftotext', ['-layout', (await download.path())!, '-'], { encoding: 'utf8' });
  expect(text).toContain('Receipt · table 3');
  expect(text).toContain('Reçu · table 3');
  expect(text).toContain('Steak frites');
  expect(text).not.toContain('Sparkling water');
  await page.getByTestId('export-close').click();
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('receipt-print-layout')).toBeVisible();
  await expect(page.getByTestId('receipt-print-layout')).toContainText('€30.50');
  await page.screenshot({ path: shot('receipt-print-en'), fullPage: false });
  await page.emulateMedia({ media: 'screen' });
  await page.getByTestId('lang-fr').click();
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('receipt-print-layout')).toContainText('30,50');
  await page.screenshot({ path: shot('receipt-print-fr'), fullPage: false });
  await page.emulateMedia({ media: 'screen' });
  await page.getByTestId('lang-en').click();
  await expect(page.getByTestId('receipt-print-layout')).toBeHidden();

  await page.getByTestId('table-close').click();
  await expect(page.getByTestId('tables-floor')).toBeVisible();
  await expect(page.getByTestId('table-3')).toHaveAttribute('data-state', 'free');
});

test('guests move to a free table, another table merges into theirs, and the kitchen ticket follows them', async ({
  page,
}) => {
  await openTables(page);
  await orderForTwo(page);
  await page.getByTestId('order-send').click();
  await expect(page.locator('[data-testid=order-line][data-state=new]')).toHaveCount(3);

  await page.getByTestId('order-move').click();
  await expect(page.getByTestId('move-dialog')).toBeVisible();
  await page.getByTestId('move-pick-5').click();
  await expect(page.getByTestId('move-pick-5')).toHaveAttribute('aria-pressed', 'true');
  await page.getByTestId('move-confirm').click();
  await expect(page.getByTestId('move-dialog')).toBeHidden();
  await expect(page.getByTestId('tables-notice')).toHaveText('Guests moved.');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('5');

  // Table 1 orders a soup, then joins table 5 on one bill.
  await page.getByTestId('to-floor').click();
  await expect(page.getByTestId('table-3')).toHaveAttribute('data-state', 'free');
  await expect(page.getByTestId('table-5')).toHaveAttribute('data-state', 'sent');
  await page.getByTestId('table-1').click();
  await page.getByTestId('open-table').click();
  await addItem(page, 1, 'Starters', 'French onion soup');
  await page.getByTestId('order-move').click();
  await page.getByTestId('move-pick-5').click();
  await expect(page.getByTestId('move-dialog')).toContainText('cannot be undone');
  await page.getByTestId('move-confirm').click();
  await expect(page.getByTestId('tables-notice')).toHaveText('Tables merged: one bill.');
  await expect(page.getByTestId('order-line')).toHaveCount(4);
  await expect(page.getByTestId('order-total')).toContainText('€43.00');

  await page.getByTestId('back-home').click();
  await page.getByTestId('area-kitchen').click();
  await expect(page.getByTestId('ticket-5-grill')).toBeVisible();
  await expect(page.getByTestId('ticket-3-grill')).toHaveCount(0);
});

test('the kitchen marks the soup sold out (86): the waiter cannot order it until it is back', async ({ page }) => {
  await openTables(page);
  await page.getByTestId('back-home').click();
  await page.getByTestId('area-kitchen').click();
  await page.getByTestId('sold-out-open').click();
  const soup = page.getByTestId('sold-out-French onion soup');
  await expect(soup).toHaveAttribute('aria-pressed', 'false');
  await soup.click();
  await expect(soup).toHaveAttribute('aria-pressed', 'true');
  await expect(soup).toContainText('Sold out');
  await page.getByTestId('sold-out-close').click();

  await page.getByTestId('back-home').click();
  await page.getByTestId('area-tables').click();
  await page.getByTestId('table-3').click();
  await page.getByTestId('open-table').click();
  await page.getByTestId('category-Starters').click();
  await expect(page.getByTestId('menu-item-French onion soup')).toBeDisabled();
  await expect(page.getByTestId('menu-item-French onion soup')).toContainText('Sold out');

  await page.getByTestId('back-home').click();
  await page.getByTestId('area-kitchen').click();
  await page.getByTestId('sold-out-open').click();
  await page.getByTestId('sold-out-French onion soup').click();
  await expect(page.getByTestId('sold-out-French onion soup')).toHaveAttribute('aria-pressed', 'false');
  await page.getByTestId('sold-out-close').click();
  await page.getByTestId('back-home').click();
  await page.getByTestId('area-tables').click();
  await page.getByTestId('table-3').click();
  await page.getByTestId('category-Starters').click();
  await expect(page.getByTestId('menu-item-French onion soup')).toBeEnabled();
});

test('three waters in one go: the quantity stepper puts 3 × on one line and the bill counts all three', async ({
  page,
}) => {
  await openTables(page);
  await page.getByTestId('table-3').click();
  await page.getByTestId('open-table').click();
  await page.getByTestId('seat-1').click();
  await page.getByTestId('category-Drinks').click();
  await page.getByTestId('menu-item-Sparkling water').click();
  await expect(page.getByTestId('quantity-count')).toHaveText('1 portion');
  await expect(page.getByTestId('quantity-fewer')).toBeDisabled();
  await page.getByTestId('quantity-more').click();
  await page.getByTestId('quantity-more').click();
  await page.getByTestId('quantity-more').click();
  await page.getByTestId('quantity-fewer').click();
  await expect(page.getByTestId('quantity-count')).toHaveText('3 portions');
  await expect(page.getByTestId('item-add')).toHaveText('Add 3 for seat 1');
  await page.getByTestId('item-add').click();
  await expect(page.getByTestId('order-line')).toHaveCount(1);
  await expect(page.getByTestId('order-line')).toContainText('3 × ');
  await expect(page.getByTestId('order-total')).toContainText('€12.00');
});

test('table service screens in EN and FR, landscape and portrait @screens', async ({ page }) => {
  // Five screens and a dialog in four layouts: longer than one flow, on any machine.
  test.slow();
  await openTables(page);
  await orderForTwo(page);
  await page.getByTestId('order-send').click();
  await expect(page.locator('[data-testid=order-line][data-state=new]')).toHaveCount(3);
  for (const lang of ['en', 'fr'] as const) {
    await page.getByTestId(`lang-${lang}`).click();
    for (const [orientation, size] of [
      ['landscape', { width: 1280, height: 800 }],
      ['portrait', { width: 800, height: 1280 }],
    ] as const) {
      await page.setViewportSize(size);
      await page.getByTestId('to-floor').click();
      await expect(page.getByTestId('table-3')).toHaveAttribute('data-state', 'sent');
      await page.screenshot({ path: shot(`floor-${lang}-${orientation}`) });
      await page.getByTestId('table-3').click();
      await expect(page.getByTestId('tables-order')).toBeVisible();
      await page.screenshot({ path: shot(`order-${lang}-${orientation}`) });
      await page.getByTestId('category-Drinks').click();
      await page.getByTestId('menu-item-Sparkling water').click();
      await page.getByTestId('quantity-more').click();
      await page.screenshot({ path: shot(`item-${lang}-${orientation}`) });
      await page.getByTestId('dialog-cancel').click();
      await page.getByTestId('order-move').click();
      await page.getByTestId('move-pick-5').click();
      await page.screenshot({ path: shot(`move-${lang}-${orientation}`) });
      await page.getByTestId('dialog-cancel').click();
      await page.getByTestId('order-pay').click();
      await page.getByTestId('split-seat').click();
      await page.getByTestId('share-seat-1').click();
      await expect(page.getByTestId('pay-share')).toBeVisible();
      await page.screenshot({ path: shot(`payment-${lang}-${orientation}`) });
      await page.getByTestId('back-home').click();
      await page.getByTestId('area-kitchen').click();
      await expect(page.getByTestId('ticket-3-grill')).toBeVisible();
      await page.screenshot({ path: shot(`kitchen-${lang}-${orientation}`) });
      await page.getByTestId('sold-out-open').click();
      await expect(page.getByTestId('sold-out-Sparkling water')).toBeVisible();
      await page.screenshot({ path: shot(`sold-out-${lang}-${orientation}`) });
      await page.getByTestId('sold-out-close').click();
      await page.getByTestId('back-home').click();
      await page.getByTestId('area-tables').click();
      await page.getByTestId('table-3').click();
    }
  }
});
