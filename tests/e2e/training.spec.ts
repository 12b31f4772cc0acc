import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { DEMO_MODULES } from '../../shared/training/demo-content.js';
import { expect, openKiosk, signIn, test, testClockDay } from './support/fixtures.js';

const shot = (name: string) => fileURLToPath(new URL(`./screenshots/${name}.png`, import.meta.url));
const FOOD = DEMO_MODULES.find((m) => m.code === 'FOOD_SAFETY_101')!;

async function openFoodSafety(page: Page) {
  await page.getByTestId('area-training').click();
  await expect(page.getByTestId('screen-training')).toBeVisible();
  await page.locator('[data-testid="module-card"][data-code="FOOD_SAFETY_101"]').click();
  await expect(page.getByTestId('screen-module')).toBeVisible();
}

async function readAllSections(page: Page) {
  for (let i = 1; i <= FOOD.sections.length; i++) {
    await expect(page.getByTestId('section')).toHaveAttribute('data-position', String(i));
    await page.getByTestId('section-done').click();
  }
  await expect(page.getByTestId('start-assessment')).toBeEnabled();
}

/** Answers question i with the right options, or a wrong one when `right(i)` is false. */
async function answerAll(page: Page, right: (i: number) => boolean, screenshotAt?: { index: number; name: string }) {
  for (let i = 0; i < FOOD.questions.length; i++) {
    const q = FOOD.questions[i];
    const wrong = ['a', 'b', 'c', 'd'].find((o) => !q.correct.includes(o) && q.options.some((x) => x.id === o))!;
    for (const o of right(i) ? q.correct : [wrong])
      await page.locator(`[data-testid="option"][data-option="${o}"]`).click();
    if (screenshotAt?.index === i) await page.screenshot({ path: shot(screenshotAt.name) });
    if (i < FOOD.questions.length - 1) await page.getByTestId('next-question').click();
  }
  await page.getByTestId('submit-assessment').click();
}

