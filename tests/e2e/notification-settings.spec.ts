import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, openKiosk, signIn, test } from './support/fixtures.js';

const shot = (name: string) =>
  fileURLToPath(new URL(`./screenshots/notification-settings-${name}.png`, import.meta.url));

async function signOut(page: Page) {
  await page.getByTestId('sign-out').click();
  await expect(page.getByTestId('pin-pad')).toBeVisible();
}

test('a person chooses email with quiet hours and a digest; an administrator names who is on call', async ({
  page,
}) => {
  await openKiosk(page);
  await signIn(page, 'Emma Dubois');
  await page.getByTestId('open-notification-settings').click();
  const form = page.getByTestId('notification-settings');
  await expect(form.getByTestId('channel-kiosk').locator('input')).toBeChecked();
  await form.getByTestId('channel-email').click();
  await form.getByTestId('settings-email').fill('emma@bistro');
  await form.getByTestId('settings-save').click();
  // A bad address is refused naming the field; nothing is saved.
  await expect(form.getByRole('alert')).toContainText(/email/i);
  await form.getByTestId('settings-email').fill('emma@bistro.example');
  await form.getByTestId('settings-quiet').click();
  await form.getByTestId('settings-quiet-from').fill('21:30');
  await form.getByTestId('settings-quiet-to').fill('07:00');
  await form.getByTestId('settings-digest').click();
  await form.getByTestId('settings-save').click();
  await expect(form.getByTestId('settings-saved')).toBeVisible();

  await page.reload();
  await expect(form.getByTestId('settings-email')).toHaveValue('emma@bistro.example');
  await expect(form.getByTestId('channel-email').locator('input')).toBeChecked();
  await expect(form.getByTestId('settings-quiet-from')).toHaveValue('21:30');
  await expect(form.getByTestId('settings-digest').locator('input')).toBeChecked();

  await page.getByTestId('back-home').click();
  await signOut(page);
  await signIn(page, 'Sophie Laurent');
  await page.getByTestId('area-on-call').click();
  const chef = page.getByTestId('on-call-chef');
  await expect(chef.getByRole('button', { name: /Everyone/ })).toHaveAttribute('aria-pressed', 'true');
  await chef.getByRole('button', { name: 'Lucas Bernard' }).click();
  await expect(chef.getByRole('button', { name: 'Lucas Bernard' })).toHaveAttribute('aria-pressed', 'true');
  await page.reload();
  await expect(page.getByTestId('on-call-chef').getByRole('button', { name: 'Lucas Bernard' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(page.getByTestId('delivery-failures')).toContainText('No failed deliveries');
});

test('notification settings and on-call screens in EN and FR, landscape and portrait @screens', async ({ page }) => {
  test.slow();
  // For the picture only: the kiosk here has no sync service, so the failure list is answered with
  // one sample of what the service records (the real read is tested in delivery-concurrency.test.ts).
  await page.route('**/api/notifications.deliveryFailures', (route) =>
    route.fulfill({
      json: {
        ok: true,
        value: [
          {
            id: '0190a6f0-0000-7000-8000-0000000000f1',
            notification: {
              id: '0190a6f0-0000-7000-8000-0000000000f2',
              kind: 'incident_escalated',
              urgency: 'urgent',
              params: {
                levelEn: 'Manager',
                levelFr: 'Gérant',
                severity: 'critical',
                type: 'fire',
                whatHappened: 'Fat fire on the grill',
              },
              raisedAt: '2026-11-22T08:55:00.000Z',
            },
            channel: 'email',
            address: 'camille@bistro.example',
            attempt: 6,
            error: 'Mailbox busy, try later (451)',
            at: '2026-11-22T10:10:00.000Z',
            nextAttemptAt: null,
          },
          {
            id: '0190a6f0-0000-7000-8000-0000000000f3',
            notification: {
              id: '0190a6f0-0000-7000-8000-0000000000f2',
              kind: 'incident_escalated',
              urgency: 'urgent',
              params: {
                levelEn: 'Manager',
                levelFr: 'Gérant',
                severity: 'critical',
                type: 'fire',
                whatHappened: 'Fat fire on the grill',
              },
              raisedAt: '2026-11-22T08:55:00.000Z',
            },
            channel: 'webhook',
            address: 'https://sms-gateway.example/hook',
            attempt: 2,
            error: 'The webhook answered HTTP 503.',
            at: '2026-11-22T09:01:00.000Z',
            nextAttemptAt: '2026-11-22T09:02:00.000Z',
          },
        ],
      },
    }),
  );
  await openKiosk(page);
  await signIn(page, 'Sophie Laurent');
  for (const lang of ['en', 'fr'] as const) {
    await page.getByTestId(`lang-${lang}`).click();
    for (const [orientation, size] of [
      ['landscape', { width: 1280, height: 800 }],
      ['portrait', { width: 800, height: 1280 }],
    ] as const) {
      await page.setViewportSize(size);
      await page.getByTestId('open-notification-settings').click();
      const form = page.getByTestId('notification-settings');
      await expect(form.getByTestId('settings-save')).toBeVisible();
      if (!(await form.getByTestId('settings-quiet').locator('input').isChecked()))
        await form.getByTestId('settings-quiet').click();
      await page.screenshot({ path: shot(`settings-${lang}-${orientation}`), fullPage: true });
      await page.getByTestId('back-home').click();
      await page.getByTestId('area-on-call').click();
      await expect(page.getByTestId('delivery-failure')).toHaveCount(2);
      await page.screenshot({ path: shot(`on-call-${lang}-${orientation}`), fullPage: true });
      await page.getByTestId('back-home').click();
    }
  }
});
