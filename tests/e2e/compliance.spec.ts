import { fileURLToPath } from 'node:url';
import { fillOpening, openCompliance } from './support/compliance-form.js';
import { expect, signIn, test } from './support/fixtures.js';

const shot = (name: string) => fileURLToPath(new URL(`./screenshots/compliance-${name}.png`, import.meta.url));

test('the chef fills the opening checklist and submits it; the manager reviews and approves it on board', async ({
  page,
}) => {
  await openCompliance(page, 'Lucas Bernard');
  await fillOpening(page);
  await expect(page.getByTestId('report-score')).toHaveAttribute('data-score', '100');
  await page.getByTestId('approval-pin').fill('2222');
  await page.getByTestId('sign-submit').click();
  await expect(page.getByTestId('report-status')).toHaveText('Submitted');
  await expect(page.getByTestId('approval-history')).toContainText('Submitted by Lucas Bernard (chef)');
  // The chef's role may not approve: no step left for him.
  await expect(page.getByTestId('sign-review')).toHaveCount(0);
  await page.getByTestId('sign-out').click();

  await signIn(page, 'Camille Martin');
  await page.getByTestId('area-compliance').click();
  await page.getByTestId('compliance-reports').getByRole('button', { name: 'Open' }).first().click();
  await expect(page.getByTestId('report-status')).toHaveText('Submitted');
  await page.getByTestId('approval-pin').fill('1111');
  await page.getByTestId('sign-review').click();
  await expect(page.getByTestId('report-status')).toHaveText('Reviewed');
  await page.getByTestId('approval-pin').fill('1111');
  await page.getByTestId('sign-approve').click();
  await expect(page.getByTestId('report-status')).toHaveText('Approved on board');
  await expect(page.getByTestId('approval-history')).toContainText('Approved by Camille Martin (manager)');
});

test('compliance screens in EN and FR, landscape and portrait @screens', async ({ page }) => {
  await openCompliance(page, 'Lucas Bernard');
  // A few answers are enough for the pictures (the other test fills the whole list).
  await page.getByTestId('compliance-new-RESTAURANT_OPENING').click();
  await page.getByTestId('item-floors_clean').getByRole('button', { name: 'Yes', exact: true }).click();
  await page.getByTestId('item-pests_seen').getByRole('button', { name: 'No', exact: true }).click();
  // A failing fridge reading shows the critical alert and the red score.
  await page.getByTestId('input-fridge_temp').fill('7');
  await page.getByTestId('item-fridge_temp').getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('item-fridge_temp')).toHaveAttribute('data-outcome', 'fail');
  for (const lang of ['en', 'fr'] as const) {
    await page.getByTestId(`lang-${lang}`).click();
    for (const [orientation, size] of [
      ['landscape', { width: 1280, height: 800 }],
      ['portrait', { width: 800, height: 1280 }],
    ] as const) {
      await page.setViewportSize(size);
      await page.getByTestId('item-fridge_temp').scrollIntoViewIfNeeded();
      await page.screenshot({ path: shot(`form-${lang}-${orientation}`) });
      await page.getByTestId('approval-panel').scrollIntoViewIfNeeded();
      await page.screenshot({ path: shot(`sign-off-${lang}-${orientation}`) });
      await page.getByTestId('compliance-report').getByRole('button').first().click();
      await expect(page.getByTestId('compliance-reports')).toBeVisible();
      await page.screenshot({ path: shot(`list-${lang}-${orientation}`) });
      await page.getByTestId('compliance-reports').getByRole('button').first().click();
      await expect(page.getByTestId('compliance-report')).toBeVisible();
    }
  }
});
