import { addDays, mondayOf, siteClock, type IsoDate } from '../classes/site-time.js';
import { daysBetween } from './corrective-actions.js';
import type { Occurrence } from './schedule.js';

/**
 * The compliance dashboard as a pure function of synced rows, so every kiosk holding the same rows
 * draws the same charts: per template and per Monday-to-Sunday week (site calendar),
 * - completion: the scheduled reports due that week (and already due now) that were submitted,
 *   as a percentage; null for a week with none due;
 * - score: the mean score of the reports submitted that week, as a percentage of their most
 *   (points reports count score / max score); null for a week with none;
 * and the open corrective actions by age.
 */
export const AGE_BUCKETS = ['0-7', '8-30', '31+'] as const;
export type AgeBucket = (typeof AGE_BUCKETS)[number];

export interface DashboardInput {
  now: string;
  timeZone: string;
  weeks: number;
  templates: readonly { code: string; title: { en: string; fr: string } }[];
  /** Scheduled occurrences per template code (every schedule of that template). */
  occurrences: ReadonlyMap<string, readonly Occurrence[]>;
  reports: readonly { templateCode: string; submittedAt: string; score: number; maxScore: number }[];
  /** Open and in-progress actions: when each was raised. */
  openActions: readonly { createdAt: string }[];
}

export interface TemplateTrend {
  code: string;
  title: { en: string; fr: string };
  completion: (number | null)[];
  score: (number | null)[];
}

export interface ComplianceDashboard {
  /** The weeks' Mondays, oldest first. */
  weeks: IsoDate[];
  templates: TemplateTrend[];
  openActionsByAge: Record<AgeBucket, number>;
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const mean = (xs: number[]) => (xs.length ? round1(xs.reduce((a, b) => a + b, 0) / xs.length) : null);

export const ageBucket = (days: number): AgeBucket => (days <= 7 ? '0-7' : days <= 30 ? '8-30' : '31+');

/**
 * @example
 * complianceDashboard({ now, timeZone: 'UTC', weeks: 2, templates, occurrences, reports, openActions: [] })
 *   // { weeks: ['2026-11-09', '2026-11-16'], templates: [{ code, completion: [100, 50], score: [92, null] }], ... }
 */
export function complianceDashboard(input: DashboardInput): ComplianceDashboard {
  const today = siteClock(input.now, input.timeZone).date;
  const first = addDays(mondayOf(today), -7 * (input.weeks - 1));
  const weeks = Array.from({ length: input.weeks }, (_, i) => addDays(first, 7 * i));
  const weekOf = (instant: string): number => {
    const i = Math.floor(daysBetween(first, siteClock(instant, input.timeZone).date) / 7);
    return i >= 0 && i < input.weeks ? i : -1;
  };
  const nowMs = Date.parse(input.now);

  const templates = input.templates.map((t): TemplateTrend => {
    const due = weeks.map(() => ({ due: 0, done: 0 }));
    for (const o of input.occurrences.get(t.code) ?? []) {
      const w = weekOf(o.dueAt);
      // A report not yet due counts for nothing: the week is not over for it.
      if (w < 0 || (Date.parse(o.dueAt) > nowMs && o.status !== 'done')) continue;
      due[w].due += 1;
      if (o.status === 'done') due[w].done += 1;
    }
    const scores = weeks.map((): number[] => []);
    for (const r of input.reports) {
      if (r.templateCode !== t.code || r.maxScore <= 0) continue;
      const w = weekOf(r.submittedAt);
      if (w >= 0) scores[w].push((r.score / r.maxScore) * 100);
    }
    return {
      code: t.code,
      title: t.title,
      completion: due.map((d) => (d.due ? round1((d.done / d.due) * 100) : null)),
      score: scores.map(mean),
    };
  });

  const openActionsByAge: Record<AgeBucket, number> = { '0-7': 0, '8-30': 0, '31+': 0 };
  for (const a of input.openActions)
    openActionsByAge[ageBucket(Math.max(0, daysBetween(siteClock(a.createdAt, input.timeZone).date, today)))] += 1;
  return { weeks, templates, openActionsByAge };
}
