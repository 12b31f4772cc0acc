import { documentHash, type ExportDocument } from './export-document.js';

/**
 * A document as JSON: the document itself plus its content hash, pretty-printed so a person can
 * read it. `JSON.parse` gives back the very document (the hash recomputes from it without `contentHash`).
 *
 * @example JSON.parse(documentJson(doc)).contentHash === documentHash(doc) // true
 */
export function documentJson(doc: ExportDocument): string {
  return `${JSON.stringify({ format: 'shiftdeck-export', version: 1, contentHash: documentHash(doc), ...doc }, null, 2)}\n`;
}
