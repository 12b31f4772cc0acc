import { fillOpening, openCompliance } from './support/compliance-form.js';
import { expect, test } from './support/fixtures.js';

test('a failed critical reading raises a corrective action; the chef closes it with a note and his PIN', async ({
  page,
}) => {
  await openCompliance(page, 'Lucas Bernard');
  await fillOpening(page, '7');
  await page.getByTestId('approval-pin').fill('2222');
  await page.getByTestId('sign-submit').click();
  await expect(page.getByTestId('report-status')).toHaveText('Submitted');

  await page.getByTestId('compliance-tab-actions').click();
  const action = page.getByTestId('action-fridge_temp');
  await expect(action).toContainText('Walk-in fridge temperature');
  await expect(action).toContainText('Owner: chef');
  await expect(action).not.toContainText('Overdue');
  await action.getByTestId('action-move-done').click();
  // Done needs a note: the button waits for it.
  await action.getByTestId('action-pin').fill('2222');
  await expect(action.getByTestId('action-confirm')).toBeDisabled();
  await action.getByTestId('action-note').fill('Door seal replaced; 3 °C an hour later');
  await action.getByTestId('action-confirm').click();
  await expect(page.getByTestId('compliance-actions').getByRole('status')).toHaveText('Signed.');
  await expect(page.getByRole('region', { name: /^Done/ })).toContainText('Done, signed by Lucas Bernard (chef)');
  await expect(action).toContainText('Door seal replaced');
  await expect(action.getByTestId('action-move-done')).toHaveCount(0);
});
