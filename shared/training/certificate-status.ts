/**
 * A certificate's status at a moment: revoked wins, then expired (from its expiry date, so a
 * kiosk that never ran the daily job still shows the truth), then expiring within 30 days.
 */
export type CertificateStatus = 'valid' | 'expiring' | 'expired' | 'revoked';

export const EXPIRING_WITHIN_DAYS = 30;

export function certificateStatus(expiresAt: string | null, revoked: boolean, now: string): CertificateStatus {
  if (revoked) return 'revoked';
  if (expiresAt === null) return 'valid';
  if (expiresAt <= now) return 'expired';
  const soon = new Date(Date.parse(now) + EXPIRING_WITHIN_DAYS * 86_400_000).toISOString();
  return expiresAt <= soon ? 'expiring' : 'valid';
}

/** Expiry from the module's validity period; 0 days = never. */
export function expiryFor(issuedAt: string, validityDays: number): string | null {
  if (validityDays <= 0) return null;
  return new Date(Date.parse(issuedAt) + validityDays * 86_400_000).toISOString();
}
