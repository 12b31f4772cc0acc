import { addDays, instantAt, mondayOf, siteClock, type IsoDate } from '../classes/site-time.js';

export type BucketGrain = 'hour' | 'day' | 'week' | 'month';

export interface Bucket {
  /** Its start instant (ms). */
  start: number;
  /** Its start in the site's wall clock: `2026-11-22T09` (hour), `2026-11-22` (day, and the Monday of a week), `2026-11` (month). */
  label: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The last `count` buckets of a grain up to `now`, oldest first, the current one last, in the
 * site's zone: hours counted back from the start of the site's current hour (real hours, right
 * across a change of clocks), days from midnight, weeks from Monday, months from the 1st.
 *
 * @example siteBuckets('day', 2, Date.parse('2026-11-22T09:00:00Z'), 'Europe/Paris').map((b) => b.label)
 *   // ['2026-11-21', '2026-11-22']
 */
export function siteBuckets(grain: BucketGrain, count: number, now: number, timeZone: string): Bucket[] {
  const { date: today, time } = siteClock(now, timeZone);
  const at = (d: IsoDate, t = '00:00') => Date.parse(instantAt(d, t, timeZone));
  const out: Bucket[] = [];
  for (let k = count - 1; k >= 0; k--) {
    if (grain === 'hour') {
      const start = at(today, `${time.slice(0, 2)}:00`) - k * 3_600_000;
      const c = siteClock(start, timeZone);
      out.push({ start, label: `${c.date}T${c.time.slice(0, 2)}` });
    } else if (grain === 'day') {
      const d = addDays(today, -k);
      out.push({ start: at(d), label: d });
    } else if (grain === 'week') {
      const d = addDays(mondayOf(today), -7 * k);
      out.push({ start: at(d), label: d });
    } else {
      const y = Number(today.slice(0, 4));
      const m = Number(today.slice(5, 7)) - 1 - k;
      const label = `${y + Math.floor(m / 12)}-${pad((((m % 12) + 12) % 12) + 1)}`;
      out.push({ start: at(`${label}-01`), label });
    }
  }
  return out;
}

/**
 * The index of the bucket holding instant `t` among bucket starts (ascending), by binary search;
 * -1 before the first. The caller leaves out instants after its `now`.
 *
 * @example bucketIndex([0, 10, 20], 15) // 1
 */
export function bucketIndex(starts: readonly number[], t: number): number {
  if (!starts.length || t < starts[0]!) return -1;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= t) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
