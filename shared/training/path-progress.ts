/**
 * Progress on a learning path: the share of its modules passed (a valid certificate or a passed
 * attempt), and the next module to take — the first one in order not yet passed.
 */
export interface PathProgress {
  done: number;
  total: number;
  percent: number;
  nextCode: string | null;
  status: 'not_started' | 'in_progress' | 'completed';
}

export function pathProgress(
  moduleCodes: readonly string[],
  passedCodes: ReadonlySet<string>,
  startedCodes: ReadonlySet<string> = new Set(),
): PathProgress {
  const total = moduleCodes.length;
  const done = moduleCodes.filter((c) => passedCodes.has(c)).length;
  const nextCode = moduleCodes.find((c) => !passedCodes.has(c)) ?? null;
  const percent = total ? Math.round((done / total) * 100) : 0;
  const started = done > 0 || moduleCodes.some((c) => startedCodes.has(c));
  return {
    done,
    total,
    percent,
    nextCode,
    status: done === total && total > 0 ? 'completed' : started ? 'in_progress' : 'not_started',
  };
}

/** Module progress derived from section completion: completed sections / sections x 100. */
export function moduleProgress(sectionIds: readonly string[], completedIds: ReadonlySet<string>): number {
  if (!sectionIds.length) return 0;
  return Math.round((sectionIds.filter((s) => completedIds.has(s)).length / sectionIds.length) * 100);
}
