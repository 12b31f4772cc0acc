import { fileURLToPath } from 'node:url';
import { expect, openKiosk, signIn, test, testClockDay } from './support/fixtures.js';

const shot = (name: string) => fileURLToPath(new URL(`./screenshots/${name}.png`, import.meta.url));
/** A datetime-local value `days` from the test clock's day, at 10:00 site time. */
const localInput = (days: number) => `${testClockDay(days)}T10:00`;

test.describe('Classroom form', () => {
  test('names each wrong field in French, refuses the past, then clears after planning', async ({ page }) => {
    await openKiosk(page);
    await page.getByTestId('lang-fr').click();
    await signIn(page, 'Nathan Roux');
    await page.getByTestId('area-classroom').click();
    await page.getByTestId('session-title').fill('x'.repeat(121));
    await page.getByTestId('session-starts').fill(localInput(-1));
    await page.getByTestId('create-session').click();
    await expect(page.getByTestId('problem-title')).toHaveText('Titre\u00a0: 120 caractères au plus.');
    await expect(page.getByTestId('problem-location')).toHaveText('Lieu\u00a0: à remplir.');
    await expect(page.getByTestId('problem-startsAt')).toContainText('Début\u00a0: ce moment est déjà passé');
    await expect(page.getByTestId('session-title')).toHaveAttribute('aria-invalid', 'true');
    await page.screenshot({ path: shot('classroom-errors-fr'), fullPage: true });

    await page.getByTestId('session-title').fill('Exercice incendie');
    await page.getByTestId('session-location').fill('Salle');
    await page.getByTestId('session-starts').fill(localInput(7));
    await page.getByTestId('create-session').click();
    await expect(page.getByTestId('session-created')).toBeInViewport();
    await expect(page.getByTestId('session-title')).toHaveValue('');
    await expect(page.getByTestId('session-location')).toHaveValue('');
    await expect(page.locator('.session-card__title').filter({ hasText: 'Exercice incendie' })).toBeVisible();
  });

  test('"Assigned." shows next to the Assign button, and the form is ready for the next person', async ({ page }) => {
    await openKiosk(page);
    await signIn(page, 'Nathan Roux');
    await page.getByTestId('area-classroom').click();
    const form = page.locator('form').filter({ has: page.getByTestId('assign') });
    const [person, what] = [form.locator('select').nth(0), form.locator('select').nth(1)];
    await person.selectOption({ label: 'Emma Dubois' });
    await what.selectOption({ index: 1 });
    await page.getByTestId('assign').click();
    await expect(page.getByTestId('assigned')).toHaveText('Assigned.');
    await expect(page.getByTestId('assigned')).toBeInViewport();
    await expect(person).toHaveValue('');
    await expect(what).toHaveValue('');
  });
});
