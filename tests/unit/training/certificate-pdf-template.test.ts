import { PDFDocument } from 'pdf-lib';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { certificatePdf } from '../../../electron/core/training/certificate-pdf.js';
import {
  newSigningKey,
  signCertificate,
  type CertificatePayload,
} from '../../../shared/training/certificate-signing.js';

const payload = {
  v: 2 as const,
  n: 'FS101-2026-ABCDEF',
  c: 'ABCDE-FGHJK',
  u: 'u',
  h: 'Emma Dubois',
  m: 'FOOD_SAFETY_101',
  mv: 1,
  te: 'Food safety basics',
  tf: 'Sécurité',
  sc: 100,
  i: '2026-11-22T09:00:00.000Z',
  e: null,
  s: 'site',
  sn: 'Le Petit Bistro',
  gn: 'Sophie Laurent',
  gt: 'Directrice',
};

describe('the certificate PDF with a template', () => {
  it('carries the certificate string as its Subject, draws a real logo, and skips a broken one', async () => {
    const signed = signCertificate(payload, newSigningKey());
    const full = JSON.parse(signed.payloadJson) as CertificatePayload;
    const logo = { mime: 'image/png' as const, base64: (await QRCode.toBuffer('logo')).toString('base64') };
    const pdf = await certificatePdf(full, signed.token, 'fr', { logo });
    const doc = await PDFDocument.load(pdf, { updateMetadata: false });
    expect(doc.getSubject()).toBe(signed.token);
    const broken = { mime: 'image/png' as const, base64: Buffer.from('89504e470d0a1a0a00', 'hex').toString('base64') };
    const plain = await certificatePdf(full, signed.token, 'en', { logo: broken });
    expect((await PDFDocument.load(plain)).getPageCount()).toBe(1);
    expect(pdf.length).toBeGreaterThan(plain.length);
  });
});
