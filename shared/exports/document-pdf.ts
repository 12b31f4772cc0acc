import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from '@cantoo/pdf-lib';
import { cellText, documentHash, type Cell, type ExportColumn, type ExportDocument } from './export-document.js';
import type { PdfAttachment } from './pdf-attachments.js';

const PAGE = { width: 595.28, height: 841.89 }; // A4 portrait, points
const MARGIN = 36;
const SIZE = 8.5;
const LINE = 11;
const PAD = 3;
const GREY = rgb(0.35, 0.35, 0.35);
const RULE = rgb(0.8, 0.8, 0.8);

/**
 * The standard PDF fonts draw Western European text only (WinAnsi). A character they lack becomes
 * its nearest drawable form; the answer is remembered per character, as 500 items repeat them.
 */
function sanitizer(font: PDFFont) {
  const known = new Map<string, string>();
  const SUBSTITUTES: Record<string, string> = { '\u202f': '\u00a0', '\u2264': '<=', '\u2265': '>=', '\u2212': '-' };
  const one = (ch: string) => {
    let out = known.get(ch);
    if (out === undefined) {
      out = SUBSTITUTES[ch] ?? ch;
      try {
        font.encodeText(out);
      } catch {
        out = '?';
      }
      known.set(ch, out);
    }
    return out;
  };
  return (s: string) => Array.from(s.replace(/[\r\n\t]+/g, ' '), one).join('');
}

/**
 * Text widths at one size, remembered per word: a 500-item report repeats its words thousands of
 * times, and measuring (with kerning) is most of the cost of laying out a PDF with many cells.
 */
function measurer(font: PDFFont, size: number) {
  const known = new Map<string, number>();
  const word = (w: string) => {
    let width = known.get(w);
    if (width === undefined) {
      width = font.widthOfTextAtSize(w, size);
      known.set(w, width);
    }
    return width;
  };
  const space = word(' ');
  return { word, space };
}
type Measure = ReturnType<typeof measurer>;

/** Breaks text into lines that fit `width`, cutting over-long words. */
function wrap(m: Measure, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  let used = 0;
  for (const word of text.split(' ')) {
    const w = m.word(word);
    if (line && used + m.space + w <= width) {
      line += ` ${word}`;
      used += m.space + w;
      continue;
    }
    if (line) lines.push(line);
    line = word;
    used = w;
    while (used > width && line.length > 1) {
      let cut = line.length - 1;
      while (cut > 1 && m.word(line.slice(0, cut)) > width) cut--;
      lines.push(line.slice(0, cut));
      line = line.slice(cut);
      used = m.word(line);
    }
  }
  lines.push(line);
  return lines;
}

const YES_NO = { yes: { en: 'Yes', fr: 'Oui' }, no: { en: 'No', fr: 'Non' } };

/**
 * How a value reads in the PDF: a coded value or a yes/no in both languages ("Pass / Conforme"),
 * any other value as it reads in the data formats.
 *
 * @example pdfValue(true) // 'Yes / Oui'
 */
export function pdfValue(v: Cell, codes?: ExportColumn['codes']): string {
  const words = typeof v === 'boolean' ? YES_NO[v ? 'yes' : 'no'] : typeof v === 'string' ? codes?.[v] : undefined;
  if (words) return words.en === words.fr ? words.en : `${words.en} / ${words.fr}`;
  return cellText(v);
}

/** A picture a PDF shows after its tables, scaled to the page's width and at most MAX_IMAGE_HEIGHT high. */
export interface PdfImage {
  mime: 'image/jpeg' | 'image/png';
  bytes: Uint8Array;
  caption: string;
}
const MAX_IMAGE_HEIGHT = 320;

/**
 * A document as a bilingual A4 PDF: English and French titles, the key facts (template version,
 * hashes, score), then every table with English and French headings, repeated on each page. Each
 * page's footer carries the content hash, which is also in the PDF's subject and keywords.
 * Drawn with @cantoo/pdf-lib and the standard fonts: no network, no font files.
 *
 * @example const bytes = await documentPdf(doc); // Uint8Array starting with '%PDF-'
 */
