import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { expect, openKiosk, shootLayouts, signIn, test } from './support/fixtures.js';

const shot = (name: string) => fileURLToPath(new URL(`./screenshots/incidents-${name}.png`, import.meta.url));

/** Counts every tap (click) the page receives, so the test can say how many a report took. */
async function countTaps(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { __taps: number };
    w.__taps = 0;
    document.addEventListener('click', () => (w.__taps += 1), true);
  });
  return () => page.evaluate(() => (window as unknown as { __taps: number }).__taps);
}

/** Picks a format in the open export dialog and returns the downloaded file's name and path. */
async function exportAs(page: Page, format: string) {
  await page.getByTestId(`export-format-${format}`).click();
  await expect(page.getByTestId('export-ready')).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-download').click()]);
  const path = (await download.path())!;
  await page.getByTestId('export-close').click();
  return { name: download.suggestedFilename(), path };
}

/** A near miss reported by the staff member Emma Dubois: type, severity, place, a few words, send. */
async function reportNearMiss(page: Page, severity: 'low' | 'critical') {
  await page.getByTestId('area-incidents').click();
  await expect(page.getByTestId('incident-form')).toBeVisible();
  const taps = await countTaps(page);
  await page.getByTestId('type-near_miss').click();
  await page.getByTestId(`severity-${severity}`).click();
  await page.getByTestId('place-choice').filter({ hasText: 'Kitchen' }).click();
  await page.getByTestId('incident-what').click();
  await page.getByTestId('incident-what').fill('Wet floor by the dish pit, a waiter slipped but caught the rail');
  await page.getByTestId('incident-submit').click();
  await expect(page.getByTestId('incidents-notice')).toBeVisible();
  return taps();
}

