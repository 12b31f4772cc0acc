import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { DEMO_MODULES } from '../../shared/training/demo-content.js';
import { expect, openKiosk, signIn, test, typePin } from './support/fixtures.js';

const shot = (name: string) => fileURLToPath(new URL(`./screenshots/${name}.png`, import.meta.url));
const FIRE = DEMO_MODULES.find((m) => m.code === 'FIRE_EXTINGUISHER_201')!;

/** Emma reads the mixed module and starts its assessment: a three-step scenario, then a practical. */
async function startFireAssessment(page: Page) {
  await openKiosk(page);
  await signIn(page, 'Emma Dubois');
  await page.getByTestId('area-training').click();
  await page.locator('[data-testid="module-card"][data-code="FIRE_EXTINGUISHER_201"]').click();
  await expect(page.getByTestId('screen-module')).toBeVisible();
  for (let i = 0; i < FIRE.sections.length; i++) await page.getByTestId('section-done').click();
  await page.getByTestId('start-assessment').click();
  await expect(page.getByTestId('scenario')).toBeVisible();
}

async function answerScenario(page: Page) {
  for (let i = 0; i < FIRE.questions.length; i++) {
    await expect(page.getByTestId('scenario')).toContainText(`${i + 1}`);
    // A chain: the next step stays closed until this one is answered.
    const next = page.getByTestId(i < FIRE.questions.length - 1 ? 'next-question' : 'submit-assessment');
    await expect(next).toBeDisabled();
    await page.locator(`[data-testid="option"][data-option="${FIRE.questions[i].correct[0]}"]`).click();
    await page.locator('[data-testid="confidence-level"][data-level="5"]').click();
    await next.click();
  }
  await expect(page.getByTestId('awaiting-signoff')).toBeVisible();
}

async function openSignOff(page: Page) {
  await page.getByTestId('open-practical-from-result').click();
  await page.getByTestId('practical-attempt').filter({ hasText: 'Emma Dubois' }).click();
  await expect(page.getByTestId('practical-item')).toHaveCount(FIRE.practicalItems!.length);
}

test('a scenario answered step by step, then the instructor signs off the practical item by item with their PIN', async ({
  page,
}) => {
  await startFireAssessment(page);
  await answerScenario(page);
  await openSignOff(page);
  const items = page.getByTestId('practical-item');
  // The first item alone, confirmed with the instructor's PIN: recorded, the attempt still open.
  await items.nth(0).getByTestId('mark-competent').click();
  await page.getByTestId('instructor').filter({ hasText: 'Nathan Roux' }).click();
  await typePin(page, '6666');
  await expect(items.nth(0)).toHaveAttribute('data-verdict', 'competent');
  await expect(page.getByTestId('practical-outcome')).toHaveCount(0);
  // The other two; the last verdict completes the assessment and issues the certificate.
  await items.nth(1).getByTestId('mark-competent').click();
  await items.nth(2).getByTestId('mark-competent').click();
  await typePin(page, '6666');
  await expect(page.getByTestId('practical-outcome')).toContainText('100');
  await page.getByRole('button', { name: 'All modules' }).click();
  await page.getByTestId('open-certificates').click();
  await expect(page.getByText('Fire extinguisher in practice').first()).toBeVisible();
});

test('screens: scenario step and practical sign-off, EN and FR, landscape and portrait @screens', async ({ page }) => {
  await startFireAssessment(page);
  const views = [
    { name: 'landscape', width: 1280, height: 800 },
    { name: 'portrait', width: 800, height: 1280 },
  ];
  const each = async (prefix: string) => {
    for (const locale of ['en', 'fr'] as const) {
      await page.getByTestId(`lang-${locale}`).click();
      for (const v of views) {
        await page.setViewportSize({ width: v.width, height: v.height });
        await page.screenshot({ path: shot(`${prefix}-${locale}-${v.name}`), fullPage: true });
      }
    }
    await page.getByTestId('lang-en').click();
  };
  await page.locator(`[data-testid="option"][data-option="${FIRE.questions[0].correct[0]}"]`).click();
  await page.locator('[data-testid="confidence-level"][data-level="4"]').click();
  await each('training-scenario');
  await page.getByTestId('next-question').click();
  for (let i = 1; i < FIRE.questions.length; i++) {
    await page.locator(`[data-testid="option"][data-option="${FIRE.questions[i].correct[0]}"]`).click();
    await page.getByTestId(i < FIRE.questions.length - 1 ? 'next-question' : 'submit-assessment').click();
  }
  await expect(page.getByTestId('awaiting-signoff')).toBeVisible();
  await openSignOff(page);
  await page.getByTestId('practical-item').nth(0).getByTestId('mark-competent').click();
  await page.getByTestId('instructor').filter({ hasText: 'Nathan Roux' }).click();
  await each('training-practical');
});
