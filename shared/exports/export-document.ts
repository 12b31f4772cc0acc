import { contentHash } from '../compliance/content-hash.js';

/**
 * What every export is built from: a bilingual document of key facts and tables. The compliance
 * report, the training compliance report and the incident summary each become one, and the same
 * five builders (PDF, XLSX, CSV, JSON, XML) write any of them, so a new report needs no new writer.
 */
export interface L10n {
  en: string;
  fr: string;
}

export type Cell = string | number | boolean | null;

export interface ExportColumn {
  key: string;
  label: L10n;
  /** Relative width in the PDF (default 1). */
  width?: number;
  /** Words for coded values ('pass' → Pass / Conforme), shown in the PDF; data formats keep the code. */
  codes?: Readonly<Record<string, L10n>>;
}

export interface ExportTable {
  id: string;
  title: L10n;
  columns: ExportColumn[];
  rows: Record<string, Cell>[];
}

export interface ExportFact {
  key: string;
  label: L10n;
  value: Cell;
  /** Words for a coded value, shown in the PDF. */
  codes?: Readonly<Record<string, L10n>>;
}

export const EXPORT_KINDS = [
  'compliance_report',
  'training_compliance',
  'incident_summary',
  'incident_list',
  'incident_report',
  'table_receipt',
] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

export interface ExportDocument {
  kind: ExportKind;
  /** What it is of: a report id, or the period of a summary. */
  subject: string;
  title: L10n;
  /** When it was generated (ISO-8601, from the kiosk clock). */
  generatedAt: string;
  facts: ExportFact[];
  tables: ExportTable[];
}

export const EXPORT_FORMATS = ['pdf', 'xlsx', 'csv', 'json', 'xml'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_MIME: Readonly<Record<ExportFormat, string>> = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
  json: 'application/json',
  xml: 'application/xml',
};

/**
 * The content hash every format of a document carries: SHA-256 of its canonical JSON, leaving out
 * when it was generated. Two exports with the same hash hold the same facts and rows, whatever
 * their format and whenever they were made.
 *
 * @example documentHash(doc) // '3f1c…' (64 hex digits)
 */
export function documentHash(doc: ExportDocument): string {
  const { generatedAt: _, ...content } = doc;
  return contentHash(content);
}

/** A fact's value by key, for builders that print a few facts in a header. */
export const factValue = (doc: ExportDocument, key: string): Cell =>
  doc.facts.find((f) => f.key === key)?.value ?? null;

/** A cell as plain text: data formats and the PDF agree on how a value reads. */
export function cellText(v: Cell): string {
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  return String(v);
}
