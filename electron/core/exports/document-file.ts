import { documentCsv } from '../../../shared/exports/document-csv.js';
import { documentJson } from '../../../shared/exports/document-json.js';
import { documentPdf, type PdfImage } from '../../../shared/exports/document-pdf.js';
import { documentXml } from '../../../shared/exports/document-xml.js';
import { createHash } from 'node:crypto';
import {
  documentHash,
  EXPORT_MIME,
  type ExportDocument,
  type ExportFormat,
} from '../../../shared/exports/export-document.js';
import { documentXlsx } from './document-xlsx.js';
import type { PdfAttachment } from '../../../shared/exports/pdf-attachments.js';

/**
 * The bytes of a document in one format. `csv` of a compliance report keeps the report CSV's
 * layout (summary then items) that `compliance.exportCsv` already hands out.
 *
 * @example await fileOf(doc, 'xml') // Uint8Array of '<?xml …'
 */
export async function fileOf(
  doc: ExportDocument,
  format: ExportFormat,
  csv?: () => string,
  attachments: readonly PdfAttachment[] = [],
  images: readonly PdfImage[] = [],
): Promise<Uint8Array> {
  const text = (s: string) => new TextEncoder().encode(s);
  switch (format) {
    case 'pdf':
      return documentPdf(doc, attachments, images);
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

/** A document as the API hands it out: a safe file name, its type, the bytes in base64 and both hashes. */
export interface ExportedFile {
  fileName: string;
  mime: string;
  base64: string;
  contentHash: string;
  fileHash: string;
}

/**
 * A document written in one format and packed for the screen that downloads it. `name` is made
 * safe for a file name and given the format's extension.
 *
 * @example await exportedFile(doc, 'pdf', 'receipt-T3-2026-11-22') // { fileName: 'receipt-T3-2026-11-22.pdf', ... }
 */
export async function exportedFile(
  doc: ExportDocument,
  format: ExportFormat,
  name: string,
  csv?: () => string,
  /** Files a PDF carries inside (other formats ignore them). */
  attachments: readonly PdfAttachment[] = [],
  /** Pictures a PDF shows (other formats list them in their tables only). */
  images: readonly PdfImage[] = [],
): Promise<ExportedFile> {
  const bytes = await fileOf(doc, format, csv, attachments, images);
  return {
    fileName: `${name.replace(/[^A-Za-z0-9_.-]+/g, '-')}.${format}`,
    mime: EXPORT_MIME[format],
    base64: Buffer.from(bytes).toString('base64'),
    contentHash: documentHash(doc),
    fileHash: createHash('sha256').update(bytes).digest('hex'),
  };
}