for (const locale of ['en', 'fr'] as const) {
  test(`a trainee completes a module, passes, sees and verifies the certificate (${locale.toUpperCase()})`, async ({
    page,
  }) => {
    await openKiosk(page);
    await page.getByTestId(`lang-${locale}`).click();
    await signIn(page, 'Emma Dubois');
    if ((await page.locator('html').getAttribute('lang')) !== locale) await page.getByTestId(`lang-${locale}`).click();
    await page.getByTestId('area-training').click();
    await expect(page.getByTestId('path-card').first()).toBeVisible();
    await page.screenshot({ path: shot(`training-catalog-${locale}`), fullPage: true });

    await page.locator('[data-testid="module-card"][data-code="FOOD_SAFETY_101"]').click();
    await expect(page.getByTestId('screen-module')).toBeVisible();
    await expect(page.getByTestId('section')).toContainText(locale === 'fr' ? 'zone de danger' : 'danger zone');
    // The section's picture really decodes (an HTML answer to <img> leaves it at 0 x 0).
    const picture = page.getByTestId('section').locator('img.section-card__image');
    await expect(picture).toHaveAttribute('src', 'training-images/thermometer.svg');
    await expect
      .poll(() => picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBeGreaterThan(0);
    await page.screenshot({ path: shot(`training-module-${locale}`) });
    await page.setViewportSize({ width: 800, height: 1280 });
    await expect
      .poll(() => picture.evaluate((img: HTMLImageElement) => img.getBoundingClientRect().width))
      .toBeGreaterThan(0);
    await page.screenshot({ path: shot(`training-module-portrait-${locale}`) });
    await page.setViewportSize({ width: 1280, height: 800 });
    await readAllSections(page);
    await page.getByTestId('start-assessment').click();
    await expect(page.getByTestId('screen-assessment')).toBeVisible();
    await answerAll(page, () => true, { index: 3, name: `training-question-${locale}` });

    await expect(page.getByTestId('screen-result')).toHaveAttribute('data-passed', 'true');
    await expect(page.getByTestId('score')).toContainText('100');
    await page.screenshot({ path: shot(`training-result-pass-${locale}`), fullPage: true });
    await page.getByTestId('see-certificate').click();
    await expect(page.getByTestId('certificate')).toHaveAttribute('data-status', 'valid');
    await expect(page.getByTestId('certificate-qr').locator('svg')).toBeVisible();
    await expect(page.getByTestId(`pdf-${locale}`)).toBeVisible();
    await page.getByTestId('verify-certificate').click();
    await expect(page.getByTestId('verification')).toContainText(locale === 'fr' ? 'Authentique' : 'Genuine');
    await page.screenshot({ path: shot(`training-certificate-${locale}`), fullPage: true });

    const download = page.waitForEvent('download');
    await page.getByTestId(`pdf-${locale}`).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(new RegExp(`^FS101-\\d{4}-[0-9A-F]{6}-${locale}\\.pdf$`));
  });
}

test('a failing attempt shows what was wrong, with the right answer and why, and no certificate', async ({ page }) => {
  await openKiosk(page);
  await signIn(page, 'Emma Dubois');
  await openFoodSafety(page);
  await readAllSections(page);
  await page.getByTestId('start-assessment').click();
  await answerAll(page, (i) => i < 4);
  await expect(page.getByTestId('screen-result')).toHaveAttribute('data-passed', 'false');
  await expect(page.getByTestId('see-certificate')).toHaveCount(0);
  const items = page.getByTestId('review-item');
  await expect(items).toHaveCount(FOOD.questions.length - 4);
  await expect(items.first()).toContainText(FOOD.questions[4].explanation.en);
  await expect(items.first()).toContainText('Correct answer');
  await page.getByTestId('rate-content').getByRole('radio').nth(3).click();
  await page.getByTestId('rate-materials').getByRole('radio').nth(4).click();
  await page.screenshot({ path: shot('training-result-fail-en'), fullPage: true });
  await page.getByTestId('send-feedback').click();
  await expect(page.getByTestId('feedback')).toContainText('Thank you');
  // Back on the module, the cool-down is shown and the assessment cannot start again yet.
  await page.getByTestId('back-to-catalog').click();
  await page.locator('[data-testid="module-card"][data-code="FOOD_SAFETY_101"]').click();
  await page.getByTestId('section-done').click();
  await expect(page.getByTestId('start-assessment')).toBeDisabled();
});

test('progress is kept per section: after signing out and back in the module opens where it was left', async ({
  page,
}) => {
  await openKiosk(page);
  await signIn(page, 'Emma Dubois');
  await openFoodSafety(page);
  await page.getByTestId('section-done').click();
  await expect(page.getByTestId('section')).toHaveAttribute('data-position', '2');
  await page.getByTestId('section-done').click();
  await expect(page.getByTestId('section')).toHaveAttribute('data-position', '3');
  await page.getByTestId('sign-out').click();
  await signIn(page, 'Emma Dubois');
  await openFoodSafety(page);
  await expect(page.getByTestId('section')).toHaveAttribute('data-position', '3');
});

test('supervisor screens: analytics with targets, classroom with a session and its roster (EN and FR)', async ({
  page,
}) => {
  await openKiosk(page);
  await signIn(page, 'Camille Martin');
  for (const locale of ['en', 'fr'] as const) {
    await page.getByTestId(`lang-${locale}`).click();
    await page.getByTestId('area-analytics').click();
    await expect(page.getByTestId('module-chart')).toBeVisible();
    await expect(page.getByTestId('kpi-completion')).toContainText('85');
    await page.screenshot({ path: shot(`training-analytics-${locale}`), fullPage: true });
    await page.getByTestId('go-home').click();
  }
  await page.getByTestId('lang-en').click();
  await page.getByTestId('area-classroom').click();
  await page.getByTestId('session-title').fill('Allergen refresher');
  await page.getByLabel('Place').fill('Dining room');
  // A session must start in the future; the form checks against the browser's clock.
  await page.getByLabel('Starts').fill(`${testClockDay(7)}T15:00`);
  await page.getByRole('button', { name: 'Create the session' }).click();
  await page.getByTestId('open-roster').first().click();
  await expect(page.getByTestId('roster')).toBeVisible();
  await page.screenshot({ path: shot('training-classroom-en'), fullPage: true });
});

test('an administrator writes a module: publishing waits for both languages, then staff can take it', async ({
  page,
}) => {
  await openKiosk(page);
  await signIn(page, 'Sophie Laurent');
  await page.getByTestId('lang-en').click();
  await page.getByTestId('area-training').click();
  await page.getByTestId('open-author').click();
  await expect(page.getByTestId('screen-author')).toBeVisible();
  await page.getByTestId('author-code').fill('KNIFE_SAFETY_101');
  await page.getByTestId('author-title-en').fill('Knife safety');
  await page.getByTestId('author-description-en').fill('Handling knives in a busy kitchen.');
  await page.getByTestId('author-description-fr').fill('Manipuler les couteaux en cuisine.');
  await page.getByTestId('author-s0-title-en').fill('The claw grip');
  await page.getByTestId('author-s0-title-fr').fill('La prise en griffe');
  await page.getByTestId('author-s0-body-en').fill('Curl your fingertips under, knuckles against the blade.');
  await page.getByTestId('author-s0-body-fr').fill('Repliez le bout des doigts, les phalanges contre la lame.');
  await page.getByTestId('author-q0-prompt-en').fill('Which grip keeps fingertips safe?');
  await page.getByTestId('author-q0-prompt-fr').fill('Quelle prise protège le bout des doigts ?');
  for (const [k, en, fr] of [
    ['0', 'The claw', 'La griffe'],
    ['1', 'Flat hand', 'Main à plat'],
  ]) {
    await page.getByTestId(`author-q0-o${k}-en`).fill(en);
    await page.getByTestId(`author-q0-o${k}-fr`).fill(fr);
  }
  await page.getByTestId('author-publish').click();
  await expect(page.getByTestId('author-problems')).toContainText('French');
  await page.screenshot({ path: shot('training-author-en'), fullPage: true });
  await page.getByTestId('author-title-fr').fill('Sécurité des couteaux');
  await page.getByTestId('author-publish').click();
  await expect(page.getByTestId('author-note')).toBeVisible();
  await page.getByTestId('sign-out').click();
  await signIn(page, 'Emma Dubois');
  await page.getByTestId('area-training').click();
  await expect(page.locator('[data-testid="module-card"][data-code="KNIFE_SAFETY_101"]')).toBeVisible();
});
