import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { DEMO_MODULES } from '../../shared/training/demo-content.js';
import { expect, openKiosk, signIn, test } from './support/fixtures.js';

const shot = (name: string) => fileURLToPath(new URL(`./screenshots/${name}.png`, import.meta.url));
const FOOD = DEMO_MODULES.find((m) => m.code === 'FOOD_SAFETY_101')!;

/**
 * Another screen's work (a direct API call with the same session, as the training screens make):
 * two sections read, then the food-safety assessment passed with every answer right.
 */
async function passFoodSafetyElsewhere(page: Page) {
  return page.evaluate(
    async (correct: string[][]) => {
      const token = sessionStorage.getItem('shiftdeck.session');
      const call = async (method: string, input: unknown) =>
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        (await (
          await fetch(`/api/${method}`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
            body: JSON.stringify({ input }),
          })
        ).json()) as { ok: boolean; value: any }; // eslint-disable-line @typescript-eslint/no-explicit-any
      const cat = await call('training.catalog', {});
      const food = cat.value.modules.find((m: { code: string }) => m.code === 'FOOD_SAFETY_101');
      const mod = await call('training.module', { moduleId: food.id });
      await call('training.recordSection', { sectionId: mod.value.sections[0].id, secondsSpent: 120, completed: true });
      await call('training.recordSection', { sectionId: mod.value.sections[1].id, secondsSpent: 45, completed: false });
      const started = await call('training.startAssessment', { moduleId: food.id });
      const answers = started.value.questions.map((q: { id: string }, i: number) => ({
        questionId: q.id,
        selected: correct[i],
        responseMs: 3000,
      }));
      return (await call('training.submitAssessment', { attemptId: started.value.attemptId, answers })).value.passed;
    },
    FOOD.questions.map((q) => q.correct),
  );
}

test('the trend chart follows data recorded elsewhere without a tap, and the period report downloads as PDF and XLSX', async ({
  page,
}) => {
  // Many round trips and two file exports on a shared 2-core machine.
  test.slow();
  await openKiosk(page);
  await page.getByTestId('lang-en').click();
  await signIn(page, 'Camille Martin');
  if ((await page.locator('html').getAttribute('lang')) !== 'en') await page.getByTestId('lang-en').click();
  await page.getByTestId('area-analytics').click();
  await expect(page.getByTestId('trends')).toBeVisible();
  await expect(page.getByTestId('granularity-week')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('trend-chart')).toHaveAttribute('data-points', '0,0,0,0,0,0,0,0');
  await expect(page.getByTestId('trend-completions')).toContainText('0');

  expect(await passFoodSafetyElsewhere(page)).toBe(true);
  // No tap: the panel reloads on data.changed; this week's bar is the last one.
  await expect(page.getByTestId('trend-chart')).toHaveAttribute('data-points', '0,0,0,0,0,0,0,1');
  await expect(page.getByTestId('trend-completions')).toContainText('1');
  await expect(page.getByTestId('section-engagement').locator('tbody tr')).toHaveCount(2);
  // She passed, so she stops nowhere, though section 2 is half read.
  await expect(page.getByTestId('section-engagement').locator('tr[data-stopped="0"]')).toHaveCount(2);

  // By day: fourteen bars, today's last; earlier shows the fortnight before, with nothing in it.
  await page.getByTestId('granularity-day').click();
  await expect(page.getByTestId('trend-chart')).toHaveAttribute('data-points', `${'0,'.repeat(13)}1`);
  await page.getByTestId('period-prev').click();
  await expect(page.getByTestId('trend-chart')).toHaveAttribute('data-points', `${'0,'.repeat(13)}0`);
  await page.getByTestId('period-next').click();
  await expect(page.getByTestId('trend-completions')).toContainText('1');

  await page.getByTestId('export-xlsx').click();
  let download = page.waitForEvent('download');
  await page.getByTestId('report-download').click();
  let file = await download;
  expect(file.suggestedFilename()).toMatch(/^training-report-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}-en\.xlsx$/);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(readFileSync((await file.path())!) as unknown as ArrayBuffer);
  expect(book.getWorksheet('Summary')!.getRow(6).values).toEqual([undefined, 'Completions', 1]);

  await page.getByTestId('export-pdf').click();
  await expect(page.getByTestId('report-download')).toHaveAttribute('download', /\.pdf$/);
  download = page.waitForEvent('download');
  await page.getByTestId('report-download').click();
  file = await download;
  expect(
    readFileSync((await file.path())!)
      .subarray(0, 5)
      .toString(),
  ).toBe('%PDF-');
});

test('@screens training trends in EN and FR, landscape and portrait', async ({ page }) => {
  test.slow();
  await openKiosk(page);
  await signIn(page, 'Camille Martin');
  expect(await passFoodSafetyElsewhere(page)).toBe(true);
  for (const locale of ['en', 'fr'] as const) {
    await page.getByTestId(`lang-${locale}`).click();
    await page.getByTestId('area-analytics').click();
    await expect(page.getByTestId('trend-completions')).toContainText('1');
    await page.getByTestId('export-pdf').click();
    await expect(page.getByTestId('report-download')).toBeVisible();
    for (const [orientation, viewport] of [
      ['landscape', { width: 1280, height: 800 }],
      ['portrait', { width: 800, height: 1280 }],
    ] as const) {
      await page.setViewportSize(viewport);
      await page.getByTestId('trends').scrollIntoViewIfNeeded();
      await page.screenshot({ path: shot(`training-trends-${orientation}-${locale}`), fullPage: true });
    }
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByTestId('go-home').click();
  }
});
