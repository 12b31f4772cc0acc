import { derivedId } from '../ids.js';
import type { ScheduleSlot } from './schedule.js';
import { addDays, instantAt, mondayOf, siteClock, weekdayOf, type IsoDate } from './site-time.js';

export const DEFAULT_HORIZON_WEEKS = 4;
export const MIN_HORIZON_WEEKS = 1;
export const MAX_HORIZON_WEEKS = 26;
/** The weekly run: Monday 06:00 at the site. */
export const WEEKLY_RUN = Object.freeze({ weekday: 1, time: '06:00' });

export const CLASS_STATUSES = ['scheduled', 'completed', 'cancelled', 'no_show'] as const;
export const PAYMENT_STATUSES = ['pending', 'paid', 'waived', 'refunded'] as const;
export type ClassStatus = (typeof CLASS_STATUSES)[number];
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/**
 * A class's id is derived from its natural key, so two kiosks generating offline for the same
 * student write the same row, and generating twice is a no-op.
 */
export const classId = (studentId: string, date: IsoDate, start: string): string =>
  derivedId('class', studentId, date, start);

export interface StudentPlan {
  id: string;
  course: string;
  startDate: IsoDate;
  endDate: IsoDate | null;
  schedule: readonly ScheduleSlot[];
  /** When the current schedule took effect (a change); null: since the start date. */
  scheduleSince: string | null;
}

export interface Occurrence {
  id: string;
  date: IsoDate;
  start: string;
  durationMinutes: number;
  /** The class's instant (UTC ISO), derived from the site's wall time on that date. */
  startsAt: string;
}

export interface ExistingClass {
  id: string;
  date: IsoDate;
  start: string;
  durationMinutes: number;
  course: string;
  startsAt: string;
  status: string;
  paymentStatus: string;
  deletedAt: string | null;
}

/**
 * The Monday whose 06:00 weekly run is the latest at `now`: before 06:00 on a Monday it is still
 * last week's. Generation and diagnosis both count the horizon from here, so they agree.
 */
export function generationWeek(now: string, timeZone: string): IsoDate {
  const { date, time } = siteClock(now, timeZone);
  const monday = mondayOf(date);
  return date === monday && time < WEEKLY_RUN.time ? addDays(monday, -7) : monday;
}

/**
 * First date past the rolling horizon: classes are generated up to the end of the `weeks`-th week
 * counted from the latest weekly run's Monday (4 weeks: this week and the next three).
 */
export const horizonEnd = (now: string, timeZone: string, weeks: number): IsoDate =>
  addDays(generationWeek(now, timeZone), 7 * weeks);

/**
 * The classes a student's schedule calls for with dates in [from, to), within the student's start
 * and end dates, and not before the schedule took effect.
 *
 * @example expectedClasses(student, '2026-11-23', '2026-12-21', 'Europe/Paris')
 */
export function expectedClasses(student: StudentPlan, from: IsoDate, to: IsoDate, timeZone: string): Occurrence[] {
  const first = from > student.startDate ? from : student.startDate;
  const stop = student.endDate !== null && addDays(student.endDate, 1) < to ? addDays(student.endDate, 1) : to;
  const out: Occurrence[] = [];
  for (let d = first; d < stop; d = addDays(d, 1)) {
    const wd = weekdayOf(d);
    for (const slot of student.schedule) {
      if (slot.weekday !== wd) continue;
      const startsAt = instantAt(d, slot.start, timeZone);
      if (student.scheduleSince !== null && startsAt < student.scheduleSince) continue;
      out.push({
        id: classId(student.id, d, slot.start),
        date: d,
        start: slot.start,
        durationMinutes: slot.durationMinutes,
        startsAt,
      });
    }
  }
  return out.sort((a, b) => a.startsAt.localeCompare(b.startsAt));
}

/** True when the schedule calls for this class (date within the student's dates, a matching slot). */
export function fitsSchedule(
  student: StudentPlan,
  c: Pick<ExistingClass, 'date' | 'start' | 'durationMinutes'>,
): boolean {
  if (c.date < student.startDate) return false;
  if (student.endDate !== null && c.date > student.endDate) return false;
  const wd = weekdayOf(c.date);
  return student.schedule.some(
    (s) => s.weekday === wd && s.start === c.start && s.durationMinutes === c.durationMinutes,
  );
}

/** A class a schedule change may take away: still ahead, still scheduled, not paid for. */
export const isRemovable = (c: ExistingClass, now: string): boolean =>
  c.deletedAt === null && c.startsAt > now && c.status === 'scheduled' && c.paymentStatus === 'pending';

export interface GenerationPlan {
  create: Occurrence[];
  /** Removed earlier by a schedule change and called for again: brought back, same id. */
  restore: Occurrence[];
  /** Same date and start but another duration or course: still ahead and untouched, so adjusted. */
  adjust: Occurrence[];
  remove: ExistingClass[];
}

/**
 * What to write so a student's classes match `expected`. Only a schedule change passes
 * `removeUnfit`: it removes classes the schedule no longer calls for, and only those still ahead,
 * scheduled and unpaid; a completed, cancelled, no-show or paid class is never touched.
 */
export function planGeneration(input: {
  student: StudentPlan;
  expected: readonly Occurrence[];
  existing: readonly ExistingClass[];
  now: string;
  removeUnfit: boolean;
}): GenerationPlan {
  const { student, expected, existing, now, removeUnfit } = input;
  const byId = new Map(existing.map((c) => [c.id, c]));
  const wanted = new Set(expected.map((o) => o.id));
  const plan: GenerationPlan = { create: [], restore: [], adjust: [], remove: [] };
  for (const o of expected) {
    const c = byId.get(o.id);
    if (!c) plan.create.push(o);
    else if (c.deletedAt !== null) plan.restore.push(o);
    else if ((c.durationMinutes !== o.durationMinutes || c.course !== student.course) && isRemovable(c, now))
      plan.adjust.push(o);
  }
  if (removeUnfit) {
    for (const c of existing) {
      if (wanted.has(c.id) || !isRemovable(c, now)) continue;
      if (!fitsSchedule(student, c) || (student.scheduleSince !== null && c.startsAt < student.scheduleSince))
        plan.remove.push(c);
    }
  }
  return plan;
}
