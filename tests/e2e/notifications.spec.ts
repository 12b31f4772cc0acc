import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { apiAs, expect, openKiosk, sessionToken, signIn, test, testClockDay, typePin } from './support/fixtures.js';

const shot = (name: string) => fileURLToPath(new URL(`./screenshots/notifications-${name}.png`, import.meta.url));
const IDLE_LOCK_MS = 121_000;

/** The manager assigns allergen training to Emma Dubois, due in three days of the test clock. */
async function assignToEmma(page: Page) {
  const team = (await apiAs(page, 'training.team', {})) as { people: { id: string; name: string }[] };
  const emma = team.people.find((p) => p.name === 'Emma Dubois')!;
  await apiAs(page, 'training.assign', {
    userId: emma.id,
    moduleCode: 'ALLERGENS_101',
    dueAt: `${testClockDay(3)}T09:00:00.000Z`,
  });
}

/** A critical incident reported as the person signed in: it escalates to the shift lead at once. */
async function reportCritical(page: Page) {
  const [place] = (await apiAs(page, 'incidents.places', {})) as { id: string }[];
  await apiAs(page, 'incidents.report', {
    type: 'fire',
    severity: 'critical',
    placeId: place!.id,
    occurredAt: '2026-11-22T08:55:00.000Z',
    whatHappened: 'Fat fire on the grill, extinguished with the blanket',
    peopleInvolved: '',
    immediateActions: 'Gas shut off',
    confidential: false,
  });
}

test('an urgent alert sounds on the locked kiosk until the manager acknowledges it with her PIN', async ({
  page,
  kiosk,
}) => {
  await openKiosk(page);
  await signIn(page, 'Emma Dubois');
  await reportCritical(page);
  await kiosk.advanceClock(IDLE_LOCK_MS);
  const lock = page.getByTestId('lock-screen');
  await expect(lock).toBeVisible();
  const alerts = lock.getByTestId('urgent-alerts');
  await expect(alerts).toHaveAttribute('data-sounding', 'true');
  await expect(alerts.getByTestId('urgent-card')).toContainText('Fat fire on the grill');

  // Emma holds no role of level 1: she is not offered. A wrong PIN leaves the alert up.
  const people = alerts.getByTestId('urgent-person');
  await expect(people).toHaveText(['Camille Martin', 'Lucas Bernard']);
  await people.filter({ hasText: 'Camille Martin' }).click();
  await alerts.getByTestId('urgent-pin').fill('9876');
  await alerts.getByTestId('urgent-acknowledge').click();
  await expect(alerts.getByTestId('urgent-error')).toBeVisible();
  await alerts.getByTestId('urgent-pin').fill('1111');
  await alerts.getByTestId('urgent-acknowledge').click();
  await expect(page.getByTestId('urgent-alerts')).toHaveCount(0);

  // Emma unlocks her own session; the alert does not come back.
  await typePin(page, '3333');
  await expect(page.getByTestId('home')).toBeVisible();
  await expect(page.getByTestId('urgent-alerts')).toHaveCount(0);
});

test('a training reminder waits on the home screen of the person and of whoever assigned it', async ({ page }) => {
  await openKiosk(page);
  await signIn(page, 'Camille Martin');
  await assignToEmma(page);
  await page.reload();
  const mine = page.getByTestId('home-notifications').getByTestId('notification');
  await expect(mine).toHaveCount(1);
  await expect(mine).toContainText('Emma Dubois');

  await page.getByTestId('sign-out').click();
  await signIn(page, 'Emma Dubois');
  await page.getByTestId('lang-en').click();
  const hers = page.getByTestId('home-notifications').getByTestId('notification');
  await expect(hers).toHaveAttribute('data-kind', 'training_due');
  await expect(hers).toContainText('Training due: Allergen handling');
  await hers.getByTestId('notification-dismiss').click();
  await expect(page.getByTestId('home-notifications')).toContainText('Nothing needs your attention');
});

test('a report due today waits on the home screen of the chef who fills it and of the manager, in English and French', async ({
  page,
}) => {
  await openKiosk(page);
  await signIn(page, 'Camille Martin');
  await apiAs(page, 'compliance.setSchedule', {
    templateCode: 'RESTAURANT_OPENING',
    frequency: 'daily',
    roleCode: 'chef',
    startsOn: testClockDay(0),
    dueTime: '12:00',
  });
  await page.reload();
  await page.getByTestId('lang-en').click();
  const hers = page.getByTestId('home-notifications').getByTestId('notification');
  await expect(hers).toHaveAttribute('data-kind', 'report_due');
  await expect(hers).toContainText('Report due: Daily opening checklist');

  await page.getByTestId('sign-out').click();
  // The same row, read in French on the chef's screen.
  await signIn(page, 'Lucas Bernard');
  await page.getByTestId('lang-fr').click();
  const his = page.getByTestId('home-notifications').getByTestId('notification');
  await expect(his).toHaveAttribute('data-kind', 'report_due');
  await expect(his).toContainText('Rapport à rendre');
  await expect(his).toContainText("Liste de contrôle d'ouverture");
});

test('@screens notifications on the home and locked screens in EN and FR, landscape and portrait', async ({
  page,
  kiosk,
}) => {
  await openKiosk(page);
  await signIn(page, 'Camille Martin');
  await assignToEmma(page);
  await reportCritical(page);
  await page.reload();
  await expect(page.getByTestId('urgent-card')).toBeVisible();
  const sizes = [
    ['landscape', { width: 1280, height: 800 }],
    ['portrait', { width: 800, height: 1280 }],
  ] as const;
  for (const locale of ['en', 'fr'] as const) {
    await page.getByTestId(`lang-${locale}`).click();
    await expect(page.getByTestId('home-notifications').getByTestId('notification')).toHaveCount(2);
    for (const [orientation, size] of sizes) {
      await page.setViewportSize(size);
      await page.screenshot({ path: shot(`home-${locale}-${orientation}`), fullPage: true });
    }
    await kiosk.advanceClock(IDLE_LOCK_MS);
    await expect(page.getByTestId('lock-screen').getByTestId('urgent-card')).toBeVisible();
    for (const [orientation, size] of sizes) {
      await page.setViewportSize(size);
      await page.screenshot({ path: shot(`locked-${locale}-${orientation}`), fullPage: true });
    }
    await typePin(page, '1111');
    await expect(page.getByTestId('home')).toBeVisible();
  }
});
