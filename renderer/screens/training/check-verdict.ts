import type { Verification } from '../../stores/training-store.js';

export type CheckVerdict = 'valid' | 'revoked' | 'expired' | 'forged' | 'unknown_issuer' | 'not_certificate';

/**
 * What a person checking a certificate is told, worst first: a broken signature, then a signer
 * this kiosk does not list (its revocations say nothing about such a certificate), then revoked,
 * then expired. "Expires soon" is still valid.
 */
export function checkVerdict(v: Verification): CheckVerdict {
  if (!v.valid) return v.reason === 'malformed' ? 'not_certificate' : 'forged';
  if (!v.trusted) return 'unknown_issuer';
  if (v.status === 'revoked') return 'revoked';
  if (v.status === 'expired') return 'expired';
  return 'valid';
}
