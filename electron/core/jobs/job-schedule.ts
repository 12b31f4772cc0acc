import { addDays, instantAt, siteClock, weekdayOf } from '../../../shared/classes/site-time.js';

/**
 * When a job runs, in the site's wall clock: every day at a time, or one weekday (1 Monday-7 Sunday)
 * at a time; or every few minutes on the UTC grid (`every: 15` is :00, :15, :30, :45, which every
 * zone offset in use, Chatham's +13:45 included, keeps on its own quarter-hours).
 */
export type JobSchedule =
  | { kind: 'daily'; time: string }
  | { kind: 'weekly'; weekday: number; time: string }
  | { kind: 'every'; minutes: number };

/**
 * The latest instant at or before `now` the schedule called for, in the site's time zone, so
 * "Monday 06:00" stays 06:00 on both sides of a daylight-saving change.
 *
 * @example latestDue({ kind: 'weekly', weekday: 1, time: '06:00' }, '2026-11-25T10:00:00Z', 'Europe/Paris') // '2026-11-23T05:00:00.000Z'
 */
export function latestDue(schedule: JobSchedule, now: string, timeZone: string): string {
  if (schedule.kind === 'every') {
    const step = schedule.minutes * 60_000;
    return new Date(Math.floor(Date.parse(now) / step) * step).toISOString();
  }
  const today = siteClock(now, timeZone).date;
  const step = schedule.kind === 'daily' ? 1 : 7;
  let day = schedule.kind === 'daily' ? today : addDays(today, -((weekdayOf(today) - schedule.weekday + 7) % 7));
  let at = instantAt(day, schedule.time, timeZone);
  if (at > now) {
    day = addDays(day, -step);
    at = instantAt(day, schedule.time, timeZone);
  }
  return at;
}
