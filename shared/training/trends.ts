/**
 * Daily, weekly and monthly trends of training completions and scores (issue 18 §4), counted on
 * the site's calendar: an attempt submitted at 00:30 in Paris belongs to that Paris day even
 * though it is still the day before in UTC, and a week is Monday to Sunday whatever the clocks do.
 */
import { addDays, instantAt, isIsoDate, mondayOf, siteClock, type IsoDate } from '../classes/site-time.js';

export const GRANULARITIES = ['day', 'week', 'month'] as const;
export type Granularity = (typeof GRANULARITIES)[number];

/** A period of whole site days, both ends included. */
export interface Period {
  from: IsoDate;
  to: IsoDate;
}

/** How many buckets the picker shows by default, and the most a period may hold (a chart stays readable). */
export const DEFAULT_BUCKETS: Record<Granularity, number> = { day: 14, week: 8, month: 6 };
export const MAX_BUCKETS = 120;

const firstOfMonth = (d: IsoDate): IsoDate => `${d.slice(0, 7)}-01`;

function addMonths(d: IsoDate, n: number): IsoDate {
  const y = Number(d.slice(0, 4));
  const m = Number(d.slice(5, 7)) - 1 + n;
  const t = new Date(Date.UTC(y, m, 1));
  return `${t.getUTCFullYear()}-${String(t.getUTCMonth() + 1).padStart(2, '0')}-01`;
}

/** The first day of the bucket holding a site date: the date, its Monday, or the 1st of its month. */
export function bucketStart(date: IsoDate, g: Granularity): IsoDate {
  return g === 'day' ? date : g === 'week' ? mondayOf(date) : firstOfMonth(date);
}

const nextBucket = (b: IsoDate, g: Granularity): IsoDate =>
  g === 'day' ? addDays(b, 1) : g === 'week' ? addDays(b, 7) : addMonths(b, 1);

/**
 * The bucket (its first site date) an instant falls in, in the site's time zone.
 *
 * @example bucketOf('2026-03-29T22:30:00Z', 'week', 'Europe/Paris') // '2026-03-30' (00:30 on Monday in Paris)
 */
export function bucketOf(instant: string, g: Granularity, timeZone: string): IsoDate {
  return bucketStart(siteClock(instant, timeZone).date, g);
}

/** Every bucket that touches the period, in order. */
export function bucketsOf(period: Period, g: Granularity): IsoDate[] {
  const out: IsoDate[] = [];
  for (let b = bucketStart(period.from, g); b <= period.to && out.length < MAX_BUCKETS + 1; b = nextBucket(b, g))
    out.push(b);
  return out;
}

/**
 * The instants a period covers, [start, end): from the site's midnight starting `from` to the
 * site's midnight after `to`, so a day of a DST change is 23 or 25 hours long, as it is on site.
 *
 * @example periodInstants({ from: '2026-03-29', to: '2026-03-29' }, 'Europe/Paris')
 * // { start: '2026-03-28T23:00:00.000Z', end: '2026-03-29T22:00:00.000Z' }
 */
export function periodInstants(period: Period, timeZone: string): { start: string; end: string } {
  return { start: instantAt(period.from, '00:00', timeZone), end: instantAt(addDays(period.to, 1), '00:00', timeZone) };
}

/** A problem with a period, naming the field, or null when it is usable. */
export function periodProblem(period: Period, g: Granularity): { field: 'from' | 'to'; message: string } | null {
  if (!isIsoDate(period.from)) return { field: 'from', message: 'The start is not a date (YYYY-MM-DD).' };
  if (!isIsoDate(period.to)) return { field: 'to', message: 'The end is not a date (YYYY-MM-DD).' };
  if (period.to < period.from) return { field: 'to', message: 'The end is before the start.' };
  if (bucketsOf(period, g).length > MAX_BUCKETS)
    return { field: 'to', message: `Choose a shorter period: at most ${MAX_BUCKETS} ${g}s.` };
  return null;
}

