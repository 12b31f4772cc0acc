import { siteClock } from '../classes/site-time.js';

/** How many backups of each kind are kept: the quarter-hours of the last day, then dailies and monthlies. */
export const BACKUP_RETENTION = Object.freeze({ recentHours: 24, dailies: 30, monthlies: 12 });

/** Backups are taken every quarter of an hour, so at most this much local work is at risk (the RPO). */
export const BACKUP_EVERY_MINUTES = 15;

/**
 * Which backups to keep, given when each was taken (UTC ISO instants): every one of the last
 * `recentHours`, the newest of each of the last `dailies` site days and the newest of each of
 * the last `monthlies` site months. Days and months are the site's, so "the backup of Tuesday" is
 * the one a person at the site would call Tuesday's. Anything newer than `now` (a clock that went
 * back) is kept: a rule that cannot tell its age must not delete it.
 *
 * @example
 * backupsToKeep(['2026-11-22T09:00:00.000Z', '2026-11-22T09:15:00.000Z'], '2026-11-22T09:20:00.000Z', 'UTC') // both
 */
export function backupsToKeep(
  takenAt: readonly string[],
  now: string,
  timeZone: string,
  rule: { recentHours: number; dailies: number; monthlies: number } = BACKUP_RETENTION,
): Set<string> {
  const nowMs = Date.parse(now);
  const keep = new Set<string>();
  const newestOfDay = new Map<string, string>();
  const newestOfMonth = new Map<string, string>();
  for (const at of takenAt) {
    const ms = Date.parse(at);
    if (ms > nowMs || nowMs - ms < rule.recentHours * 3_600_000) keep.add(at);
    const day = siteClock(ms, timeZone).date;
    const month = day.slice(0, 7);
    if (!newestOfDay.has(day) || newestOfDay.get(day)! < at) newestOfDay.set(day, at);
    if (!newestOfMonth.has(month) || newestOfMonth.get(month)! < at) newestOfMonth.set(month, at);
  }
  const today = siteClock(nowMs, timeZone).date;
  const days = [...newestOfDay.keys()]
    .filter((d) => d <= today)
    .sort()
    .reverse()
    .slice(0, rule.dailies);
  for (const d of days) keep.add(newestOfDay.get(d)!);
  const months = [...newestOfMonth.keys()]
    .filter((m) => m <= today.slice(0, 7))
    .sort()
    .reverse()
    .slice(0, rule.monthlies);
  for (const m of months) keep.add(newestOfMonth.get(m)!);
  return keep;
}
