import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, openKiosk, signIn, test } from './support/fixtures.js';

const shot = (name: string) => fileURLToPath(new URL(`./screenshots/classes-${name}.png`, import.meta.url));

async function openClasses(page: Page) {
  await openKiosk(page);
  await signIn(page, 'Camille Martin');
  await page.getByTestId('area-classes').click();
  await expect(page.getByTestId('screen-classes')).toBeVisible();
}

async function addStudent(page: Page) {
  await page.getByTestId('classes-tab-students').click();
  await page.getByTestId('student-add').click();
  await page.getByTestId('student-firstName').fill('Ana');
  await page.getByTestId('student-lastName').fill('Lopez');
  await page.getByTestId('student-course').fill('Piano');
  await page.getByTestId('student-startDate').fill('2026-11-23');
  const first = page.getByTestId('schedule-slot').nth(0);
  await first.getByTestId('slot-weekday').selectOption('1');
  await first.getByTestId('slot-start').fill('09:00');
  await first.getByTestId('slot-duration').fill('60');
  await page.getByTestId('slot-add').click();
  const second = page.getByTestId('schedule-slot').nth(1);
  await second.getByTestId('slot-weekday').selectOption('4');
  await second.getByTestId('slot-start').fill('18:30');
  await second.getByTestId('slot-duration').fill('90');
  await page.getByTestId('student-save').click();
  await expect(page.getByTestId('classes-notice')).toBeVisible();
}

/** Cards of next week (the test clock starts on Sunday 22 Nov 2026). */
async function nextWeek(page: Page) {
  await page.getByTestId('classes-tab-week').click();
  await page.getByTestId('week-today').click();
  await expect(page.getByTestId('classes-week')).toHaveAttribute('data-week-start', '2026-11-16');
  await page.getByTestId('week-next').click();
  await expect(page.getByTestId('classes-week')).toHaveAttribute('data-week-start', '2026-11-23');
}

test('create a student, see the classes, change the schedule, mark one attended and paid', async ({ page }) => {
  await openClasses(page);
  await addStudent(page);
  const row = page.getByTestId('student-row').filter({ hasText: 'Ana Lopez' });
  await expect(row).toContainText('Classes ahead: 6');
  await page.screenshot({ path: shot('students-en') });

  await nextWeek(page);
  const cards = page.getByTestId('class-card');
  await expect(cards).toHaveCount(2);
  await expect(page.locator('[data-testid="class-card"][data-date="2026-11-23"]')).toContainText('09:00');
  await expect(page.locator('[data-testid="class-card"][data-date="2026-11-26"]')).toContainText('18:30');
  await page.screenshot({ path: shot('week-en') });

  // Thursday becomes Wednesday 17:00.
  await page.getByTestId('classes-tab-students').click();
  await row.click();
  const second = page.getByTestId('schedule-slot').nth(1);
  await second.getByTestId('slot-weekday').selectOption('3');
  await second.getByTestId('slot-start').fill('17:00');
  await page.screenshot({ path: shot('student-form-en') });
  await page.getByTestId('student-save').click();
  await expect(page.getByTestId('classes-notice')).toBeVisible();
  await nextWeek(page);
  await expect(page.locator('[data-testid="class-card"][data-date="2026-11-26"]')).toHaveCount(0);
  await expect(page.locator('[data-testid="class-card"][data-date="2026-11-25"]')).toContainText('17:00');

  // Mark Monday's class attended and paid.
  const monday = page.locator('[data-testid="class-card"][data-date="2026-11-23"]');
  await monday.click();
  const sheet = page.getByTestId('class-sheet');
  await sheet.getByTestId('status-completed').click();
  await expect(sheet.getByTestId('status-completed')).toHaveAttribute('aria-pressed', 'true');
  await sheet.getByTestId('payment-paid').click();
  await expect(sheet.getByTestId('payment-paid')).toHaveAttribute('aria-pressed', 'true');
  await expect(sheet).toContainText('Changed by Camille Martin');
  await page.screenshot({ path: shot('class-sheet-en') });
  await sheet.getByTestId('sheet-close').click();
  await expect(monday).toHaveAttribute('data-status', 'completed');
  await expect(monday).toHaveAttribute('data-payment', 'paid');

  await page.getByTestId('week-view-student').click();
  await expect(page.getByTestId('week-by-student')).toContainText('Ana Lopez');

  // The dashboard counts it; the health check finds nothing to fix.
  await page.getByTestId('classes-tab-dashboard').click();
  await expect(page.getByTestId('figure-students')).toContainText('1');
  await expect(page.getByTestId('chart-status')).toHaveAttribute('data-values', /\[\[\d+,1,0,0\]\]/);
  await expect(page.getByTestId('chart-payment')).toHaveAttribute('data-values', /\[\[\d+,1,0,0\]\]/);
  await page.screenshot({ path: shot('dashboard-en'), fullPage: true });
  await page.getByTestId('classes-tab-health').click();
  await page.getByTestId('diagnose').click();
  await expect(page.getByTestId('diagnosis')).toHaveAttribute('data-issues', '0');
  await expect(page.getByTestId('generation-log')).toContainText('Student changed');
  await expect(page.getByTestId('diagnosis')).toContainText('13 December 2026');
  await page.screenshot({ path: shot('health-en') });

  // The same screens in French.
  await page.getByTestId('lang-fr').click();
  await nextWeek(page);
  await expect(page.getByTestId('classes-week')).toContainText('Présent');
  await page.screenshot({ path: shot('week-fr') });
  await page.locator('[data-testid="class-card"][data-date="2026-11-23"]').click();
  await expect(page.getByTestId('class-sheet')).toContainText('Paiement');
  await page.screenshot({ path: shot('class-sheet-fr') });
  await page.getByTestId('sheet-close').click();
  await page.getByTestId('classes-tab-dashboard').click();
  await expect(page.getByTestId('classes-dashboard')).toContainText('Cours par présence');
  await page.screenshot({ path: shot('dashboard-fr') });
});

