import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';

/**
 * Signed training certificates (Ed25519, node:crypto).
 *
 * Keys: kiosks issue certificates offline, so the organisation cannot hold the only private key.
 * Each kiosk makes its own Ed25519 signing key on first use and keeps the private half in its
 * local database (never synced). The public half is published as a `training_signing_keys` row by
 * a `device` mutation that the server accepts only over the device's authenticated link, so the
 * key list that syncs back to every kiosk is the organisation's record of which devices may sign.
 *
 * Payload versions: 1 (the first), 2 adds the site's name and the signatory of the site's
 * certificate template, signed like the rest; both verify.
 *
 * A certificate travels as one string, `SDC1.<payload>.<signature>` (base64url), which is what
 * the QR code holds. The payload embeds the signer's public key and its id (the first 16 hex
 * digits of SHA-256 of the raw key), so anyone can check the signature from the certificate alone;
 * whether the key is one of the organisation's is a lookup of the key id in the synced list (a
 * kiosk) or in a key file (the command-line verifier).
 */
interface PayloadFields {
  /** Certificate number, e.g. FS101-2026-3F9A2C. */
  n: string;
  /** Verification code a person can type. */
  c: string;
  /** Holder's user id and display name. */
  u: string;
  h: string;
  /** Module code and version, title EN and FR. */
  m: string;
  mv: number;
  te: string;
  tf: string;
  /** Score, issue and expiry dates (ISO), site id. */
  sc: number;
  i: string;
  e: string | null;
  s: string;
  /** Key id and raw public key (base64url). */
  k: string;
  pk: string;
}

/** Issued before templates: no site name, no signatory. Still verifies. */
export interface CertificatePayloadV1 extends PayloadFields {
  v: 1;
}

/** Version 2 signs the site's name and the template's signatory into the certificate. */
export interface CertificatePayloadV2 extends PayloadFields {
  v: 2;
  /** Site name as it was when issued. */
  sn: string;
  /** Signatory's name and title from the site's certificate template (empty when none is set). */
  gn: string;
  gt: string;
}

export type CertificatePayload = CertificatePayloadV1 | CertificatePayloadV2;

/** Omit over a union keeps it a union. */
type Unsigned<T> = T extends CertificatePayload ? Omit<T, 'k' | 'pk'> : never;

export const CERTIFICATE_PREFIX = 'SDC1';

const b64u = (b: Buffer) => b.toString('base64url');
const SPKI_ED25519_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

export function rawPublicKey(key: KeyObject): Buffer {
  const der = key.export({ type: 'spki', format: 'der' });
  return der.subarray(der.length - 32);
}

export function publicKeyFromRaw(raw: string): KeyObject {
  return createPublicKey({
    key: Buffer.concat([SPKI_ED25519_PREFIX, Buffer.from(raw, 'base64url')]),
    format: 'der',
    type: 'spki',
  });
}

export const keyIdOf = (rawB64u: string): string =>
  createHash('sha256').update(Buffer.from(rawB64u, 'base64url')).digest('hex').slice(0, 16);

export interface SigningKey {
  keyId: string;
  publicKey: string;
  privateKeyPem: string;
}

/** A new Ed25519 key pair for a device. */
export function newSigningKey(): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const raw = b64u(rawPublicKey(publicKey));
  return {
    keyId: keyIdOf(raw),
    publicKey: raw,
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
  };
}

/** Signs a payload (its `k` and `pk` set from `key`) and returns the QR string. */
export function signCertificate(
  payload: Unsigned<CertificatePayload>,
  key: SigningKey,
): { token: string; payloadJson: string; signature: string } {
  const full = { ...payload, k: key.keyId, pk: key.publicKey } as CertificatePayload;
  const payloadJson = JSON.stringify(full);
  const signature = b64u(sign(null, Buffer.from(payloadJson), createPrivateKey(key.privateKeyPem)));
  return { token: `${CERTIFICATE_PREFIX}.${b64u(Buffer.from(payloadJson))}.${signature}`, payloadJson, signature };
}

export const certificateToken = (payloadJson: string, signature: string) =>
  `${CERTIFICATE_PREFIX}.${b64u(Buffer.from(payloadJson))}.${signature}`;

export type VerifyOutcome =
  | { ok: true; payload: CertificatePayload; trusted: boolean }
  | { ok: false; reason: 'malformed' | 'bad_signature' | 'key_mismatch' };

const isText = (x: unknown): x is string => typeof x === 'string';

function wellFormed(p: CertificatePayload): boolean {
  if (typeof p !== 'object' || p === null || !isText(p.pk) || !isText(p.k) || !isText(p.n)) return false;
  if (p.v === 1) return true;
  return p.v === 2 && isText(p.sn) && isText(p.gn) && isText(p.gt);
}

/** The site name and signatory a certificate carries (none for a v1 certificate). */
export const issuerOf = (p: CertificatePayload) =>
  p.v === 2 ? { siteName: p.sn, signatoryName: p.gn, signatoryTitle: p.gt } : null;

/**
 * Checks a certificate string from its own contents. `trustedKeys` (key id -> raw public key) says
 * whether the signer is one of the organisation's keys; `trusted` is false when it is not listed.
 *
 * @example
 * const r = verifyCertificate(qrText, new Map([[row.key_id, row.public_key]]));
 * if (r.ok && r.trusted) show(r.payload.n);
 */
export function verifyCertificate(token: string, trustedKeys?: ReadonlyMap<string, string>): VerifyOutcome {
  const parts = token.trim().split('.');
  if (parts.length !== 3 || parts[0] !== CERTIFICATE_PREFIX) return { ok: false, reason: 'malformed' };
  let payload: CertificatePayload;
  let json: Buffer;
  try {
    json = Buffer.from(parts[1], 'base64url');
    payload = JSON.parse(json.toString('utf8')) as CertificatePayload;
    if (!wellFormed(payload)) return { ok: false, reason: 'malformed' };
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (keyIdOf(payload.pk) !== payload.k) return { ok: false, reason: 'key_mismatch' };
  let good = false;
  try {
    good = verify(null, json, publicKeyFromRaw(payload.pk), Buffer.from(parts[2], 'base64url'));
  } catch {
    good = false;
  }
  if (!good) return { ok: false, reason: 'bad_signature' };
  const listed = trustedKeys?.get(payload.k);
  return { ok: true, payload, trusted: listed !== undefined && listed === payload.pk };
}