/**
 * The picker's default period: the last few whole buckets up to and including today's.
 *
 * @example defaultPeriod('2026-03-31', 'week') // { from: '2026-02-09', to: '2026-04-05' }
 */
export function defaultPeriod(today: IsoDate, g: Granularity): Period {
  const current = bucketStart(today, g);
  let first = current;
  for (let i = 1; i < DEFAULT_BUCKETS[g]; i++)
    first = g === 'day' ? addDays(first, -1) : g === 'week' ? addDays(first, -7) : addMonths(first, -1);
  return { from: first, to: addDays(nextBucket(current, g), -1) };
}

/** The same-sized period just before (step -1) or after (step 1) this one, for the picker's arrows. */
export function shiftPeriod(period: Period, g: Granularity, step: -1 | 1): Period {
  const n = bucketsOf(period, g).length;
  let from = bucketStart(period.from, g);
  for (let i = 0; i < n; i++)
    from =
      step === 1
        ? nextBucket(from, g)
        : g === 'day'
          ? addDays(from, -1)
          : g === 'week'
            ? addDays(from, -7)
            : addMonths(from, -1);
  let to = from;
  for (let i = 0; i < n; i++) to = nextBucket(to, g);
  return { from, to: addDays(to, -1) };
}

export interface SubmittedAttempt {
  submittedAt: string;
  score: number | null;
  passed: boolean;
  /** Who and what (`user|module`): a person passing a module twice in a period completes it once. */
  learner?: string;
}

export interface TrendPoint {
  /** First site date of the bucket. */
  bucket: IsoDate;
  attempts: number;
  /** A person completing a module: the first passed attempt of each learner and module in the period. */
  completions: number;
  /** Mean score of the bucket's scored attempts, one decimal; null when none was scored. */
  meanScore: number | null;
}

/**
 * Completions and mean scores per bucket of the period, every bucket present (zero when empty) so
 * a chart's axis shows the gaps; attempts outside the period's instants are left out.
 *
 * @example
 * trainingTrend([{ submittedAt: '2026-03-02T09:00:00Z', score: 90, passed: true }],
 *   { from: '2026-03-02', to: '2026-03-03' }, 'day', 'Europe/Paris')
 * // [{ bucket: '2026-03-02', attempts: 1, completions: 1, meanScore: 90 },
 * //  { bucket: '2026-03-03', attempts: 0, completions: 0, meanScore: null }]
 */
export function trainingTrend(
  attempts: readonly SubmittedAttempt[],
  period: Period,
  g: Granularity,
  timeZone: string,
): TrendPoint[] {
  const { start, end } = periodInstants(period, timeZone);
  const acc = new Map(bucketsOf(period, g).map((b) => [b, { attempts: 0, completions: 0, sum: 0, scored: 0 }]));
  const completed = new Set<string>();
  // In time order, so the completion counted is the first pass, whatever order the rows came in.
  const ordered = [...attempts].sort((x, y) => Date.parse(x.submittedAt) - Date.parse(y.submittedAt));
  for (const a of ordered) {
    const at = Date.parse(a.submittedAt);
    if (at < Date.parse(start) || at >= Date.parse(end)) continue;
    const e = acc.get(bucketOf(a.submittedAt, g, timeZone));
    if (!e) continue;
    e.attempts += 1;
    if (a.passed && (a.learner === undefined || !completed.has(a.learner))) {
      e.completions += 1;
      if (a.learner !== undefined) completed.add(a.learner);
    }
    if (a.score !== null) ((e.sum += a.score), (e.scored += 1));
  }
  return [...acc].map(([bucket, e]) => ({
    bucket,
    attempts: e.attempts,
    completions: e.completions,
    meanScore: e.scored ? Math.round((e.sum / e.scored) * 10) / 10 : null,
  }));
}
