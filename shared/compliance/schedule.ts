import { addDays, instantAt, mondayOf, siteClock, type IsoDate, type WallTime } from '../classes/site-time.js';

/**
 * What is due, late and missed, as a pure function of a schedule, the reports done for it and the
 * present instant, in the site's wall clock (so a daily check due at 10:00 stays at 10:00 across
 * daylight-saving changes, and a day of 23 or 25 hours is still one day).
 *
 * A period is a day, a Monday-to-Sunday week, a calendar month, quarter or year. Its report is due
 * by `dueTime` on the period's last day; after that and until the period ends it is late; once the
 * period is over without a submitted report it is missed. Nothing is stored: a kiosk off for three
 * days, switched on again, computes the three missed dailies from the reports it holds.
 */
export const SCHEDULE_FREQUENCIES = ['daily', 'weekly', 'monthly', 'quarterly', 'yearly'] as const;
export type Frequency = (typeof SCHEDULE_FREQUENCIES)[number];

export interface ScheduleSpec {
  frequency: Frequency;
  startsOn: IsoDate;
  dueTime: WallTime;
}

export type OccurrenceStatus = 'done' | 'due' | 'late' | 'missed';

export interface Occurrence {
  /** The period's first date at the site: the key a report carries. */
  period: IsoDate;
  /** The instant (UTC ISO) it is due and the instant its period ends. */
  dueAt: string;
  endsAt: string;
  status: OccurrenceStatus;
  /** A report for it exists but is not submitted yet. */
  started: boolean;
}

const pad = (n: number) => String(n).padStart(2, '0');

function addMonths(d: IsoDate, months: number): IsoDate {
  const y = Number(d.slice(0, 4));
  const m = Number(d.slice(5, 7)) - 1 + months;
  return `${y + Math.floor(m / 12)}-${pad((((m % 12) + 12) % 12) + 1)}-01`;
}

/** The first date of the period holding `d`. */
export function periodStart(f: Frequency, d: IsoDate): IsoDate {
  const y = d.slice(0, 4);
  const m = Number(d.slice(5, 7));
  switch (f) {
    case 'daily':
      return d;
    case 'weekly':
      return mondayOf(d);
    case 'monthly':
      return `${y}-${pad(m)}-01`;
    case 'quarterly':
      return `${y}-${pad(Math.floor((m - 1) / 3) * 3 + 1)}-01`;
    case 'yearly':
      return `${y}-01-01`;
  }
}

/** The first date of the period after the one starting on `start`. */
export function nextPeriod(f: Frequency, start: IsoDate): IsoDate {
  switch (f) {
    case 'daily':
      return addDays(start, 1);
    case 'weekly':
      return addDays(start, 7);
    case 'monthly':
      return addMonths(start, 1);
    case 'quarterly':
      return addMonths(start, 3);
    case 'yearly':
      return addMonths(start, 12);
  }
}

/**
 * The schedule's periods from its first up to the one holding `now`, newest last, at most `limit`
 * of them, each with its status.
 *
 * @example
 * occurrences({ frequency: 'daily', startsOn: '2026-11-20', dueTime: '10:00' }, new Map(),
 *   '2026-11-22T09:00:00Z', 'UTC')
 *   // 20th and 21st missed, 22nd due (at 10:00)
 */
export function occurrences(
  schedule: ScheduleSpec,
  reports: ReadonlyMap<IsoDate, { submitted: boolean }>,
  now: string,
  timeZone: string,
  limit = 60,
): Occurrence[] {
  const today = siteClock(now, timeZone).date;
  const last = periodStart(schedule.frequency, today);
  const first = periodStart(schedule.frequency, schedule.startsOn);
  if (first > last) return [];
  // Start no further back than `limit` periods: walk back from the current one.
  const starts: IsoDate[] = [];
  for (let p = first; p <= last; p = nextPeriod(schedule.frequency, p)) {
    starts.push(p);
    if (starts.length > limit) starts.shift();
  }
  const nowMs = Date.parse(now);
  return starts.map((period) => {
    const next = nextPeriod(schedule.frequency, period);
    const dueAt = instantAt(addDays(next, -1), schedule.dueTime, timeZone);
    const endsAt = instantAt(next, '00:00', timeZone);
    const report = reports.get(period);
    const status: OccurrenceStatus = report?.submitted
      ? 'done'
      : nowMs < Date.parse(dueAt)
        ? 'due'
        : nowMs < Date.parse(endsAt)
          ? 'late'
          : 'missed';
    return { period, dueAt, endsAt, status, started: report !== undefined && !report.submitted };
  });
}
