import { expectedClasses, fitsSchedule, horizonEnd, type ExistingClass, type StudentPlan } from './generation.js';
import { parseStoredSchedule, validateSchedule } from './schedule.js';
import { isIsoDate, type IsoDate } from './site-time.js';

/** A student as stored: the schedule is JSON text that may be damaged (imported from elsewhere). */
export interface StoredStudent {
  id: string;
  name: string;
  course: string;
  startDate: string;
  endDate: string | null;
  schedule: string;
  scheduleSince: string | null;
}

export interface StoredClass extends ExistingClass {
  studentId: string;
}

export interface Diagnosis {
  checkedAt: string;
  horizonEnd: IsoDate;
  studentsChecked: number;
  studentsOk: number;
  missing: { studentId: string; name: string; count: number; dates: IsoDate[] }[];
  invalid: { studentId: string; name: string; problems: string[] }[];
  outsideSchedule: { classId: string; studentId: string; name: string; date: IsoDate; start: string }[];
  duplicates: { studentId: string; name: string; date: IsoDate; start: string; classIds: string[] }[];
}

/** A stored student as generation reads it, or the reasons it cannot be generated for. */
export function readStudent(s: StoredStudent): { plan: StudentPlan } | { problems: string[] } {
  const problems: string[] = [];
  if (!isIsoDate(s.startDate)) problems.push(`The start date "${s.startDate}" is not a date (YYYY-MM-DD).`);
  if (s.endDate !== null && !isIsoDate(s.endDate))
    problems.push(`The end date "${s.endDate}" is not a date (YYYY-MM-DD).`);
  if (s.endDate !== null && isIsoDate(s.startDate) && isIsoDate(s.endDate) && s.endDate < s.startDate)
    problems.push(`The end date ${s.endDate} is before the start date ${s.startDate}.`);
  const schedule = parseStoredSchedule(s.schedule);
  if (!schedule) problems.push('The weekly schedule is not readable (expected a list of weekday, start and duration).');
  else problems.push(...validateSchedule(schedule).map((p) => p.message));
  if (problems.length) return { problems };
  return {
    plan: {
      id: s.id,
      course: s.course,
      startDate: s.startDate,
      endDate: s.endDate,
      schedule: schedule!,
      scheduleSince: s.scheduleSince,
    },
  };
}

/**
 * The checks the old system's operators ran by hand every week, as one pure function over the
 * rows: classes the schedule calls for up to the horizon but missing, schedules that cannot be
 * read, classes the schedule does not call for, and two classes for one student, date and start
 * (impossible with derived ids; kept for data imported from elsewhere).
 */
export function diagnose(input: {
  students: readonly StoredStudent[];
  classes: readonly StoredClass[];
  now: string;
  timeZone: string;
  horizonWeeks: number;
}): Diagnosis {
  const end = horizonEnd(input.now, input.timeZone, input.horizonWeeks);
  const byStudent = new Map<string, StoredClass[]>();
  for (const c of input.classes) {
    if (c.deletedAt !== null) continue;
    const list = byStudent.get(c.studentId);
    if (list) list.push(c);
    else byStudent.set(c.studentId, [c]);
  }
  const out: Diagnosis = {
    checkedAt: input.now,
    horizonEnd: end,
    studentsChecked: input.students.length,
    studentsOk: 0,
    missing: [],
    invalid: [],
    outsideSchedule: [],
    duplicates: [],
  };
  for (const s of input.students) {
    const mine = byStudent.get(s.id) ?? [];
    let ok = true;
    const seen = new Map<string, StoredClass[]>();
    for (const c of mine) {
      const key = `${c.date} ${c.start}`;
      seen.set(key, [...(seen.get(key) ?? []), c]);
    }
    for (const [key, list] of seen) {
      if (list.length < 2) continue;
      ok = false;
      const [date, start] = key.split(' ');
      out.duplicates.push({ studentId: s.id, name: s.name, date, start, classIds: list.map((c) => c.id).sort() });
    }
    const read = readStudent(s);
    if ('problems' in read) {
      out.invalid.push({ studentId: s.id, name: s.name, problems: read.problems });
      continue;
    }
    const have = new Set(mine.map((c) => `${c.date} ${c.start}`));
    const missing = expectedClasses(read.plan, read.plan.startDate, end, input.timeZone).filter(
      (o) => !have.has(`${o.date} ${o.start}`),
    );
    if (missing.length) {
      ok = false;
      out.missing.push({ studentId: s.id, name: s.name, count: missing.length, dates: missing.map((o) => o.date) });
    }
    for (const c of mine) {
      if (c.status === 'cancelled') continue;
      if (read.plan.scheduleSince !== null && c.startsAt < read.plan.scheduleSince) continue;
      if (!fitsSchedule(read.plan, c)) {
        ok = false;
        out.outsideSchedule.push({ classId: c.id, studentId: s.id, name: s.name, date: c.date, start: c.start });
      }
    }
    if (ok) out.studentsOk++;
  }
  return out;
}

/** Issues found, all kinds together; 0 means nothing to do. */
export const issueCount = (d: Diagnosis): number =>
  d.missing.length + d.invalid.length + d.outsideSchedule.length + d.duplicates.length;
