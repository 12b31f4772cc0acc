import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import QRCode from 'qrcode';
import { expect, openKiosk, shootLayouts, signIn, test } from './support/fixtures.js';

const shot = (name: string) => fileURLToPath(new URL(`./screenshots/${name}.png`, import.meta.url));

test('an author adds a picture to a section; it is kept on the kiosk and the learner sees it in the published module (issue 18 §2)', async ({
  page,
  kiosk,
}) => {
  test.slow();
  const picture = join(kiosk.dataDir, 'valve.png');
  writeFileSync(picture, await QRCode.toBuffer('the gas valve, under the hob', { width: 600 }));
  await openKiosk(page);
  await signIn(page, 'Sophie Laurent');
  await page.getByTestId('lang-en').click();
  await page.getByTestId('area-training').click();
  await page.getByTestId('open-author').click();
  await page.getByTestId('author-code').fill('GAS_VALVE_101');
  await page.getByTestId('author-title-en').fill('Where the gas valve is');
  await page.getByTestId('author-title-fr').fill('Où est la vanne de gaz');
  await page.getByTestId('author-description-en').fill('Find it before you need it.');
  await page.getByTestId('author-description-fr').fill('Trouvez-la avant d’en avoir besoin.');
  await page.getByTestId('author-s0-title-en').fill('The valve');
  await page.getByTestId('author-s0-title-fr').fill('La vanne');
  await page.getByTestId('author-s0-body-en').fill('It is under the hob, with a yellow handle.');
  await page.getByTestId('author-s0-body-fr').fill('Elle est sous la plaque, poignée jaune.');
  await page.getByTestId('author-s0-image-file').setInputFiles(picture);
  const preview = page.getByTestId('author-s0-image').getByTestId('section-image');
  await expect(preview).toBeVisible();
  await page.getByTestId('author-q0-prompt-en').fill('Where is the valve?');
  await page.getByTestId('author-q0-prompt-fr').fill('Où est la vanne ?');
  for (const [k, en, fr] of [
    ['0', 'Under the hob', 'Sous la plaque'],
    ['1', 'On the roof', 'Sur le toit'],
  ]) {
    await page.getByTestId(`author-q0-o${k}-en`).fill(en);
    await page.getByTestId(`author-q0-o${k}-fr`).fill(fr);
  }
  await page.getByTestId('author-s0-image').scrollIntoViewIfNeeded();
  await shootLayouts(page, shot, 'training-author-picture', () => expect(preview).toBeVisible());
  await page.getByTestId('lang-en').click();
  await page.getByTestId('author-save').click();
  await page.getByTestId('author-publish').click();
  await expect(page.getByTestId('author-note')).toBeVisible();

  // The learner: the published module's section shows the picture, read from this kiosk.
  await page.getByTestId('sign-out').click();
  await signIn(page, 'Emma Dubois');
  await page.getByTestId('lang-en').click();
  await page.getByTestId('area-training').click();
  await page.locator('[data-testid="module-card"][data-code="GAS_VALVE_101"]').click();
  await expect(page.getByTestId('screen-module')).toBeVisible();
  const shown = page.getByTestId('section').getByTestId('section-image');
  await expect(shown).toBeVisible();
  expect(await shown.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(600);
  await shootLayouts(page, shot, 'training-section-picture', () => expect(shown).toBeVisible());
  await page.getByTestId('lang-en').click();
});
