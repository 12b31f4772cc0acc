/**
 * What waits to reach shore, in the words of the people who made it: mutations grouped by what
 * they change ("2 class changes, 1 change to a person"), from their names.
 */
export const PENDING_KINDS = ['classes', 'people', 'training', 'signIns', 'settings', 'conflicts', 'other'] as const;
export type PendingKind = (typeof PENDING_KINDS)[number];

const BY_PREFIX: Readonly<Record<string, PendingKind>> = Object.freeze({
  classes: 'classes',
  users: 'people',
  training: 'training',
  assessment: 'training',
  certificate: 'training',
  session: 'training',
  audit: 'signIns',
  sites: 'settings',
  conflicts: 'conflicts',
});

export const pendingKindOf = (mutation: string): PendingKind =>
  BY_PREFIX[mutation.slice(0, mutation.indexOf('.'))] ?? 'other';

/** Counts per kind, in the order of PENDING_KINDS, without the empty ones. */
export function summarisePending(
  byName: readonly { name: string; count: number }[],
): { kind: PendingKind; count: number }[] {
  const counts = new Map<PendingKind, number>();
  for (const r of byName) counts.set(pendingKindOf(r.name), (counts.get(pendingKindOf(r.name)) ?? 0) + r.count);
  return PENDING_KINDS.filter((k) => counts.has(k)).map((kind) => ({ kind, count: counts.get(kind)! }));
}