test('the dashboard charts follow data changed elsewhere, without a tap', async ({ page }) => {
  await openClasses(page);
  await addStudent(page);
  await page.getByTestId('classes-tab-dashboard').click();
  await expect(page.getByTestId('chart-status')).toHaveAttribute('data-values', '[[6,0,0,0]]');
  // Another screen (here: a direct API call with the same session) marks a class attended.
  const marked = await page.evaluate(async () => {
    const token = sessionStorage.getItem('shiftdeck.session');
    const call = async (method: string, input: unknown) =>
      (await (
        await fetch(`/api/${method}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
          body: JSON.stringify({ input }),
        })
      ).json()) as { ok: boolean; value: { classes: { id: string }[] } };
    const week = await call('classes.week', { weekStart: '2026-11-23' });
    return (await call('classes.setStatus', { classId: week.value.classes[0].id, status: 'completed' })).ok;
  });
  expect(marked).toBe(true);
  await expect(page.getByTestId('chart-status')).toHaveAttribute('data-values', '[[5,1,0,0]]');
  await expect(page.getByTestId('figure-total')).toContainText('6');
});

test('a bad schedule is refused with the slot named, before anything is sent', async ({ page }) => {
  await openClasses(page);
  await page.getByTestId('classes-tab-students').click();
  await page.getByTestId('student-add').click();
  await page.getByTestId('student-firstName').fill('Bo');
  await page.getByTestId('student-lastName').fill('Chen');
  await page.getByTestId('student-course').fill('Guitar');
  await page.getByTestId('slot-add').click();
  await page.getByTestId('schedule-slot').nth(1).getByTestId('slot-start').fill('09:30');
  await page.getByTestId('student-save').click();
  await expect(page.getByTestId('student-problems')).toContainText(
    'Time slot 2 overlaps another slot on the same day.',
  );
  await expect(page.getByTestId('schedule-slot').nth(1)).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('schedule-slot').nth(0)).not.toHaveAttribute('aria-invalid', 'true');
  await page.screenshot({ path: shot('bad-schedule-en') });
});

test('CSV import: preview with row errors, nothing written until chosen, then the valid rows only', async ({
  page,
}) => {
  await openClasses(page);
  await page.getByTestId('classes-tab-import').click();
  const csv = [
    'first_name,last_name,course,start_date,end_date,schedule',
    'Léa,Martin,Guitar,2026-11-23,,Tue 17:00 45',
    'Tom,,Guitar,2026-11-31,,Mon 9h 60',
    'Ines,Haddad,Piano,2026-11-24,,mer 10:00 60; ven 10:00 60',
  ].join('\n');
  await page.getByTestId('import-text').fill(csv);
  await page.getByTestId('import-preview').click();
  await expect(page.getByTestId('import-summary')).toContainText('2 rows ready, 1 with errors');
  await expect(page.getByTestId('import-row').nth(1)).toContainText('last_name: required');
  await expect(page.getByTestId('import-all')).toBeDisabled();
  await page.screenshot({ path: shot('import-en'), fullPage: true });
  await page.getByTestId('lang-fr').click();
  await expect(page.getByTestId('import-summary')).toContainText('2 lignes prêtes, 1 avec des erreurs');
  await expect(page.getByTestId('import-row').nth(1)).toContainText('last_name\u00a0: obligatoire');
  await page.screenshot({ path: shot('import-fr'), fullPage: true });
  await page.getByTestId('lang-en').click();
  await page.getByTestId('import-valid').click();
  await expect(page.getByTestId('classes-notice')).toContainText('Students imported: 2. Rows left out: 1.');
  await page.getByTestId('classes-tab-students').click();
  await expect(page.getByTestId('student-row')).toHaveCount(2);
});

test('no serious or critical axe violations on the class tracking tabs and the class sheet', async ({ page }) => {
  const { default: AxeBuilder } = await import('@axe-core/playwright');
  const serious = async () =>
    (
      await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze()
    ).violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  await openClasses(page);
  await addStudent(page);
  expect(await serious(), 'students').toEqual([]);
  await nextWeek(page);
  expect(await serious(), 'week').toEqual([]);
  await page.locator('[data-testid="class-card"][data-date="2026-11-23"]').click();
  await expect(page.getByTestId('class-sheet')).toBeVisible();
  expect(await serious(), 'class sheet').toEqual([]);
  await page.getByTestId('sheet-close').click();
  for (const tab of ['dashboard', 'health', 'import'] as const) {
    await page.getByTestId(`classes-tab-${tab}`).click();
    await expect(page.getByTestId(`classes-${tab}`)).toBeVisible();
    expect(await serious(), tab).toEqual([]);
  }
});
