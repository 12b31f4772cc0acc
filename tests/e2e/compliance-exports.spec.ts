import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { EXPORT_FORMATS } from '../../shared/exports/export-document.js';
import { pdfText, readXlsx, readXml, squeeze } from '../helpers/export-readback.js';
import { fillOpening, openCompliance } from './support/compliance-form.js';
import { expect, test, testClockDay } from './support/fixtures.js';

/** Picks a format in the open export dialog and returns the downloaded file's bytes and the hash shown. */
async function exportAs(page: Page, format: string) {
  await page.getByTestId(`export-format-${format}`).click();
  await expect(page.getByTestId('export-ready')).toBeVisible();
  const shown = (await page.getByTestId('export-hash').textContent())!;
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-download').click()]);
  expect(download.suggestedFilename()).toMatch(new RegExp(`^RESTAURANT_OPENING-v1-.*\\.${format}$`));
  return { bytes: new Uint8Array(readFileSync((await download.path())!)), hash: shown };
}

test('the chef exports his submitted opening checklist in every format; each file reads back and the exports are listed', async ({
  page,
}) => {
  // Filling the checklist and building five files is long on a loaded machine.
  test.slow();
  await openCompliance(page, 'Lucas Bernard');
  await fillOpening(page, '3');
  await page.getByTestId('approval-pin').fill('2222');
  await page.getByTestId('sign-submit').click();
  await expect(page.getByTestId('report-status')).toHaveText('Submitted');

  await page.getByTestId('export-open').click();
  await expect(page.getByTestId('export-dialog')).toBeVisible();
  const files: Record<string, { bytes: Uint8Array; hash: string }> = {};
  for (const format of EXPORT_FORMATS) files[format] = await exportAs(page, format);
  const hash = files.pdf.hash;
  for (const f of Object.values(files)) expect(f.hash).toBe(hash);

  const pdf = squeeze(pdfText(files.pdf.bytes));
  for (const s of ['Daily opening checklist', "Liste de contrôle d'ouverture", 'Walk-in fridge temperature', hash])
    expect(pdf).toContain(squeeze(s));
  expect(pdf).toContain(squeeze('Submitted / Soumis Lucas Bernard chef'));
  const text = (f: { bytes: Uint8Array }) => new TextDecoder().decode(f.bytes);
  const json = JSON.parse(text(files.json)) as {
    contentHash: string;
    tables: { id: string; rows: { item: string; answer: unknown }[] }[];
  };
  expect(json.contentHash).toBe(hash);
  expect(json.tables.find((t) => t.id === 'items')!.rows.find((r) => r.item === 'fridge_temp')!.answer).toBe(3);
  const xml = readXml(text(files.xml));
  expect(xml.contentHash).toBe(hash);
  expect(xml.facts).toMatchObject({ template: 'RESTAURANT_OPENING', template_version: 1, status: 'submitted' });
  const xlsx = await readXlsx(files.xlsx.bytes);
  expect(xlsx.tables.items.find((r) => r.item === 'freezer_temp')!.answer).toBe(-20);
  expect(text(files.csv)).toContain(`content_hash,${hash}`);

  // Keyboard: Escape closes the dialog; the report lists who exported what.
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('export-dialog')).toHaveCount(0);
  await expect(page.getByTestId('export-history').locator('li')).toHaveCount(5);
  await expect(page.getByTestId('export-history')).toContainText('PDF by Lucas Bernard');
});

const shot = (name: string) => fileURLToPath(new URL(`./screenshots/exports-${name}.png`, import.meta.url));

test('export dialog and reports from data in EN and FR, landscape and portrait @screens', async ({ page }) => {
  test.slow();
  await openCompliance(page, 'Camille Martin');
  // An incident two days ago, reported through the API, for the incident summary.
  const reported = await page.evaluate(async (day) => {
    const token = sessionStorage.getItem('shiftdeck.session');
    const call = async (method: string, input: unknown) =>
      (await (
        await fetch(`/api/${method}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
          body: JSON.stringify({ input }),
        })
      ).json()) as { ok: boolean; value: { id: string }[] };
    const places = await call('incidents.places', {});
    return (
      await call('incidents.report', {
        type: 'food_safety',
        severity: 'medium',
        placeId: places.value[0].id,
        occurredAt: `${day}T10:00:00.000Z`,
        whatHappened: 'Cold room door left open overnight',
        peopleInvolved: 'Nobody hurt',
        immediateActions: 'Stock checked and moved',
        confidential: false,
      })
    ).ok;
  }, testClockDay(-2));
  expect(reported).toBe(true);
  await fillOpening(page, '7');
  await page.getByTestId('approval-pin').fill('1111');
  await page.getByTestId('sign-submit').click();
  await expect(page.getByTestId('report-status')).toHaveText('Submitted');

  for (const lang of ['en', 'fr'] as const) {
    await page.getByTestId(`lang-${lang}`).click();
    for (const [orientation, size] of [
      ['landscape', { width: 1280, height: 800 }],
      ['portrait', { width: 800, height: 1280 }],
    ] as const) {
      await page.setViewportSize(size);
      await page.getByTestId('compliance-tab-reports').click();
      await page.getByTestId('compliance-reports').getByRole('button').first().click();
      await expect(page.getByTestId('compliance-report')).toBeVisible();
      await page.getByTestId('export-open').click();
      await page.getByTestId('export-format-pdf').click();
      await expect(page.getByTestId('export-ready')).toBeVisible();
      await page.screenshot({ path: shot(`dialog-${lang}-${orientation}`) });
      await page.getByTestId('export-close').click();
      await page.getByTestId('compliance-tab-data').click();
      await expect(page.getByTestId('incident-line')).toHaveCount(1);
      await expect(page.getByTestId('training-line').first()).toBeVisible();
      await page.screenshot({ path: shot(`data-${lang}-${orientation}`) });
    }
  }
});
