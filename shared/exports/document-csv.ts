import Papa from 'papaparse';
import { cellText, documentHash, type ExportDocument } from './export-document.js';

/**
 * A document as CSV (RFC 4180, comma, CRLF): a `field,value` block of facts (with the content
 * hash), then each table as its own block with a header row of column keys, blocks parted by a
 * blank line and each table block preceded by a `table,<id>` line. Every block parses as plain CSV.
 *
 * @example documentCsv(doc).split('\r\n\r\n') // [facts, 'table,items\r\nsection,item,…', …]
 */
export function documentCsv(doc: ExportDocument): string {
  const opts = { newline: '\r\n' };
  const facts = Papa.unparse(
    [
      ['field', 'value'],
      ['kind', doc.kind],
      ['subject', doc.subject],
      ['generated_at', doc.generatedAt],
      ['content_hash', documentHash(doc)],
      ['title_en', doc.title.en],
      ['title_fr', doc.title.fr],
      ...doc.facts.map((f) => [f.key, cellText(f.value)]),
    ],
    opts,
  );
  const tables = doc.tables.map(
    (t) =>
      `table,${t.id}\r\n` +
      Papa.unparse(
        {
          fields: t.columns.map((c) => c.key),
          data: t.rows.map((r) => t.columns.map((c) => cellText(r[c.key] ?? null))),
        },
        opts,
      ),
  );
  return `${[facts, ...tables].join('\r\n\r\n')}\r\n`;
}
