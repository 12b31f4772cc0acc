import type { Page } from '@playwright/test';
import { expect, openKiosk, signIn } from './fixtures.js';

/** Opens the kiosk, signs `name` in and opens the compliance area. */
export async function openCompliance(page: Page, name: string) {
  await openKiosk(page);
  await signIn(page, name);
  await page.getByTestId('area-compliance').click();
  await expect(page.getByTestId('screen-compliance')).toBeVisible();
}

/**
 * Answers every item of the restaurant opening checklist the way a passing morning looks, but for
 * the walk-in fridge reading, given in °C (3 passes; 7 fails a critical item).
 */
export async function fillOpening(page: Page, fridge = '3') {
  await page.getByTestId('compliance-new-RESTAURANT_OPENING').click();
  await expect(page.getByTestId('compliance-report')).toHaveAttribute('data-status', 'draft');
  const tap = async (id: string, label: string) => {
    const button = page.getByTestId(`item-${id}`).getByRole('button', { name: label, exact: true });
    await button.click();
    await expect(button).toHaveAttribute('aria-pressed', 'true');
  };
  for (const id of [
    'floors_clean',
    'handwash_stocked',
    'exits_clear',
    'dates_checked',
    'sanitiser_ready',
    'uniforms',
    'staff_fit',
  ])
    await tap(id, 'Yes');
  await tap('pests_seen', 'No');
  await tap('dishwasher_temp', 'N/A');
  // The template's range for the walk-in fridge is 0 to 4 °C.
  const fridgeOutcome = Number(fridge) >= 0 && Number(fridge) <= 4 ? 'pass' : 'fail';
  for (const [id, v, outcome] of [
    ['fridge_temp', fridge, fridgeOutcome],
    ['freezer_temp', '-20', 'pass'],
  ] as const) {
    await page.getByTestId(`input-${id}`).fill(v);
    await page.getByTestId(`item-${id}`).getByRole('button', { name: 'Save' }).click();
    await expect(page.getByTestId(`item-${id}`)).toHaveAttribute('data-outcome', outcome);
  }
  await page.getByTestId('item-opened_by').getByRole('button').first().click();
  await expect(page.getByTestId('item-opened_by').getByRole('button').first()).toHaveText('Signed');
}