test('report a near miss in five taps, then a manager acknowledges, triages, escalates, adds an action and resolves', async ({
  page,
}) => {
  // The whole life of an incident, with its record check and regulatory log: near 60 s at load.
  test.slow();
  await openKiosk(page);
  await signIn(page, 'Emma Dubois');
  const taps = await reportNearMiss(page, 'critical');
  // Kind, severity, place, the text box, send: five taps and one sentence.
  expect(taps).toBe(5);

  await page.getByTestId('sign-out').click();
  await signIn(page, 'Camille Martin');
  await page.getByTestId('lang-en').click();
  await page.getByTestId('area-incidents').click();
  // The critical report escalated to the shift lead at once: the manager's banner shows it.
  const alert = page.getByTestId('incident-alert');
  await expect(alert).toHaveCount(1);
  await alert.getByTestId('alert-pin').fill('1111');
  await alert.getByTestId('alert-acknowledge').click();
  await expect(page.getByTestId('incident-alerts')).toHaveCount(0);

  await page.getByTestId('incidents-tab-list').click();
  const row = page.getByTestId('incident-row');
  await expect(row).toHaveCount(1);
  await expect(row).toHaveAttribute('data-stage', 'reported');
  await row.click();
  const detail = page.getByTestId('incident-detail');
  await expect(detail.getByTestId('escalation-entry')).toHaveAttribute('data-acknowledged', 'true');
  await detail.getByTestId('move-triaging').click();
  await expect(detail).toHaveAttribute('data-stage', 'triaging');
  await expect(detail.getByTestId('sla-acknowledge')).toContainText('Met');

  // Waiting for a part: the SLA clock stops, then runs again.
  await detail.getByTestId('sla-pause').click();
  await expect(detail.getByTestId('sla-paused')).toBeVisible();
  await expect(detail.getByTestId('sla-resolve')).toContainText('Paused');
  await detail.getByTestId('sla-resume').click();
  await expect(detail.getByTestId('sla-paused')).toHaveCount(0);

  // The record check: report, moves and pauses all sealed by this kiosk.
  await detail.getByTestId('record-check').click();
  await expect(detail.getByTestId('record-verdict')).toHaveAttribute('data-status', 'ok');
  await expect(detail.getByTestId('record-verdict')).toContainText('Record intact');

  // The regulatory log starts from the restaurant's defaults for an injury-type near miss.
  const reg = detail.getByTestId('incident-regulatory');
  await expect(reg).toHaveAttribute('data-saved', 'false');
  await expect(reg.getByTestId('framework-ISO45001')).toHaveAttribute('aria-pressed', 'true');
  await reg.getByTestId('framework-HACCP').click();
  await reg.getByTestId('report-reported').click();
  await reg.getByTestId('regulatory-save').click();
  // Reported needs the authority's reference: refused, naming it, and nothing saved.
  await expect(page.getByTestId('screen-error')).toContainText('Authority’s reference: fill this in.');
  await expect(reg).toHaveAttribute('data-saved', 'false');
  await reg.getByTestId('report-reference').fill('DDPP-2026-0142');
  await reg.getByTestId('regulatory-save').click();
  await expect(reg).toHaveAttribute('data-saved', 'true');
  await expect(reg.getByTestId('framework-HACCP')).toHaveAttribute('aria-pressed', 'true');
  await expect(reg.getByTestId('report-reference')).toHaveValue('DDPP-2026-0142');

  await detail.getByTestId('move-reason').fill('Mat missing since Tuesday');
  await detail.getByTestId('incident-escalate').click();
  await expect(detail.locator('[data-testid="escalation-entry"][data-level="2"]')).toBeVisible();
  await expect(page.getByTestId('incident-alert')).toHaveCount(1);
  await page.getByTestId('alert-pin').fill('1111');
  await page.getByTestId('alert-acknowledge').click();
  await expect(page.getByTestId('incident-alerts')).toHaveCount(0);

  await detail.getByTestId('action-title').fill('Put a non-slip mat by the dish pit');
  await detail.getByTestId('action-owner').selectOption({ label: 'Lucas Bernard' });
  await detail.getByTestId('action-due').fill('2026-11-25');
  await detail.getByTestId('action-add').click();
  await expect(detail.getByTestId('action-entry')).toContainText('Lucas Bernard');

  await detail.getByTestId('move-resolved').click();
  await expect(detail).toHaveAttribute('data-stage', 'resolved');
  await expect(detail.getByTestId('incident-history')).toContainText('Triaging → Resolved');
  await detail.getByTestId('move-closed').click();
  await expect(detail).toHaveAttribute('data-stage', 'closed');

  // The incident report as a bilingual PDF: its first page is rendered to look at.
  await detail.getByTestId('incident-export').click();
  const pdf = await exportAs(page, 'pdf');
  expect(pdf.name).toMatch(/^incident-\d{4}-\d{2}-\d{2}-[0-9a-f]{8}\.pdf$/);
  const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', pdf.path, '-'], { encoding: 'utf8' });
  for (const words of ['Incident report', 'Rapport d’incident', 'Camille Martin', 'Put a non-slip mat by the dish pit'])
    expect(text).toContain(words);
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '60',
    '-f',
    '1',
    '-l',
    '1',
    '-singlefile',
    pdf.path,
    shot('report-pdf').replace(/\.png$/, ''),
  ]);

  // The list as a spreadsheet, read back with exceljs.
  await page.getByTestId('incident-close').click();
  await page.getByTestId('incidents-export').click();
  const xlsx = await exportAs(page, 'xlsx');
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(xlsx.path);
  const sheet = book.getWorksheet('incidents')!;
  expect(sheet.getRow(1).getCell(4).value).toBe('type');
  expect(sheet.getRow(3).getCell(4).value).toBe('near_miss');
  expect(sheet.getRow(3).getCell(6).value).toBe('closed');

  await page.getByTestId('incidents-tab-dashboard').click();
  await expect(page.getByTestId('figure-compliance')).toContainText('100');
  // The one critical report, in the trends of every grain; the grain is a tap, not a hover.
  await expect(page.getByTestId('trend-day')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('trend-total')).toHaveText('Last 30 days: 1');
  await page.getByTestId('trend-hour').click();
  await expect(page.getByTestId('trend-hour')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('trend-total')).toHaveText('Last 24 hours: 1');
  await expect(page.getByTestId('chart-trends')).toBeVisible();
});

