import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, openKiosk, signIn, test } from './support/fixtures.js';

const shot = (name: string) => fileURLToPath(new URL(`./screenshots/${name}.png`, import.meta.url));

async function openBackups(page: Page, locale: 'en' | 'fr') {
  await openKiosk(page);
  await signIn(page, 'Sophie Laurent');
  await page.getByTestId(`lang-${locale}`).click();
  await page.getByTestId('area-admin').click();
  await expect(page.getByTestId('backups-panel')).toBeVisible();
}

test('an administrator backs up, then restores: a person added since is gone and a safety copy is kept', async ({
  page,
}) => {
  await openBackups(page, 'en');
  await expect(page.getByTestId('backups-last')).toHaveText('No backup yet.');
  await page.getByTestId('backups-take-now').click();
  await expect(page.getByTestId('backups-notice')).toContainText('Backup made');
  await expect(page.getByTestId('backups-list').locator('li')).toHaveCount(1);

  // A change after the backup: a new person.
  const form = page.getByTestId('add-person');
  await form.getByLabel('Name').fill('Late Arrival');
  await form.getByLabel('PIN').fill('4826');
  await form.getByLabel('Role').selectOption({ label: 'Staff' });
  await page.getByTestId('add-person-submit').click();
  await expect(page.getByTestId('admin-people')).toContainText('Late Arrival');

  await page.getByTestId('backup-restore').first().click();
  const dialog = page.getByTestId('restore-confirm');
  await expect(dialog).toContainText('A safety copy of the database as it is now is kept first');
  // Focus starts on Cancel, Escape cancels: nothing restored by a stray key.
  await expect(page.getByTestId('dialog-cancel')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('admin-people')).toContainText('Late Arrival');

  await page.getByTestId('backup-restore').first().click();
  await page.getByTestId('dialog-confirm').click();
  await expect(page.getByTestId('backups-notice')).toContainText('Restored the backup of');
  await expect(page.getByTestId('admin-people')).not.toContainText('Late Arrival');
  await expect(page.getByTestId('backups-list')).toContainText('Safety copy before a restore');
});

test('screenshots of the Backups panel and its restore question, EN/FR, landscape/portrait @screens', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await openBackups(page, 'en');
  await page.getByTestId('backups-take-now').click();
  await expect(page.getByTestId('backups-list').locator('li')).toHaveCount(1);
  for (const locale of ['en', 'fr'] as const) {
    await page.getByTestId('back-home').click();
    await page.getByTestId(`lang-${locale}`).click();
    await page.getByTestId('area-admin').click();
    for (const [orientation, viewport] of [
      ['landscape', { width: 1280, height: 800 }],
      ['portrait', { width: 800, height: 1280 }],
    ] as const) {
      await page.setViewportSize(viewport);
      const panel = page.getByTestId('backups-panel');
      await panel.scrollIntoViewIfNeeded();
      await page.screenshot({ path: shot(`backups-${locale}-${orientation}`) });
      await panel.getByTestId('backup-restore').first().click();
      await expect(page.getByTestId('restore-confirm')).toBeVisible();
      await page.screenshot({ path: shot(`backups-restore-${locale}-${orientation}`) });
      await page.getByTestId('dialog-cancel').click();
    }
  }
});
