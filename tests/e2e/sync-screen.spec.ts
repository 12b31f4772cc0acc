import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { expect, openKiosk, signIn, test } from './support/fixtures.js';

const shot = (name: string) => fileURLToPath(new URL(`./screenshots/${name}.png`, import.meta.url));

for (const locale of ['en', 'fr'] as const) {
  for (const [orientation, viewport] of [
    ['landscape', { width: 1280, height: 800 }],
    ['portrait', { width: 800, height: 1280 }],
  ] as const) {
    test(`the Sync screen says what waits in words, ${locale.toUpperCase()} ${orientation}`, async ({ page }) => {
      await page.setViewportSize(viewport);
      await openKiosk(page);
      await signIn(page, 'Camille Martin');
      await page.getByTestId(`lang-${locale}`).click();
      await page.getByTestId('area-sync').click();
      const summary = page.getByTestId('sync-summary');
      // A standalone kiosk: its sign-ins wait, and it says it has no link to shore instead of "every change reached shore".
      await expect(summary).toContainText(
        locale === 'en'
          ? /\d+ changes? waiting to reach shore: \d+ sign-in records?/
          : /\d+ modifications? en attente d’envoi à terre\u00a0: \d+ traces? de connexion/,
      );
      await expect(page.getByTestId('sync-links')).toContainText(
        locale === 'en' ? 'no link to shore' : 'aucune liaison avec la terre',
      );
      await expect(page.getByTestId('sync-now')).toBeDisabled();
      await expect(page.getByTestId('screen-sync')).not.toContainText(
        /fetch failed|every change reached shore|chaque modification est arrivée/,
      );
      const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual(
        [],
      );
      await page.screenshot({ path: shot(`sync-${locale}-${orientation}`), fullPage: true });
    });
  }
}