test('@screens incidents screens in EN and FR, landscape and portrait', async ({ page }) => {
  // Four layouts of four screens and a record check each went near the 60 s limit at load.
  test.slow();
  await openKiosk(page);
  await signIn(page, 'Emma Dubois');
  await reportNearMiss(page, 'low');
  await page.getByTestId('sign-out').click();
  await signIn(page, 'Camille Martin');
  await page.getByTestId('area-incidents').click();
  for (const locale of ['en', 'fr'] as const) {
    await page.getByTestId(`lang-${locale}`).click();
    for (const [orientation, size] of [
      ['landscape', { width: 1280, height: 800 }],
      ['portrait', { width: 800, height: 1280 }],
    ] as const) {
      await page.setViewportSize(size);
      const name = (screen: string) => shot(`${screen}-${locale}-${orientation}`);
      await page.getByTestId('incidents-tab-report').click();
      await page.getByTestId('type-fire').click();
      await page.getByTestId('severity-high').click();
      await page.screenshot({ path: name('report'), fullPage: true });
      await page.getByTestId('incidents-tab-list').click();
      await expect(page.getByTestId('incident-row')).toHaveCount(1);
      await page.screenshot({ path: name('list'), fullPage: true });
      await page.getByTestId('incident-row').click();
      await expect(page.getByTestId('incident-detail')).toBeVisible();
      await page.getByTestId('record-check').click();
      await expect(page.getByTestId('record-verdict')).toBeVisible();
      await page.screenshot({ path: name('detail'), fullPage: true });
      await page.getByTestId('incident-export').click();
      await expect(page.getByTestId('export-dialog')).toBeVisible();
      await page.screenshot({ path: name('export'), fullPage: true });
      await page.getByTestId('export-close').click();
      await page.getByTestId('incidents-tab-dashboard').click();
      await expect(page.getByTestId('incident-dashboard')).toBeVisible();
      await page.screenshot({ path: name('dashboard'), fullPage: true });
    }
  }
});

test('the administrator sets the site’s response times and adds a place the report form then offers', async ({
  page,
}) => {
  await openKiosk(page);
  await signIn(page, 'Sophie Laurent');
  await page.getByTestId('lang-en').click();
  await page.getByTestId('area-incidents').click();
  await page.getByTestId('incidents-tab-settings').click();
  const critical = page.getByTestId('sla-critical');
  await expect(critical).toContainText('default');
  // A value that is not a number of minutes is refused under its field.
  await critical.getByTestId('sla-critical-ack').fill('soon');
  await critical.getByTestId('sla-critical-save').click();
  await expect(critical.getByTestId('problem-sla-critical-ack')).toBeVisible();
  await critical.getByTestId('sla-critical-ack').fill('10');
  await critical.getByTestId('sla-critical-resolve').fill('12');
  await critical.getByTestId('sla-critical-save').click();
  await expect(page.getByTestId('incidents-notice')).toHaveText('Targets saved.');
  await expect(page.getByTestId('sla-critical')).toContainText('set for this site');
  await expect(page.getByTestId('sla-critical-ack')).toHaveValue('10');

  await page.getByTestId('place-en').fill('Wine cellar');
  await page.getByTestId('place-fr').fill('Cave à vin');
  await page.getByTestId('place-add').click();
  await expect(page.getByTestId('incidents-notice')).toHaveText('Place added.');
  await expect(page.getByTestId('incident-places')).toContainText('Wine cellar');
  await page.getByTestId('incidents-tab-report').click();
  await expect(page.getByTestId('incident-form')).toContainText('Wine cellar');
});

test('@screens incident settings in EN and FR, landscape and portrait', async ({ page }) => {
  await openKiosk(page);
  await signIn(page, 'Sophie Laurent');
  await page.getByTestId('area-incidents').click();
  await page.getByTestId('incidents-tab-settings').click();
  await expect(page.getByTestId('incident-settings')).toBeVisible();
  await shootLayouts(page, shot, 'settings');
});
