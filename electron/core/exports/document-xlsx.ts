import ExcelJS from 'exceljs';
import { documentHash, type ExportDocument } from '../../../shared/exports/export-document.js';

/** Sheet names: at most 31 characters, none of : \ / ? * [ ]. */
const sheetName = (s: string) => s.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31);

/**
 * A document as an XLSX workbook (exceljs): a "Summary" sheet of facts with the content hash, then
 * one sheet per table whose first row holds the column keys (what a reader matches on) and second
 * row the headings in English and French. Values keep their type: numbers stay numbers.
 *
 * @example const bytes = await documentXlsx(doc); // a zip starting with 'PK'
 */
export async function documentXlsx(doc: ExportDocument): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const at = new Date(doc.generatedAt);
  book.creator = 'Shiftdeck';
  book.created = at;
  book.modified = at;
  book.title = `${doc.title.en} / ${doc.title.fr}`;
  book.subject = `${doc.kind} ${doc.subject}`;
  book.keywords = `sha256:${documentHash(doc)}`;

  const summary = book.addWorksheet('Summary');
  summary.columns = [
    { header: 'field', key: 'field', width: 22 },
    { header: 'value', key: 'value', width: 70 },
    { header: 'en', key: 'en', width: 30 },
    { header: 'fr', key: 'fr', width: 30 },
  ];
  summary.getRow(1).font = { bold: true };
  const head: [string, string, string, string][] = [
    ['kind', doc.kind, 'Kind', 'Type'],
    ['subject', doc.subject, 'Of', 'Objet'],
    ['generated_at', doc.generatedAt, 'Generated', 'Généré le'],
    ['content_hash', documentHash(doc), 'Content hash (SHA-256)', 'Empreinte du contenu (SHA-256)'],
    ['title_en', doc.title.en, 'Title (English)', 'Titre (anglais)'],
    ['title_fr', doc.title.fr, 'Title (French)', 'Titre (français)'],
  ];
  for (const [field, value, en, fr] of head) summary.addRow({ field, value, en, fr });
  for (const f of doc.facts) summary.addRow({ field: f.key, value: f.value, en: f.label.en, fr: f.label.fr });

  for (const t of doc.tables) {
    const sheet = book.addWorksheet(sheetName(t.id));
    sheet.columns = t.columns.map((c) => ({ header: c.key, key: c.key, width: Math.max(10, (c.width ?? 1) * 12) }));
    sheet.addRow(Object.fromEntries(t.columns.map((c) => [c.key, `${c.label.en} / ${c.label.fr}`])));
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(2).font = { italic: true };
    for (const r of t.rows) sheet.addRow(Object.fromEntries(t.columns.map((c) => [c.key, r[c.key] ?? null])));
    sheet.views = [{ state: 'frozen', ySplit: 2 }];
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}
