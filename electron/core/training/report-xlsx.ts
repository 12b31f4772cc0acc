import ExcelJS from 'exceljs';
import type { TrainingReportData } from '../../../shared/training/report-contract.js';
import { minutes, REPORT_WORDS, siteDate, type ReportLocale } from './report-words.js';

type Cell = string | number | null;

/**
 * The period's training report as an XLSX workbook, one sheet per table (summary, trend, modules,
 * time per section, most missed questions, certificates), headings in the kiosk's language and
 * numbers as numbers so a spreadsheet can sum them.
 *
 * @example const bytes = await reportXlsx(data, 'fr', '2026-04-01T08:00:00.000Z');
 */
export async function reportXlsx(data: TrainingReportData, locale: ReportLocale, exportedAt: string): Promise<Buffer> {
  const w = REPORT_WORDS[locale];
  const tz = data.site.timeZone;
  const book = new ExcelJS.Workbook();
  book.creator = 'Shiftdeck';
  book.created = new Date(exportedAt);
  book.modified = new Date(exportedAt);
  const sheet = (name: string, header: string[], rows: Cell[][]) => {
    const s = book.addWorksheet(name);
    s.addRow(header).font = { bold: true };
    for (const r of rows) s.addRow(r);
    s.columns.forEach((c, i) => (c.width = Math.min(60, Math.max(12, header[i]?.length ?? 12) + 2)));
    s.views = [{ state: 'frozen', ySplit: 1 }];
    return s;
  };
  const t = data.totals;
  sheet(
    w.summary,
    [w.title, data.site.name],
    [
      [w.period, `${data.period.from} – ${data.period.to}`],
      [w.granularity[data.period.granularity], ''],
      [w.generated, siteDate(exportedAt, tz)],
      [w.attempts, t.attempts],
      [w.completions, t.completions],
      [w.passRate, t.passRate],
      [w.meanScore, t.meanScore],
      [w.issued, t.certificatesIssued],
      [w.expiring, t.certificatesExpiring],
    ],
  );
  sheet(
    w.trend,
    [w.bucket, w.attempts, w.completions, w.meanScore],
    data.trend.map((p) => [p.bucket, p.attempts, p.completions, p.meanScore]),
  );
  sheet(
    w.modules,
    [w.code, w.module, w.attempts, w.completions, w.meanScore, w.started, w.stoppedAtAssessment],
    data.modules.map((m) => [
      m.code,
      m.title[locale],
      m.attempts,
      m.completions,
      m.meanScore,
      m.started,
      m.stoppedAtAssessment,
    ]),
  );
  sheet(
    w.sections,
    [w.code, '#', w.section, w.learners, w.meanMinutes, w.medianMinutes, w.stoppedHere],
    data.sections.map((s) => [
      s.moduleCode,
      s.position,
      s.title[locale],
      s.learners,
      minutes(s.meanSeconds),
      minutes(s.medianSeconds),
      s.stoppedHere,
    ]),
  );
  sheet(
    w.missed,
    [w.code, w.question, w.answered, w.missedCount, w.missRate],
    data.mostMissed.map((q) => [q.moduleCode, q.prompt[locale], q.answered, q.missed, q.missRate]),
  );
  sheet(
    w.certificates,
    [w.number, w.holder, w.code, w.event, w.issuedAt, w.expiresAt],
    data.certificates.map((c) => [
      c.number,
      c.holder,
      c.moduleCode,
      w.events[c.event],
      siteDate(c.issuedAt, tz),
      siteDate(c.expiresAt, tz),
    ]),
  );
  return Buffer.from(await book.xlsx.writeBuffer());
}
