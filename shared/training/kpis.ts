/** Small pure rules behind the training analytics. */

/** Percentage rounded to one decimal; 0 when there is nothing to count. */
export const rate = (part: number, whole: number): number => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : 0);

export function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : Math.round(((s[mid - 1] + s[mid]) / 2) * 100) / 100;
}

export const REPEATED_FAILS = 2;

/**
 * Learners at risk: an assigned module past its due date and not passed, or two or more failed
 * attempts at a module not passed since. A certificate the person holds for the module (still
 * valid: neither expired nor revoked) counts as passed, whether it came from an attempt or from a
 * classroom session's batch certificates, so nobody certified is listed as overdue.
 *
 * @example
 * atRiskLearners({ now, assignments: [{ userId: 'u1', code: 'A', dueAt: '2026-11-01T00:00:00Z' }],
 *   passed: new Set(), certified: new Set(['u1|A']), failures: [] }) // []
 */
export function atRiskLearners(input: {
  now: string;
  assignments: readonly { userId: string; code: string; dueAt: string | null }[];
  passed: ReadonlySet<string>;
  /** `userId|code` of the valid certificates held. */
  certified?: ReadonlySet<string>;
  failures: readonly { userId: string; code: string }[];
}): { userId: string; reasons: { kind: 'overdue' | 'repeated_fails'; detail: string }[] }[] {
  const certified = input.certified ?? new Set<string>();
  const done = (key: string) => input.passed.has(key) || certified.has(key);
  const out = new Map<string, { kind: 'overdue' | 'repeated_fails'; detail: string }[]>();
  const add = (u: string, r: { kind: 'overdue' | 'repeated_fails'; detail: string }) => {
    const list = out.get(u) ?? [];
    if (!list.some((x) => x.kind === r.kind && x.detail === r.detail)) list.push(r);
    out.set(u, list);
  };
  for (const a of input.assignments)
    if (a.dueAt && a.dueAt < input.now && !done(`${a.userId}|${a.code}`))
      add(a.userId, { kind: 'overdue', detail: a.code });
  const fails = new Map<string, number>();
  for (const f of input.failures) fails.set(`${f.userId}|${f.code}`, (fails.get(`${f.userId}|${f.code}`) ?? 0) + 1);
  for (const [k, n] of fails) {
    if (n < REPEATED_FAILS || done(k)) continue;
    const [userId, code] = k.split('|');
    add(userId, { kind: 'repeated_fails', detail: code });
  }
  return [...out].map(([userId, reasons]) => ({ userId, reasons }));
}
