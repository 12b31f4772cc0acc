import Papa from 'papaparse';
import { unclosedQuoteLine } from '../classes/csv-text.js';
import { noonReportFields, type NoonReportFields } from './log-fields.js';
import { CONSUMERS, FUEL_TYPES, type Consumer, type FuelType } from './schema.js';

export const NOON_CSV_COLUMNS = ['report_date', 'loading', 'distance_nm', 'hours_steaming'] as const;
export const MAX_NOON_ROWS = 400;

export type NoonCsvRow =
  | { line: number; ok: true; value: NoonReportFields }
  | { line: number; ok: false; problems: { field: string; message: string }[] };

export interface NoonCsvPreview {
  rows: NoonCsvRow[];
  /** Problems of the whole file (no row is imported while there is one). */
  fileErrors: string[];
}

// `main_engine_hfo_t`: tonnes of one fuel type burnt by one consumer.
const CONSUMPTION = new RegExp(`^(${CONSUMERS.join('|')})_(${FUEL_TYPES.join('|').toLowerCase()})_t$`);

/** "14,2" from a French spreadsheet and "14.2" are the same number; an empty cell is none. */
const number = (cell: string | undefined): number | undefined => {
  const v = (cell ?? '').trim().replace(',', '.');
  return v === '' ? undefined : Number(v);
};

/**
 * Reads noon reports from a CSV (comma or semicolon, decimal point or comma) into a preview a
 * person checks before anything is written: each line is either a report ready to log or the
 * list of fields that are wrong, by name. Columns: report_date (YYYY-MM-DD), loading (laden or
 * ballast), distance_nm, hours_steaming, and one `<consumer>_<fuel>_t` column per consumption.
 *
 * @example previewNoonReportCsv('report_date,loading,distance_nm,hours_steaming,main_engine_hfo_t\n2026-11-22,laden,312,24,14.2')
 */
export function previewNoonReportCsv(text: string): NoonCsvPreview {
  const open = unclosedQuoteLine(text);
  if (open !== null) return { rows: [], fileErrors: [`Line ${open}: a quote opens a field that is never closed.`] };
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (h) => h.trim().toLowerCase(),
  });
  const fields = parsed.meta.fields ?? [];
  const fileErrors: string[] = [];
  const missing = NOON_CSV_COLUMNS.filter((c) => !fields.includes(c));
  if (missing.length)
    fileErrors.push(
      `The first line must name the columns ${NOON_CSV_COLUMNS.join(', ')}; missing: ${missing.join(', ')}.`,
    );
  const consumption = fields.flatMap((f) => {
    const m = CONSUMPTION.exec(f);
    return m ? [{ column: f, consumer: m[1] as Consumer, fuelType: m[2].toUpperCase() as FuelType }] : [];
  });
  const unknown = fields.filter((f) => !(NOON_CSV_COLUMNS as readonly string[]).includes(f) && !CONSUMPTION.test(f));
  if (unknown.length)
    fileErrors.push(`Unknown columns: ${unknown.join(', ')} (consumption columns read like main_engine_hfo_t).`);
  if (parsed.data.length > MAX_NOON_ROWS)
    fileErrors.push(`At most ${MAX_NOON_ROWS} reports a file; this one has ${parsed.data.length}.`);
  if (fileErrors.length) return { rows: [], fileErrors };

  const rows = parsed.data.map((cells, i): NoonCsvRow => {
    const line = i + 2;
    const candidate = {
      reportDate: (cells.report_date ?? '').trim(),
      loading: (cells.loading ?? '').trim().toLowerCase(),
      distanceNm: number(cells.distance_nm),
      hoursSteaming: number(cells.hours_steaming),
      consumption: consumption
        .map((c) => ({ fuelType: c.fuelType, consumer: c.consumer, tonnes: number(cells[c.column]) }))
        .filter((c) => c.tonnes !== undefined),
    };
    const r = noonReportFields.safeParse(candidate);
    if (r.success) return { line, ok: true, value: r.data };
    return {
      line,
      ok: false,
      problems: r.error.issues.map((issue) => {
        const [top, index] = issue.path;
        const field =
          top === 'consumption' && typeof index === 'number'
            ? (consumption.filter((c) => cells[c.column]?.trim())[index]?.column ?? 'consumption')
            : String(top);
        return { field, message: issue.message };
      }),
    };
  });
  return { rows, fileErrors };
}
