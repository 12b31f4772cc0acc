import { addDays, mondayOf, siteClock, type IsoDate } from '../classes/site-time.js';
import type { Occurrence } from './schedule.js';

/**
 * The schedule screen's buckets, a pure function of the occurrences (shared/compliance/schedule.ts)
 * and the present instant in the site's wall clock:
 * - today: due today (done or not), or late (its due time passed, its period is still running);
 * - week: due later this Monday-to-Sunday week;
 * - later: the current period of a monthly, quarterly or yearly schedule, due after this week;
 * - missed: a period that ended without a submitted report.
 * Done reports of days before today are history, not schedule: they are left out.
 */
export type BoardBucket = 'today' | 'week' | 'later' | 'missed';

export interface BoardEntry<T> {
  bucket: BoardBucket;
  /** The site date the report is due. */
  dueOn: IsoDate;
  occurrence: Occurrence;
  of: T;
}

/**
 * @example
 * scheduleBoard([{ of: daily, occurrences }], '2026-11-25T09:00:00Z', 'UTC')
 *   // [{ bucket: 'missed', dueOn: '2026-11-24', ... }, { bucket: 'today', dueOn: '2026-11-25', ... }]
 */
export function scheduleBoard<T>(
  schedules: readonly { of: T; occurrences: readonly Occurrence[] }[],
  now: string,
  timeZone: string,
): BoardEntry<T>[] {
  const today = siteClock(now, timeZone).date;
  const weekEnd = addDays(mondayOf(today), 6);
  const out: BoardEntry<T>[] = [];
  for (const s of schedules)
    for (const o of s.occurrences) {
      const dueOn = siteClock(o.dueAt, timeZone).date;
      const bucket: BoardBucket | null =
        o.status === 'missed'
          ? 'missed'
          : o.status === 'late' || dueOn === today
            ? 'today'
            : dueOn < today
              ? null
              : dueOn <= weekEnd
                ? 'week'
                : 'later';
      if (bucket) out.push({ bucket, dueOn, occurrence: o, of: s.of });
    }
  return out.sort((a, b) =>
    a.occurrence.dueAt < b.occurrence.dueAt ? -1 : a.occurrence.dueAt > b.occurrence.dueAt ? 1 : 0,
  );
}
