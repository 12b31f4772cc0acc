import type { Page } from '@playwright/test';
import { expect, openKiosk, signIn, test, typePin } from './support/fixtures.js';

test('after 121 s without activity the screen locks, and the same PIN unlocks it', async ({ page, kiosk }) => {
  await openKiosk(page);
  await signIn(page, 'Lucas Bernard');
  await kiosk.advanceClock(121_000);
  await expect(page.getByTestId('lock-screen')).toBeVisible();
  await expect(page.getByTestId('home')).toHaveCount(0);
  await expect(page.getByTestId('lock-screen')).toContainText('Lucas Bernard');

  await typePin(page, '2222');
  await expect(page.getByTestId('home')).toBeVisible();
  await expect(page.getByTestId('lock-screen')).toHaveCount(0);
});

test('a wrong PIN does not unlock; "switch person" signs out', async ({ page, kiosk }) => {
  await openKiosk(page);
  await signIn(page, 'Lucas Bernard');
  await kiosk.advanceClock(121_000);
  await expect(page.getByTestId('lock-screen')).toBeVisible();

  await typePin(page, '1111');
  await expect(page.getByTestId('pin-error')).toHaveAttribute('data-code', 'PIN_INVALID');
  await expect(page.getByTestId('lock-screen')).toBeVisible();

  await page.getByTestId('switch-person').click();
  await expect(page.getByTestId('pin-pad')).toBeVisible();
  await expect(page.getByTestId('user-tile')).toHaveCount(8);
});

test('a call made within the idle time keeps the session open', async ({ page, kiosk }) => {
  await openKiosk(page);
  await signIn(page, 'Lucas Bernard');
  await kiosk.advanceClock(100_000);
  // The reload asks the core for the session and the home areas: activity.
  await page.reload();
  await expect(page.getByTestId('home')).toBeVisible();
  await kiosk.advanceClock(100_000);
  expect(await sessionState(page)).toBe('active');
  await expect(page.getByTestId('lock-screen')).toHaveCount(0);
  await kiosk.advanceClock(21_000);
  await expect(page.getByTestId('lock-screen')).toBeVisible();
});

/** The session's state as the core sees it (auth.session does not count as activity). */
const sessionState = (page: Page) =>
  page.evaluate(async () => {
    const token = sessionStorage.getItem('shiftdeck.session');
    const res = await fetch('/api/auth.session', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: '{"input":{}}',
    });
    const body = await res.json();
    return body.ok ? (body.value?.state ?? null) : body.error.code;
  });
