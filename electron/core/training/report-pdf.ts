import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from '@cantoo/pdf-lib';
import type { TrainingReportData } from '../../../shared/training/report-contract.js';
import { minutes, REPORT_WORDS, siteDate, type ReportLocale } from './report-words.js';

const PAGE: [number, number] = [595, 842];
const MARGIN = 48;
const INK = rgb(0.1, 0.16, 0.27);

/** One column of a table: its share of the line width and whether it holds a number. */
interface Column {
  title: string;
  width: number;
  numeric?: boolean;
}

/**
 * The period's training report as an A4 PDF in the kiosk's language, drawn locally with
 * @cantoo/pdf-lib: summary, trend, modules, time per section, most missed questions and
 * certificates, as tables that run onto new pages. Numbers are written the language's way
 * (12,5 in French).
 *
 * @example const bytes = await reportPdf(data, 'en', '2026-04-01T08:00:00.000Z');
 */
export async function reportPdf(
  data: TrainingReportData,
  locale: ReportLocale,
  exportedAt: string,
): Promise<Uint8Array> {
  const w = REPORT_WORDS[locale];
  const tz = data.site.timeZone;
  const num = new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 1 });
  // pdftotext and readers copy a narrow no-break space as an odd glyph: plain spaces group digits.
  const n = (v: number | null) => (v === null ? '–' : num.format(v).replace(/[\u202f\u00a0]/g, ' '));
  const doc = await PDFDocument.create();
  doc.setTitle(`${w.title} ${data.site.name} ${data.period.from} – ${data.period.to}`);
  doc.setProducer('Shiftdeck');
  doc.setCreationDate(new Date(exportedAt));
  doc.setModificationDate(new Date(exportedAt));
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  let page: PDFPage = doc.addPage(PAGE);
  let y = PAGE[1] - MARGIN;
  const room = (h: number) => {
    if (y - h >= MARGIN) return;
    page = doc.addPage(PAGE);
    y = PAGE[1] - MARGIN;
  };
  const write = (text: string, x: number, size: number, font: PDFFont, maxWidth: number) => {
    let t = drawable(font, text);
    while (t.length > 1 && font.widthOfTextAtSize(t, size) > maxWidth) t = `${t.slice(0, -2)}…`;
    page.drawText(t, { x, y, size, font, color: INK });
  };
  const line = (text: string, size = 11, font = regular) => {
    room(size + 6);
    write(text, MARGIN, size, font, PAGE[0] - 2 * MARGIN);
    y -= size + 6;
  };
  const table = (heading: string, columns: Column[], rows: string[][]) => {
    y -= 10;
    line(heading, 14, bold);
    if (!rows.length) return line(w.none);
    const total = columns.reduce((s, c) => s + c.width, 0);
    const span = PAGE[0] - 2 * MARGIN;
    const xs = columns.reduce<number[]>(
      (acc, c, i) => [...acc, i ? acc[i - 1] + (columns[i - 1].width / total) * span : MARGIN],
      [],
    );
    const row = (cells: string[], font: PDFFont) => {
      room(15);
      cells.forEach((cell, i) => {
        const width = (columns[i].width / total) * span - 6;
        const x = columns[i].numeric
          ? xs[i] + width - Math.min(font.widthOfTextAtSize(drawable(font, cell), 9), width)
          : xs[i];
        write(cell, x, 9, font, width);
      });
      y -= 14;
    };
    row(
      columns.map((c) => c.title),
      bold,
    );
    for (const r of rows) row(r, regular);
  };

  line(`${w.title} · ${data.site.name}`, 20, bold);
  line(`${w.period}: ${data.period.from} – ${data.period.to} (${w.granularity[data.period.granularity]})`);
  line(`${w.generated}: ${siteDate(exportedAt, tz)}`);
  const t = data.totals;
  table(
    w.summary,
    [
      { title: '', width: 3 },
      { title: '', width: 1, numeric: true },
    ],
    [
      [w.attempts, n(t.attempts)],
      [w.completions, n(t.completions)],
      [w.passRate, n(t.passRate)],
      [w.meanScore, n(t.meanScore)],
      [w.issued, n(t.certificatesIssued)],
      [w.expiring, n(t.certificatesExpiring)],
    ],
  );
  table(
    w.trend,
    [
      { title: w.bucket, width: 2 },
      { title: w.attempts, width: 1, numeric: true },
      { title: w.completions, width: 1, numeric: true },
      { title: w.meanScore, width: 1, numeric: true },
    ],
    data.trend.map((p) => [p.bucket, n(p.attempts), n(p.completions), n(p.meanScore)]),
  );
  table(
    w.modules,
    [
      { title: w.module, width: 4 },
      { title: w.attempts, width: 1, numeric: true },
      { title: w.completions, width: 1, numeric: true },
      { title: w.meanScore, width: 1.3, numeric: true },
      { title: w.stoppedAtAssessment, width: 1.6, numeric: true },
    ],
    data.modules.map((m) => [
      m.title[locale],
      n(m.attempts),
      n(m.completions),
      n(m.meanScore),
      n(m.stoppedAtAssessment),
    ]),
  );
  table(
    w.sections,
    [
      { title: w.section, width: 4 },
      { title: w.learners, width: 1, numeric: true },
      { title: w.meanMinutes, width: 1.3, numeric: true },
      { title: w.stoppedHere, width: 1, numeric: true },
    ],
    data.sections.map((s) => [
      `${s.moduleCode} ${s.position}. ${s.title[locale]}`,
      n(s.learners),
      n(minutes(s.meanSeconds)),
      n(s.stoppedHere),
    ]),
  );
  table(
    w.missed,
    [
      { title: w.question, width: 5 },
      { title: w.answered, width: 1, numeric: true },
      { title: w.missedCount, width: 1, numeric: true },
      { title: w.missRate, width: 1.2, numeric: true },
    ],
    data.mostMissed.map((q) => [q.prompt[locale], n(q.answered), n(q.missed), n(q.missRate)]),
  );
  table(
    w.certificates,
    [
      { title: w.number, width: 2.2 },
      { title: w.holder, width: 2 },
      { title: w.code, width: 2.4 },
      { title: w.event, width: 1.2 },
      { title: w.expiresAt, width: 1.4 },
    ],
    data.certificates.map((c) => [
      c.number,
      c.holder,
      c.moduleCode,
      w.events[c.event],
      siteDate(c.expiresAt, tz) || '–',
    ]),
  );
  return doc.save();
}

/** Replaces what the standard PDF fonts cannot draw (they cover Western European text). */
function drawable(font: PDFFont, s: string): string {
  return [...s]
    .map((ch) => {
      try {
        font.encodeText(ch);
        return ch;
      } catch {
        return '?';
      }
    })
    .join('');
}
