import { fileURLToPath } from 'node:url';
import { expect, openKiosk, signIn, test } from './support/fixtures.js';

const shot = (name: string) => fileURLToPath(new URL(`./screenshots/${name}.png`, import.meta.url));

test('@screens an author writes a scenario question and a critical practical item; they are saved and the learner gets a mixed assessment', async ({
  page,
}) => {
  test.slow();
  await openKiosk(page);
  await signIn(page, 'Sophie Laurent');
  await page.getByTestId('lang-en').click();
  await page.getByTestId('area-training').click();
  await page.getByTestId('open-author').click();
  await expect(page.getByTestId('screen-author')).toBeVisible();
  await page.getByTestId('author-code').fill('GAS_LEAK_101');
  await page.getByTestId('author-title-en').fill('Gas leak drill');
  await page.getByTestId('author-title-fr').fill('Exercice fuite de gaz');
  await page.getByTestId('author-description-en').fill('What to do when you smell gas.');
  await page.getByTestId('author-description-fr').fill('Que faire quand ça sent le gaz.');
  await page.getByTestId('author-s0-title-en').fill('The smell');
  await page.getByTestId('author-s0-title-fr').fill('L’odeur');
  await page.getByTestId('author-s0-body-en').fill('Gas smells of rotten eggs.');
  await page.getByTestId('author-s0-body-fr').fill('Le gaz sent l’œuf pourri.');
  await page.getByTestId('author-q0-prompt-en').fill('What do you do first?');
  await page.getByTestId('author-q0-prompt-fr').fill('Que faites-vous d’abord ?');
  for (const [k, en, fr] of [
    ['0', 'Close the gas valve', 'Fermer la vanne de gaz'],
    ['1', 'Light a match', 'Allumer une allumette'],
  ]) {
    await page.getByTestId(`author-q0-o${k}-en`).fill(en);
    await page.getByTestId(`author-q0-o${k}-fr`).fill(fr);
  }
  await page.getByTestId('author-q0-scenario-toggle').click();
  await expect(page.getByTestId('author-q0-scenario-toggle')).toHaveAttribute('aria-checked', 'true');
  await page.getByTestId('author-q0-scenario-en').fill('Service is on and the kitchen smells of gas.');
  await page.getByTestId('author-q0-scenario-fr').fill('Le service a commencé et la cuisine sent le gaz.');
  await page.getByTestId('author-add-item').click();
  await page.getByTestId('author-p0-title-en').fill('Closes the main gas valve');
  await page.getByTestId('author-p0-title-fr').fill('Ferme la vanne principale');
  await page.getByTestId('author-p0-weight').fill('3');
  await page.getByTestId('author-p0-critical').click();
  await expect(page.getByTestId('author-p0-critical')).toHaveAttribute('aria-checked', 'true');
  await page.getByTestId('author-practical').scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot('training-author-practical-landscape-en') });
  await page.getByTestId('author-save').click();

  // Reopened from the list, the draft shows what was saved.
  await page.getByTestId('author-new').click();
  await expect(page.getByTestId('author-item')).toHaveCount(0);
  await page.locator('.cert-row', { hasText: 'GAS_LEAK_101' }).click();
  await expect(page.getByTestId('author-p0-title-fr')).toHaveValue('Ferme la vanne principale');
  await expect(page.getByTestId('author-p0-weight')).toHaveValue('3');
  await expect(page.getByTestId('author-p0-critical')).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByTestId('author-q0-scenario-en')).toHaveValue('Service is on and the kitchen smells of gas.');
  await page.getByTestId('lang-fr').click();
  await page.setViewportSize({ width: 800, height: 1280 });
  await page.getByTestId('author-practical').scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot('training-author-practical-portrait-fr') });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByTestId('author-publish').click();
  await expect(page.getByTestId('author-note')).toBeVisible();

  // The learner's assessment has the written scenario and the practical item: a mixed one.
  const kind = await page.evaluate(async () => {
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
    const mod = cat.value.modules.find((m: { code: string }) => m.code === 'GAS_LEAK_101');
    const started = await call('training.startAssessment', { moduleId: mod.id });
    return [started.value.kind, started.value.practicalItems.map((i: { critical: boolean }) => i.critical)];
  });
  expect(kind).toEqual(['mixed', [true]]);
});
