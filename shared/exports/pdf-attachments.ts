import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFRawStream,
  PDFString,
  decodePDFRawStream,
} from '@cantoo/pdf-lib';

/** A file carried inside a PDF (an embedded file, listed by PDF viewers and `pdfdetach`). */
export interface PdfAttachment {
  name: string;
  mime: string;
  description: string;
  bytes: Uint8Array;
}

/**
 * The files embedded in a PDF's document-level EmbeddedFiles name tree (as `PDFDocument.attach`
 * writes them), decoded. A PDF without any gives []; bytes that are not a PDF throw.
 *
 * @example const [record] = await readPdfAttachments(bytes); // { name: 'incident-record.json', bytes }
 */
export async function readPdfAttachments(bytes: Uint8Array): Promise<{ name: string; bytes: Uint8Array }[]> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  const names = pdf.catalog.lookupMaybe(PDFName.of('Names'), PDFDict);
  const tree = names?.lookupMaybe(PDFName.of('EmbeddedFiles'), PDFDict);
  if (!tree) return [];
  const found: { name: string; bytes: Uint8Array }[] = [];
  const walk = (node: PDFDict, depth: number) => {
    if (depth > 8) return;
    const leaves = node.lookupMaybe(PDFName.of('Names'), PDFArray);
    for (let i = 0; leaves && i + 1 < leaves.size(); i += 2) {
      const key = leaves.lookup(i);
      const spec = leaves.lookup(i + 1);
      if (!(spec instanceof PDFDict)) continue;
      const name =
        key instanceof PDFString || key instanceof PDFHexString ? key.decodeText() : `attachment-${i / 2 + 1}`;
      const stream = spec.lookupMaybe(PDFName.of('EF'), PDFDict)?.lookup(PDFName.of('F'));
      if (stream instanceof PDFRawStream) found.push({ name, bytes: decodePDFRawStream(stream).decode() });
    }
    const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
    for (let i = 0; kids && i < kids.size(); i++) {
      const kid = kids.lookup(i);
      if (kid instanceof PDFDict) walk(kid, depth + 1);
    }
  };
  walk(tree, 0);
  return found;
}
