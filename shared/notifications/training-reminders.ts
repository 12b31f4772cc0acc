const DAY_MS = 86_400_000;

/** The reminder steps of assigned training, in order: a week before, a day before, overdue. */
export type AssignmentStep = 'due_7d' | 'due_1d' | 'overdue';
/** The warnings of a certificate's expiry: 30 days and 7 days before. */
export type CertificateStep = 'expiring_30d' | 'expiring_7d';

/**
 * The reminder step an assignment due at `dueAt` is in at `now`, or null (not due within a week,
 * or no due date). Only the current step is raised: a kiosk that was off for the week before
 * says "due tomorrow", not also "due in a week".
 *
 * @example assignmentStep('2026-03-10T00:00:00Z', '2026-03-03T12:00:00Z') // 'due_7d'
 */
export function assignmentStep(dueAt: string | null, now: string): AssignmentStep | null {
  if (!dueAt) return null;
  const left = Date.parse(dueAt) - Date.parse(now);
  if (left <= 0) return 'overdue';
  if (left <= DAY_MS) return 'due_1d';
  if (left <= 7 * DAY_MS) return 'due_7d';
  return null;
}

/**
 * The expiry warning a certificate expiring at `expiresAt` calls for at `now`, or null (more than
 * 30 days left, already expired, or no expiry).
 *
 * @example certificateStep('2026-04-01T00:00:00Z', '2026-03-20T00:00:00Z') // 'expiring_30d'
 */
export function certificateStep(expiresAt: string | null, now: string): CertificateStep | null {
  if (!expiresAt) return null;
  const left = Date.parse(expiresAt) - Date.parse(now);
  if (left <= 0) return null;
  if (left <= 7 * DAY_MS) return 'expiring_7d';
  if (left <= 30 * DAY_MS) return 'expiring_30d';
  return null;
}
