import { sortSlots, type ScheduleSlot } from './schedule.js';

/** The fields of a student a person edits on the form. */
export const STUDENT_FIELDS = ['firstName', 'lastName', 'course', 'startDate', 'endDate', 'schedule'] as const;
export type StudentField = (typeof STUDENT_FIELDS)[number];

/** A student's fields as the form edits them. */
export interface StudentFieldValues {
  firstName: string;
  lastName: string;
  course: string;
  startDate: string;
  endDate: string | null;
  schedule: readonly ScheduleSlot[];
}

const same = (f: StudentField, a: StudentFieldValues, b: StudentFieldValues) =>
  f === 'schedule' ? JSON.stringify(sortSlots(a.schedule)) === JSON.stringify(sortSlots(b.schedule)) : a[f] === b[f];

/**
 * The fields a person changed on the form, against what it showed when it opened: what an update
 * sends as `only`, so untouched fields never overwrite a newer change made elsewhere.
 *
 * @example
 * changedStudentFields(opened, { ...opened, lastName: 'Ribeiro' }); // ['lastName']
 */
export function changedStudentFields(opened: StudentFieldValues, saved: StudentFieldValues): StudentField[] {
  return STUDENT_FIELDS.filter((f) => !same(f, opened, saved));
}
