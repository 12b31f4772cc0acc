import { documentCsv } from '../../../shared/exports/document-csv.js';
import { documentJson } from '../../../shared/exports/document-json.js';
import { documentPdf } from '../../../shared/exports/document-pdf.js';
import { documentXml } from '../../../shared/exports/document-xml.js';
import type { ExportDocument, ExportFormat } from '../../../shared/exports/export-document.js';
import { documentXlsx } from './document-xlsx.js';

/**
 * The bytes of a document in one format. `csv` of a compliance report keeps the report CSV's
 * layout (summary then items) that `compliance.exportCsv` already hands out.
 *
 * @example await fileOf(doc, 'xml') // Uint8Array of '<?xml …'
 */
export async function fileOf(doc: ExportDocument, format: ExportFormat, csv?: () => string): Promise<Uint8Array> {
  const text = (s: string) => new TextEncoder().encode(s);
  switch (format) {
    case 'pdf':
      return documentPdf(doc);
    case 'xlsx':
      return documentXlsx(doc);
    case 'csv':
      return text(csv ? csv() : documentCsv(doc));
    case 'json':
      return text(documentJson(doc));
    case 'xml':
      return text(documentXml(doc));
  }
}
