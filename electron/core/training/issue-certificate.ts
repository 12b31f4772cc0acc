import { randomBytes } from 'node:crypto';
import { newId } from '../../../shared/ids.js';
import { signCertificate, type SigningKey } from '../../../shared/training/certificate-signing.js';
import { expiryFor } from '../../../shared/training/certificate-status.js';

// No 0/O/1/I: a verification code is read aloud and typed by people.
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export function verificationCode(bytes = randomBytes(10)): string {
  return [...bytes]
    .map((b) => CODE_ALPHABET[b % CODE_ALPHABET.length])
    .join('')
    .replace(/^(.{5})(.{5})$/, '$1-$2');
}

/** FOOD_SAFETY_101 issued in 2026 -> FS101-2026-3F9A2C. */
export function certificateNumber(moduleCode: string, issuedAt: string, bytes = randomBytes(3)): string {
  const parts = moduleCode.split('_');
  const digits = parts.filter((p) => /^\d+$/.test(p)).join('');
  const letters = parts
    .filter((p) => !/^\d+$/.test(p))
    .map((p) => p[0])
    .join('');
  return `${letters}${digits}-${issuedAt.slice(0, 4)}-${bytes.toString('hex').toUpperCase()}`;
}

export interface CertificateFacts {
  userId: string;
  holder: string;
  module: { code: string; version: number; title_en: string; title_fr: string; validity_days: number };
  score: number;
  siteId: string;
  /** The site's name and its template's signatory, signed into the certificate (payload v2). */
  siteName: string;
  signatory: { name: string; title: string };
  issuedAt: string;
}

/** A signed certificate ready to travel in a mutation's args. */
export function prepareCertificate(f: CertificateFacts, key: SigningKey) {
  const signed = signCertificate(
    {
      v: 2,
      n: certificateNumber(f.module.code, f.issuedAt),
      c: verificationCode(),
      u: f.userId,
      h: f.holder,
      m: f.module.code,
      mv: f.module.version,
      te: f.module.title_en,
      tf: f.module.title_fr,
      sc: f.score,
      i: f.issuedAt,
      e: expiryFor(f.issuedAt, f.module.validity_days),
      s: f.siteId,
      sn: f.siteName,
      gn: f.signatory.name,
      gt: f.signatory.title,
    },
    key,
  );
  return { id: newId(), payload: signed.payloadJson, signature: signed.signature };
}
