import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import QRCode from 'qrcode';
import { DEMO_MODULES } from '../../shared/training/demo-content.js';
import { moduleId } from '../../shared/training/content-rows.js';
import { expect, openKiosk, signIn, test } from './support/fixtures.js';

const shot = (name: string) => fileURLToPath(new URL(`./screenshots/${name}.png`, import.meta.url));
const FOOD = DEMO_MODULES.find((m) => m.code === 'FOOD_SAFETY_101')!;

/** API calls with the page's own session, as another screen of the kiosk would make them. */
async function api(page: Page, method: string, input: unknown): Promise<{ ok: boolean; value: any }> {
  return page.evaluate(
    async ({ method, input }) => {
      const token = sessionStorage.getItem('shiftdeck.session');
      const res = await fetch(`/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify({ input }),
      });
      return (await res.json()) as { ok: boolean; value: any };
    },
    { method, input },
  );
}

/** The signed-in person passes FOOD_SAFETY_101; returns the certificate's id and string. */
async function passFoodSafety(page: Page): Promise<{ id: string; token: string; number: string }> {
  const started = await api(page, 'training.startAssessment', { moduleId: moduleId(FOOD.code, 1) });
  const answers = (started.value.questions as { id: string }[]).map((q, i) => ({
    questionId: q.id,
    selected: FOOD.questions[i].correct,
    responseMs: 2000,
  }));
  const done = await api(page, 'training.submitAssessment', { attemptId: started.value.attemptId, answers });
  expect(done.value.passed).toBe(true);
  const certs = await api(page, 'training.certificates', {});
  return certs.value[0] as { id: string; token: string; number: string };
}

async function openCheck(page: Page) {
  await page.getByTestId('area-training').click();
  await page.getByTestId('open-check').click();
  await expect(page.getByTestId('screen-check')).toBeVisible();
}

test('checking a certificate from its image and its PDF says valid, and revoked once it is revoked', async ({
  page,
}, testInfo) => {
  await openKiosk(page);
  await signIn(page, 'Camille Martin');
  const cert = await passFoodSafety(page);
  const png = testInfo.outputPath('certificate-qr.png');
  await QRCode.toFile(png, cert.token, { errorCorrectionLevel: 'M', margin: 4, scale: 6 });
  const pdf = testInfo.outputPath('certificate.pdf');
  const file = await api(page, 'training.certificatePdf', { certificateId: cert.id, locale: 'en' });
  writeFileSync(pdf, Buffer.from(file.value.base64 as string, 'base64'));

  await openCheck(page);
  await page.getByTestId('check-file').setInputFiles(png);
  await expect(page.getByTestId('check-verdict')).toHaveAttribute('data-verdict', 'valid');
  await expect(page.getByTestId('check-holder')).toHaveText('Camille Martin');
  await page.getByTestId('check-file').setInputFiles(pdf);
  await expect(page.getByTestId('check-verdict')).toHaveAttribute('data-verdict', 'valid');

  const revoked = await api(page, 'training.revokeCertificate', { certificateId: cert.id, reason: 'Issued in error' });
  expect(revoked.ok).toBe(true);
  await page.getByTestId('check-file').setInputFiles(png);
  await expect(page.getByTestId('check-verdict')).toHaveAttribute('data-verdict', 'revoked');

  // The administrator exports the signed list of revocations: it names this certificate.
  await page.getByTestId('sign-out').click();
  await signIn(page, 'Sophie Laurent');
  await page.getByTestId('lang-en').click();
  await page.getByTestId('area-training').click();
  await page.getByTestId('open-template').click();
  await page.getByTestId('revocation-export-make').click();
  await expect(page.getByTestId('revocation-export-count')).toHaveText('1 revoked certificate in the list.');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('revocation-export-download').click(),
  ]);
  const signed = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { payload: string; signature: string };
  const listed = JSON.parse(signed.payload) as { revoked: { n: string }[] };
  expect([listed.revoked.map((r) => r.n), signed.signature.length > 40]).toEqual([[cert.number], true]);
  await page.getByTestId('back-to-catalog').click();
  await page.getByTestId('open-check').click();

  // Pasted text with its signature changed is forged.

  await page.getByTestId('check-text').fill(`${cert.token.slice(0, -4)}AAAA`);
  await page.getByTestId('check-submit').click();
  await expect(page.getByTestId('check-verdict')).toHaveAttribute('data-verdict', 'forged');
});

test('@screens checking a certificate and the certificate template, EN and FR, landscape and portrait', async ({
  page,
}, testInfo) => {
  test.slow();
  await openKiosk(page);
  await signIn(page, 'Sophie Laurent');
  const logo = testInfo.outputPath('logo.png');
  await QRCode.toFile(logo, 'Le Petit Bistro', { margin: 1, scale: 4, color: { dark: '#1a2945' } });
  await page.getByTestId('area-training').click();
  await page.getByTestId('open-template').click();
  await page.getByTestId('template-name').fill('Sophie Laurent');
  await page.getByTestId('template-title').fill('Directrice');
  await page.getByTestId('template-logo-file').setInputFiles(logo);
  await expect(page.getByTestId('template-logo')).toBeVisible();
  await page.getByTestId('template-save').click();
  await expect(page.getByTestId('template-saved')).toBeVisible();
  const cert = await passFoodSafety(page);
  await page.getByTestId('go-home').click();

  for (const locale of ['en', 'fr'] as const) {
    await page.getByTestId(`lang-${locale}`).click();
    await openCheck(page);
    await page.getByTestId('check-text').fill(cert.token);
    await page.getByTestId('check-submit').click();
    await expect(page.getByTestId('check-verdict')).toHaveAttribute('data-verdict', 'valid');
    await expect(page.getByTestId('check-verdict')).toContainText('Sophie Laurent, Directrice');
    for (const [orientation, viewport] of [
      ['landscape', { width: 1280, height: 800 }],
      ['portrait', { width: 800, height: 1280 }],
    ] as const) {
      await page.setViewportSize(viewport);
      await page.screenshot({ path: shot(`certificate-check-${orientation}-${locale}`), fullPage: true });
    }
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByTestId('back-to-catalog').click();
    await page.getByTestId('open-template').click();
    await expect(page.getByTestId('template-name')).toHaveValue('Sophie Laurent');
    for (const [orientation, viewport] of [
      ['landscape', { width: 1280, height: 800 }],
      ['portrait', { width: 800, height: 1280 }],
    ] as const) {
      await page.setViewportSize(viewport);
      await page.screenshot({ path: shot(`certificate-template-${orientation}-${locale}`), fullPage: true });
    }
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByTestId('go-home').click();
  }
});

test('the camera reads a QR code held up to it, and says in words when it is no certificate', async ({ page }) => {
  await openKiosk(page);
  await signIn(page, 'Emma Dubois');
  await page.getByTestId('lang-en').click();
  await openCheck(page);
  // Chromium's camera shows a QR code of a text that is no certificate (support/fake-camera.ts).
  await page.getByTestId('check-scan').click();
  await expect(page.getByTestId('check-verdict')).toHaveAttribute('data-verdict', 'not_certificate');
});
