import { createPrivateKey, sign, verify } from 'node:crypto';
import { z } from 'zod';
import { keyIdOf, publicKeyFromRaw, type SigningKey } from './certificate-signing.js';

/**
 * A signed list of a site's revoked certificates, for checking certificates where no kiosk is at
 * hand (`npm run verify-certificate -- <cert> --revocations list.json`). The kiosk that exports it
 * signs it with its device key, like the certificates it issues, so the verifier trusts the list
 * exactly as far as it trusts that key. The file is `{payload, signature}`: the signature covers
 * the payload's exact text.
 */
export const REVOCATION_LIST_FORMAT = 'shiftdeck-revocations';

const listPayload = z.object({
  format: z.literal(REVOCATION_LIST_FORMAT),
  v: z.literal(1),
  siteId: z.string(),
  siteName: z.string(),
  issuedAt: z.string(),
  k: z.string(),
  pk: z.string(),
  revoked: z.array(z.object({ n: z.string(), at: z.string(), reason: z.string() })),
});
export type RevocationList = z.infer<typeof listPayload>;
export type RevokedEntry = RevocationList['revoked'][number];

const listFile = z.object({ payload: z.string(), signature: z.string() });

/** The file's text: the list signed with `key`. */
export function signRevocationList(list: Omit<RevocationList, 'format' | 'v' | 'k' | 'pk'>, key: SigningKey): string {
  const payload = JSON.stringify({ format: REVOCATION_LIST_FORMAT, v: 1, ...list, k: key.keyId, pk: key.publicKey });
  const signature = sign(null, Buffer.from(payload), createPrivateKey(key.privateKeyPem)).toString('base64url');
  return `${JSON.stringify({ payload, signature }, null, 2)}\n`;
}

export type RevocationListOutcome =
  | { ok: true; list: RevocationList; trusted: boolean }
  | { ok: false; reason: 'malformed' | 'bad_signature' | 'key_mismatch' };

/**
 * Checks a revocation list file; `trusted` says whether its signer is in `trustedKeys`.
 *
 * @example
 * const r = verifyRevocationList(readFileSync(file, 'utf8'), keys);
 * if (r.ok && r.list.revoked.some((x) => x.n === number)) say('revoked');
 */
export function verifyRevocationList(text: string, trustedKeys?: ReadonlyMap<string, string>): RevocationListOutcome {
  let list: RevocationList;
  let file: z.infer<typeof listFile>;
  try {
    file = listFile.parse(JSON.parse(text));
    list = listPayload.parse(JSON.parse(file.payload));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (keyIdOf(list.pk) !== list.k) return { ok: false, reason: 'key_mismatch' };
  let good = false;
  try {
    good = verify(null, Buffer.from(file.payload), publicKeyFromRaw(list.pk), Buffer.from(file.signature, 'base64url'));
  } catch {
    good = false;
  }
  if (!good) return { ok: false, reason: 'bad_signature' };
  return { ok: true, list, trusted: trustedKeys?.get(list.k) === list.pk };
}