export async function documentPdf(
  doc: ExportDocument,
  attachments: readonly PdfAttachment[] = [],
  /** Pictures drawn after the tables (an incident's photos), each with its caption. */
  images: readonly PdfImage[] = [],
): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const hash = documentHash(doc);
  const at = new Date(doc.generatedAt);
  pdf.setTitle(`${doc.title.en} / ${doc.title.fr}`);
  pdf.setSubject(`${doc.kind} ${doc.subject} sha256:${hash}`);
  pdf.setKeywords([doc.kind, doc.subject, `sha256:${hash}`]);
  pdf.setProducer('Shiftdeck');
  pdf.setCreator('Shiftdeck');
  pdf.setCreationDate(at);
  pdf.setModificationDate(at);
  // Files carried inside, such as an incident's sealed record, for a check offline or pdfdetach.
  for (const a of attachments)
    await pdf.attach(a.bytes, a.name, {
      mimeType: a.mime,
      description: a.description,
      creationDate: at,
      modificationDate: at,
    });
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const clean = sanitizer(regular);
  const body = measurer(regular, SIZE);
  const heading = measurer(bold, SIZE);
  const inner = PAGE.width - 2 * MARGIN;

  let page!: PDFPage;
  let y = 0;
  const newPage = () => {
    page = pdf.addPage([PAGE.width, PAGE.height]);
    y = PAGE.height - MARGIN;
  };
  const text = (s: string, x: number, size: number, font = regular, color = rgb(0, 0, 0)) =>
    page.drawText(clean(s), { x, y: y - size, size, font, color });
  /** Starts a page when fewer than `need` points are left above the footer. */
  const room = (need: number) => {
    if (y - need < MARGIN + 20) {
      newPage();
      return true;
    }
    return false;
  };

  newPage();
  text(doc.title.en, MARGIN, 16, bold);
  y -= 20;
  text(doc.title.fr, MARGIN, 13, regular, GREY);
  y -= 22;
  const facts = [
    ...doc.facts.map((f) => ({ label: f.label, value: pdfValue(f.value, f.codes) })),
    { label: { en: 'Generated', fr: 'Généré le' }, value: doc.generatedAt },
    { label: { en: 'Content hash (SHA-256)', fr: 'Empreinte du contenu (SHA-256)' }, value: hash },
  ];
  for (const f of facts) {
    const labels = wrap(heading, clean(`${f.label.en} / ${f.label.fr}`), inner * 0.42 - PAD);
    const values = wrap(body, clean(f.value), inner * 0.58);
    const n = Math.max(labels.length, values.length);
    room(n * LINE);
    labels.forEach((l, i) => page.drawText(l, { x: MARGIN, y: y - SIZE - i * LINE, size: SIZE, font: bold }));
    values.forEach((l, i) =>
      page.drawText(l, { x: MARGIN + inner * 0.42, y: y - SIZE - i * LINE, size: SIZE, font: regular }),
    );
    y -= n * LINE;
  }

  for (const table of doc.tables) {
    const total = table.columns.reduce((n, c) => n + (c.width ?? 1), 0);
    const widths = table.columns.map((c) => ((c.width ?? 1) / total) * inner);
    const xs = widths.map((_, i) => MARGIN + widths.slice(0, i).reduce((a, b) => a + b, 0));
    const header = () => {
      const heads = table.columns.map((c, i) => ({
        en: wrap(heading, clean(c.label.en), widths[i] - 2 * PAD),
        fr: c.label.fr !== c.label.en ? wrap(body, clean(c.label.fr), widths[i] - 2 * PAD) : [],
      }));
      const h = Math.max(...heads.map((l) => l.en.length + l.fr.length)) * LINE + PAD;
      page.drawRectangle({ x: MARGIN, y: y - h, width: inner, height: h, color: rgb(0.93, 0.93, 0.93) });
      heads.forEach(({ en, fr }, i) => {
        const draw = (l: string, j: number, font: PDFFont, color = rgb(0, 0, 0)) =>
          page.drawText(l, { x: xs[i] + PAD, y: y - SIZE - j * LINE, size: SIZE, font, color });
        en.forEach((l, j) => draw(l, j, bold));
        fr.forEach((l, j) => draw(l, en.length + j, regular, GREY));
      });
      y -= h;
    };
    y -= 14;
    room(60);
    text(`${table.title.en} / ${table.title.fr}`, MARGIN, 11, bold);
    y -= 16;
    header();
    if (table.rows.length === 0) {
      y -= 4;
      text('None / Aucun', MARGIN + PAD, SIZE, regular, GREY);
      y -= LINE;
    }
    for (const row of table.rows) {
      const cells = table.columns.map((c, i) =>
        wrap(body, clean(pdfValue(row[c.key] ?? null, c.codes)), widths[i] - 2 * PAD),
      );
      const h = Math.max(...cells.map((l) => l.length)) * LINE + PAD;
      if (room(h)) header();
      cells.forEach((lines, i) =>
        lines.forEach((l, j) =>
          page.drawText(l, { x: xs[i] + PAD, y: y - SIZE - 1 - j * LINE, size: SIZE, font: regular }),
        ),
      );
      y -= h;
      page.drawLine({ start: { x: MARGIN, y }, end: { x: MARGIN + inner, y }, thickness: 0.5, color: RULE });
    }
  }

  if (images.length) {
    y -= 14;
    room(60);
    text('Photos / Photos', MARGIN, 11, bold);
    y -= 18;
  }
  for (const image of images) {
    const embedded = image.mime === 'image/png' ? await pdf.embedPng(image.bytes) : await pdf.embedJpg(image.bytes);
    const scale = Math.min(inner / embedded.width, MAX_IMAGE_HEIGHT / embedded.height, 1);
    const w = embedded.width * scale;
    const h = embedded.height * scale;
    room(h + LINE + 8);
    page.drawImage(embedded, { x: MARGIN, y: y - h, width: w, height: h });
    y -= h + 4;
    text(image.caption, MARGIN, SIZE, regular, GREY);
    y -= LINE + 8;
  }

  const pages = pdf.getPages();
  pages.forEach((p, i) =>
    p.drawText(clean(`${doc.title.en} · sha256:${hash} · ${i + 1}/${pages.length}`), {
      x: MARGIN,
      y: MARGIN - 14,
      size: 6.5,
      font: regular,
      color: GREY,
    }),
  );
  return pdf.save({ useObjectStreams: false });
}
