import { PDFDocument, StandardFonts, rgb, type PDFFont } from 'pdf-lib';
import QRCode from 'qrcode';
import { issuerOf, type CertificatePayload } from '../../../shared/training/certificate-signing.js';
import type { CertificateTemplate } from './certificate-template.js';

/** Marks a PDF as a Shiftdeck certificate; its Subject holds the certificate string. */
export const CERTIFICATE_PDF_KEYWORD = 'shiftdeck-certificate';

const WORDS = {
  en: {
    heading: 'Certificate of completion',
    certifies: 'This certifies that',
    completed: 'has completed and passed',
    score: 'Score',
    issued: 'Issued',
    expires: 'Valid until',
    never: 'No expiry',
    number: 'Certificate no.',
    code: 'Verification code',
    scan: 'Scan the code with a Shiftdeck kiosk or run verify-certificate to check this certificate.',
  },
  fr: {
    heading: 'Certificat de réussite',
    certifies: 'Nous certifions que',
    completed: 'a suivi et réussi',
    score: 'Score',
    issued: 'Délivré le',
    expires: 'Valable jusqu’au',
    never: 'Sans expiration',
    number: 'Certificat n°',
    code: 'Code de vérification',
    scan: 'Scannez le code avec une borne Shiftdeck ou lancez verify-certificate pour vérifier ce certificat.',
  },
} as const;

const date = (iso: string, locale: 'en' | 'fr') =>
  new Date(iso).toLocaleDateString(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });

/** Replaces what the standard PDF fonts cannot draw (they cover Western European text). */
const drawable = (font: PDFFont, s: string) =>
  [...s]
    .map((ch) => {
      try {
        font.encodeText(ch);
        return ch;
      } catch {
        return '?';
      }
    })
    .join('');

/**
 * A one-page A4 landscape certificate in one language, with the QR code holding the signed
 * certificate string (`token`), drawn locally with pdf-lib: no network, no template server. The
 * site's name and signatory come from the signed payload (v2), the logo from the site's template;
 * the string is also the PDF's Subject, so a kiosk reads it back without rendering the page.
 */
export async function certificatePdf(
  payload: CertificatePayload,
  token: string,
  locale: 'en' | 'fr',
  template: Pick<CertificateTemplate, 'logo'> = { logo: null },
): Promise<Uint8Array> {
  const w = WORDS[locale];
  const doc = await PDFDocument.create();
  doc.setTitle(`${w.heading} ${payload.n}`);
  doc.setProducer('Shiftdeck');
  doc.setSubject(token);
  doc.setKeywords([CERTIFICATE_PDF_KEYWORD]);
  doc.setCreationDate(new Date(payload.i));
  doc.setModificationDate(new Date(payload.i));
  const page = doc.addPage([842, 595]);
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const ink = rgb(0.1, 0.16, 0.27);
  const centre = (text: string, y: number, size: number, font: PDFFont) => {
    const t = drawable(font, text);
    page.drawText(t, { x: (842 - font.widthOfTextAtSize(t, size)) / 2, y, size, font, color: ink });
  };
  page.drawRectangle({ x: 24, y: 24, width: 794, height: 547, borderColor: ink, borderWidth: 3 });
  page.drawRectangle({ x: 34, y: 34, width: 774, height: 527, borderColor: rgb(0.75, 0.6, 0.2), borderWidth: 1 });
  centre(w.heading, 480, 34, bold);
  const issuer = issuerOf(payload);
  if (issuer?.siteName) centre(issuer.siteName, 454, 14, regular);
  if (template.logo) {
    const bytes = Buffer.from(template.logo.base64, 'base64');
    // Magic bytes say PNG or JPEG, not that the rest decodes: a broken logo must not stop certificates.
    const logo = await (template.logo.mime === 'image/png' ? doc.embedPng(bytes) : doc.embedJpg(bytes)).catch(
      () => null,
    );
    const box = logo?.scaleToFit(90, 90);
    if (logo && box) page.drawImage(logo, { x: 56, y: 551 - 12 - box.height, width: box.width, height: box.height });
  }
  centre(w.certifies, 430, 16, regular);
  centre(payload.h, 390, 30, bold);
  centre(w.completed, 350, 16, regular);
  centre(locale === 'fr' ? payload.tf : payload.te, 312, 24, bold);
  centre(`${w.score}: ${payload.sc} %`, 278, 14, regular);

  const left = 70;
  const lines: [string, string][] = [
    [w.number, payload.n],
    [w.code, payload.c],
    [w.issued, date(payload.i, locale)],
    [w.expires, payload.e ? date(payload.e, locale) : w.never],
  ];
  lines.forEach(([k, v], i) => {
    page.drawText(drawable(regular, `${k}:`), { x: left, y: 200 - i * 24, size: 12, font: regular, color: ink });
    page.drawText(drawable(bold, v), { x: left + 140, y: 200 - i * 24, size: 12, font: bold, color: ink });
  });
  if (issuer?.signatoryName) {
    const x = 330;
    page.drawLine({ start: { x, y: 122 }, end: { x: x + 200, y: 122 }, thickness: 0.8, color: ink });
    page.drawText(drawable(bold, issuer.signatoryName), { x, y: 106, size: 12, font: bold, color: ink });
    if (issuer.signatoryTitle)
      page.drawText(drawable(regular, issuer.signatoryTitle), { x, y: 92, size: 10, font: regular, color: ink });
  }
  page.drawText(drawable(regular, w.scan), { x: left, y: 70, size: 9, font: regular, color: ink, maxWidth: 520 });

  const png = await QRCode.toBuffer(token, { type: 'png', errorCorrectionLevel: 'M', margin: 4, scale: 6 });
  const img = await doc.embedPng(png);
  const size = 190;
  page.drawImage(img, { x: 842 - 70 - size, y: 60, width: size, height: size });
  return doc.save();
}
