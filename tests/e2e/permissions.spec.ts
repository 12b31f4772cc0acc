import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, openKiosk, shootLayouts, signIn, test } from './support/fixtures.js';

const shot = (name: string) => fileURLToPath(new URL(`./screenshots/${name}.png`, import.meta.url));

/** Calls the host's API from inside the page with the page's own session token. */
const callApi = (page: Page, method: string, input: unknown = {}) =>
  page.evaluate(
    async ({ method, input }) => {
      const token = sessionStorage.getItem('shiftdeck.session');
      const res = await fetch(`/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ input }),
      });
      return { status: res.status, body: await res.json() };
    },
    { method, input },
  );

test('staff do not see the audit tile, and calling audit.list anyway is FORBIDDEN', async ({ page }) => {
  await openKiosk(page);
  await signIn(page, 'Emma Dubois');
  await expect(page.getByTestId('area-training')).toBeVisible();
  await expect(page.getByTestId('area-incidents')).toBeVisible();
  await expect(page.getByTestId('area-audit')).toHaveCount(0);
  await expect(page.getByTestId('area-admin')).toHaveCount(0);

  const r = await callApi(page, 'audit.list', { limit: 10 });
  expect(r.body.ok).toBe(false);
  expect(r.body.error.code).toBe('FORBIDDEN');
});

test('opening the audit route without the permission shows the translated FORBIDDEN error', async ({ page }) => {
  await openKiosk(page);
  await signIn(page, 'Emma Dubois');
  await page.evaluate(() => (location.hash = '#/area/audit'));
  const error = page.getByTestId('screen-error');
  await expect(error).toHaveAttribute('data-code', 'FORBIDDEN');
  await expect(error).toContainText('Your role does not allow this');
  await expect(page.getByTestId('audit-table')).toHaveCount(0);

  await page.getByTestId('lang-fr').click();
  await expect(error).toContainText('Votre rôle ne permet pas cette action');
  await page.getByTestId('back-home').click();
  await expect(page.getByTestId('home')).toBeVisible();
});

test('the admin screen is FORBIDDEN to staff too, and the sync screen without sync.view', async ({ page }) => {
  await openKiosk(page);
  await signIn(page, 'Emma Dubois');
  await page.evaluate(() => (location.hash = '#/area/admin'));
  await expect(page.getByTestId('screen-error')).toHaveAttribute('data-code', 'FORBIDDEN');
  await page.evaluate(() => (location.hash = '#/area/sync'));
  await expect(page.getByTestId('screen-error')).toHaveAttribute('data-code', 'FORBIDDEN');
  await expect(page.getByTestId('sync-pending')).toHaveCount(0);
});

test('a manager opens the audit log and sees the sign-ins with translated labels', async ({ page }) => {
  await openKiosk(page);
  await signIn(page, 'Camille Martin');
  await page.getByTestId('area-audit').click();
  const table = page.getByTestId('audit-table');
  await expect(table).toBeVisible();
  await expect(table.locator('tr[data-action="auth.sign_in"]').first()).toContainText('Signed in');
  await page.getByTestId('lang-fr').click();
  await expect(table.locator('tr[data-action="auth.sign_in"]').first()).toContainText('Connexion');
});

test('areas that are not built yet say so plainly', async ({ page }) => {
  await openKiosk(page);
  await signIn(page, 'Hugo Moreau');
  // Every area of a restaurant is built now; a link to one that is not still says so.
  await page.goto('./#/area/reservations');
  await expect(page.getByTestId('area-unavailable')).toContainText('This area is not available on this kiosk yet');
  await page.getByTestId('back-home').click();
  await expect(page.getByTestId('home')).toBeVisible();
});

test('the sync screen shows the sync status to a manager', async ({ page }) => {
  await openKiosk(page);
  await signIn(page, 'Camille Martin');
  await page.getByTestId('area-sync').click();
  await expect(page.getByTestId('sync-pending')).toBeVisible();
  await expect(page.getByTestId('sync-conflicts')).toBeVisible();
  await expect(page.getByTestId('sync-dead-letters')).toBeVisible();
});

test('an administrator changes a role, adds a person and sets the idle lock', async ({ page }) => {
  await openKiosk(page);
  await signIn(page, 'Sophie Laurent');
  await page.getByTestId('area-admin').click();
  await expect(page.getByTestId('admin-people')).toBeVisible();

  const emma = page.getByTestId('admin-people').locator('li').filter({ hasText: 'Emma Dubois' });
  await emma.getByTestId('role-select').selectOption({ label: 'Waiter' });
  await page.getByTestId('role-confirm').getByTestId('dialog-confirm').click();
  await expect(page.getByTestId('admin-notice')).toContainText('Role updated for Emma Dubois');

  const form = page.getByTestId('add-person');
  await form.getByLabel('Name').fill('Jules Garnier');
  await form.getByLabel('PIN (4 to 8 digits)').fill('8080');
  await form.getByLabel('Role').selectOption({ label: 'Chef' });
  await form.getByTestId('add-person-submit').click();
  await expect(page.getByTestId('admin-notice')).toContainText('Jules Garnier was added');
  await expect(page.getByTestId('admin-people')).toContainText('Jules Garnier');

  const idle = page.getByTestId('idle-lock');
  await idle.getByRole('spinbutton').fill('300');
  await page.getByTestId('idle-lock-submit').click();
  await expect(page.getByTestId('admin-notice')).toContainText('300 seconds');

  await page.getByTestId('sign-out').click();
  await expect(page.getByTestId('user-tile').filter({ hasText: 'Jules Garnier' })).toContainText('Chef');
  await expect(page.getByTestId('user-tile').filter({ hasText: 'Emma Dubois' })).toContainText('Waiter');
});

test('an administrator moves the site to another time zone, picked from a list', async ({ page }) => {
  await openKiosk(page);
  await signIn(page, 'Sophie Laurent');
  await page.getByTestId('lang-en').click();
  await page.getByTestId('area-admin').click();
  const form = page.getByTestId('site-timezone');
  await expect(form).toContainText('Now: Europe/Paris');
  await expect(page.getByTestId('site-timezone-submit')).toBeDisabled();
  await page.getByTestId('site-timezone-select').selectOption('Pacific/Auckland');
  await page.getByTestId('site-timezone-submit').click();
  await expect(page.getByTestId('admin-notice')).toContainText('Pacific/Auckland');
  await expect(form).toContainText('Now: Pacific/Auckland');
  await shootLayouts(page, shot, 'admin-timezone');
});
