import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import type { KioskHost } from './support/kiosk-host.js';
import { expect, openKiosk, person, signIn, test, typePin } from './support/fixtures.js';

const shot = (name: string) => fileURLToPath(new URL(`./screenshots/${name}.png`, import.meta.url));
const MIN = 60_000;

/**
 * The backup drive is pulled out after one good backup: backups fail from then on, and their age
 * grows with the test clock. Nothing is faked: the kiosk's own job fails on a real file system.
 */
async function backUpThenPullTheDrive(page: Page, kiosk: KioskHost) {
  const drive = join(kiosk.dataDir, 'usb-stick');
  mkdirSync(drive);
  await page.getByTestId('area-admin').click();
  const form = page.getByTestId('backups-folder');
  await form.getByRole('textbox').fill(drive);
  await form.getByRole('button').click();
  await expect(page.getByTestId('backups-notice')).toContainText(drive);
  await page.getByTestId('backups-take-now').click();
  await expect(page.getByTestId('backups-list').locator('li')).toHaveCount(1);
  await page.getByTestId('back-home').click();
  rmSync(drive, { recursive: true });
  writeFileSync(drive, 'not a folder any more');
}

/** Moves the clock (the screen locks after idle time) and unlocks with the same PIN. */
async function waitAndUnlock(page: Page, kiosk: KioskHost, ms: number, pin: string) {
  await kiosk.advanceClock(ms);
  await expect(page.getByTestId('lock-screen')).toBeVisible();
  await typePin(page, pin);
  await expect(page.getByTestId('home')).toBeVisible();
}

test('a healthy kiosk shows no banner; a failing backup drive warns supervisors, then turns critical', async ({
  page,
  kiosk,
}) => {
  const admin = person('Sophie Laurent');
  await openKiosk(page);
  await signIn(page, admin.name);
  await page.getByTestId('lang-en').click();
  await expect(page.getByTestId('area-sync')).toBeVisible();
  await expect(page.getByTestId('home-health')).toHaveCount(0);

  await backUpThenPullTheDrive(page, kiosk);
  await waitAndUnlock(page, kiosk, 45 * MIN, admin.pin);
  const banner = page.getByTestId('home-health');
  await expect(banner).toHaveAttribute('data-level', 'warning');
  await expect(banner).toContainText('Last backup: 45 min ago (Warning)');

  await page.getByTestId('home-health-open').click();
  await expect(page.getByTestId('screen-sync')).toBeVisible();
  await expect(page.getByTestId('health-backup_age')).toHaveAttribute('data-level', 'warning');
  await expect(page.getByTestId('health-worst')).toHaveText('Something needs attention soon.');

  // The failed backups were recorded as unexpected errors, with a code and a place only.
  await page.getByTestId('back-home').click();
  await page.getByTestId('area-admin').click();
  await expect(page.getByTestId('error-log-row').first()).toContainText('job:backups.quarter-hour');

  await page.getByTestId('back-home').click();
  await waitAndUnlock(page, kiosk, 2 * 60 * MIN, admin.pin);
  await expect(banner).toHaveAttribute('data-level', 'critical');
  await expect(banner).toContainText('This kiosk needs attention now');

  // A waiter's home screen never shows it: health is for roles with sync.view.
  await page.getByTestId('sign-out').click();
  await signIn(page, 'Lucas Bernard');
  await expect(page.getByTestId('home-health')).toHaveCount(0);
});

test('screenshots of the Health panel, the home banner and the error log, EN/FR, landscape/portrait @screens', async ({
  page,
  kiosk,
}) => {
  test.setTimeout(120_000);
  const admin = person('Sophie Laurent');
  await openKiosk(page);
  await signIn(page, admin.name);
  await backUpThenPullTheDrive(page, kiosk);
  await waitAndUnlock(page, kiosk, 45 * MIN, admin.pin);
  for (const locale of ['en', 'fr'] as const) {
    await page.getByTestId(`lang-${locale}`).click();
    for (const [orientation, viewport] of [
      ['landscape', { width: 1280, height: 800 }],
      ['portrait', { width: 800, height: 1280 }],
    ] as const) {
      await page.setViewportSize(viewport);
      await expect(page.getByTestId('home-health')).toBeVisible();
      await page.screenshot({ path: shot(`health-home-${locale}-${orientation}`) });
      await page.getByTestId('home-health-open').click();
      const panel = page.getByTestId('health-panel');
      await expect(panel).toBeVisible();
      await panel.scrollIntoViewIfNeeded();
      await page.screenshot({ path: shot(`health-panel-${locale}-${orientation}`) });
      await page.getByTestId('back-home').click();
      await page.getByTestId('area-admin').click();
      const log = page.getByTestId('error-log');
      await expect(page.getByTestId('error-log-row').first()).toBeVisible();
      await log.scrollIntoViewIfNeeded();
      await page.screenshot({ path: shot(`health-errors-${locale}-${orientation}`) });
      await page.getByTestId('back-home').click();
    }
  }
});
