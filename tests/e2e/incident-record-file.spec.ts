import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readPdfAttachments } from '../../shared/exports/pdf-attachments.js';
import { apiAs, expect, openKiosk, shootLayouts, signIn, test } from './support/fixtures.js';

const shot = (name: string) => fileURLToPath(new URL(`./screenshots/${name}.png`, import.meta.url));

test('a manager checks an incident report PDF on the kiosk, then an edited copy of its record names the entry', async ({
  page,
  kiosk,
}) => {
  await openKiosk(page);
  await signIn(page, 'Camille Martin');
  await page.getByTestId('lang-en').click();
  const [place] = await apiAs<{ id: string }[]>(page, 'incidents.places', {});
  const { id } = await apiAs<{ id: string }>(page, 'incidents.report', {
    type: 'injury',
    severity: 'medium',
    placeId: place!.id,
    occurredAt: '2026-11-22T08:40:00.000Z',
    whatHappened: 'Cut finger while slicing onions',
    peopleInvolved: '',
    immediateActions: 'First aid kit',
    confidential: false,
  });
  const pdf = await apiAs<{ base64: string; fileName: string }>(page, 'incidents.exportReport', { id, format: 'pdf' });
  const pdfFile = join(kiosk.dataDir, pdf.fileName);
  writeFileSync(pdfFile, Buffer.from(pdf.base64, 'base64'));

  await page.getByTestId('area-incidents').click();
  await page.getByTestId('incidents-tab-check').click();
  const panel = page.getByTestId('record-file-check');
  await page.getByTestId('record-file').setInputFiles(pdfFile);
  await expect(panel.getByTestId('record-verdict')).toHaveAttribute('data-status', 'ok');
  await expect(panel).toContainText('Record read from the PDF.');
  await expect(panel.getByTestId('record-file-incident')).toContainText('Cut finger while slicing onions');

  // The record taken out of the PDF and made milder behind the app: the report entry is named.
  const [embedded] = await readPdfAttachments(Buffer.from(pdf.base64, 'base64'));
  const record = JSON.parse(Buffer.from(embedded!.bytes).toString('utf8')) as { incident: { what_happened: string } };
  record.incident.what_happened = 'Nothing happened';
  const edited = join(kiosk.dataDir, 'incident-record.json');
  writeFileSync(edited, JSON.stringify(record));
  await page.getByTestId('record-file').setInputFiles(edited);
  await expect(panel.getByTestId('record-verdict')).toHaveAttribute('data-status', 'altered');
  await expect(panel.getByTestId('record-entry')).toContainText('Altered: Report');

  await shootLayouts(page, shot, 'incident-record-file', () =>
    expect(panel.getByTestId('record-verdict')).toBeVisible(),
  );
  await page.getByTestId('lang-en').click();

  // A file that is no record says so, in words; the last verdict is not shown as if it were its.
  const other = join(kiosk.dataDir, 'notes.txt');
  writeFileSync(other, 'Order more onions');
  await page.getByTestId('record-file').setInputFiles(other);
  await expect(page.getByTestId('record-file-error')).toBeVisible();
  await expect(panel.getByTestId('record-verdict')).toHaveCount(0);
});
