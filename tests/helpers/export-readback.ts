import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { XMLParser } from 'fast-xml-parser';
import Papa from 'papaparse';
import type { Cell, ExportDocument } from '../../shared/exports/export-document.js';

/**
 * Reads every export format back with an independent parser (fast-xml-parser, papaparse, exceljs,
 * poppler's pdftotext), so tests compare what a reader of the file gets with the report itself.
 */

/** A document's facts and table rows as a reader sees them, every value typed as in the document. */
export interface ReadBack {
  contentHash: string;
  facts: Record<string, Cell>;
  tables: Record<string, Record<string, Cell>[]>;
}

/** What a document should read back as (the expectation side of the comparisons). */
export function expectedOf(doc: ExportDocument, contentHash: string): ReadBack {
  return {
    contentHash,
    facts: Object.fromEntries(doc.facts.map((f) => [f.key, f.value])),
    tables: Object.fromEntries(
      doc.tables.map((t) => [
        t.id,
        t.rows.map((r) => Object.fromEntries(t.columns.map((c) => [c.key, r[c.key] ?? null]))),
      ]),
    ),
  };
}

/** The same, with every value as text (CSV has no types). */
export const asText = (r: ReadBack): ReadBack => ({
  contentHash: r.contentHash,
  facts: Object.fromEntries(Object.entries(r.facts).map(([k, v]) => [k, text(v)])),
  tables: Object.fromEntries(
    Object.entries(r.tables).map(([id, rows]) => [
      id,
      rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, text(v)]))),
    ]),
  ),
});
const text = (v: Cell) => (v === null ? '' : typeof v === 'boolean' ? (v ? 'yes' : 'no') : String(v));

export function readXml(xml: string): ReadBack {
  const parsed = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseTagValue: false,
    isArray: (name) => ['fact', 'table', 'row', 'cell', 'column'].includes(name),
  }).parse(xml) as { export: Record<string, unknown> };
  type Typed = { '@_type': string; '#text'?: string };
  const value = (c: Typed): Cell =>
    c['@_type'] === 'null'
      ? null
      : c['@_type'] === 'number'
        ? Number(c['#text'])
        : c['@_type'] === 'boolean'
          ? c['#text'] === 'true'
          : (c['#text'] ?? '');
  const e = parsed.export as {
    '@_contentHash': string;
    facts: { fact: (Typed & { '@_key': string })[] };
    table?: { '@_id': string; row?: { cell: (Typed & { '@_key': string })[] }[] }[];
  };
  return {
    contentHash: e['@_contentHash'],
    facts: Object.fromEntries(e.facts.fact.map((f) => [f['@_key'], value(f)])),
    tables: Object.fromEntries(
      (e.table ?? []).map((t) => [
        t['@_id'],
        (t.row ?? []).map((r) => Object.fromEntries(r.cell.map((c) => [c['@_key'], value(c)]))),
      ]),
    ),
  };
}

/** A document CSV: the `field,value` block, then `table,<id>` blocks with their header rows. */
export function readCsv(csv: string): ReadBack {
  const [head, ...blocks] = csv.trimEnd().split('\r\n\r\n');
  const facts = Object.fromEntries(
    Papa.parse<string[]>(head)
      .data.slice(1)
      .map(([k, v]) => [k, v]),
  );
  const tables: ReadBack['tables'] = {};
  for (const block of blocks) {
    const [first, ...rest] = block.split('\r\n');
    tables[first.split(',')[1]] = Papa.parse<Record<string, string>>(rest.join('\r\n'), { header: true }).data;
  }
  const { content_hash, kind: _k, subject: _s, generated_at: _g, title_en: _e, title_fr: _f, ...own } = facts;
  return { contentHash: content_hash, facts: own, tables };
}

export async function readXlsx(bytes: Uint8Array): Promise<ReadBack> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const cell = (v: ExcelJS.CellValue): Cell =>
    v === null || v === undefined ? null : typeof v === 'object' ? JSON.stringify(v) : (v as Cell);
  const rowsOf = (sheet: ExcelJS.Worksheet) => {
    const out: Cell[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row) => {
      const values: Cell[] = [];
      for (let i = 1; i <= sheet.columnCount; i++) values.push(cell(row.getCell(i).value));
      out.push(values);
    });
    return out;
  };
  const [summary, ...sheets] = book.worksheets;
  const facts = Object.fromEntries(
    rowsOf(summary)
      .slice(1)
      .map(([k, v]) => [String(k), v]),
  );
  const { content_hash, kind: _k, subject: _s, generated_at: _g, title_en: _e, title_fr: _f, ...own } = facts;
  return {
    contentHash: String(content_hash),
    facts: own,
    tables: Object.fromEntries(
      sheets.map((s) => {
        const [keys, , ...rows] = rowsOf(s);
        return [s.name, rows.map((r) => Object.fromEntries(keys.map((k, i) => [String(k), r[i] ?? null])))];
      }),
    ),
  };
}

/** The PDF's text in content-stream order (pdftotext -raw), which keeps each cell's lines together. */
export function pdfText(bytes: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'pdf-'));
  try {
    const file = join(dir, 'export.pdf');
    writeFileSync(file, bytes);
    return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Text without any white space, to find a wrapped cell's words in a PDF's text. */
export const squeeze = (s: string) => s.replace(/\s+/gu, '');
