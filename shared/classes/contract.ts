import { z } from 'zod';
import type { MethodSpec } from '../api/method-spec.js';
import { CLASS_STATUSES, MAX_HORIZON_WEEKS, MIN_HORIZON_WEEKS, PAYMENT_STATUSES } from './generation.js';
import { studentFields } from './mutations.js';
import { STUDENT_FIELDS } from './student-edits.js';
import { isIsoDate } from './site-time.js';

const method = <I extends z.ZodType, O extends z.ZodType>(spec: MethodSpec<I, O>) => spec;
const empty = z.object({}).strict();
const okOut = z.object({ ok: z.literal(true) });
const isoDate = z.string().refine(isIsoDate, 'Expected a date written YYYY-MM-DD');
const slot = z.object({ weekday: z.number().int(), start: z.string(), durationMinutes: z.number().int() });

export const studentSummary = z.object({
  id: z.uuid(),
  firstName: z.string(),
  lastName: z.string(),
  course: z.string(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  schedule: z.array(slot).nullable(),
  upcoming: z.number().int(),
});

export const classItem = z.object({
  id: z.uuid(),
  studentId: z.uuid(),
  studentName: z.string(),
  course: z.string(),
  date: z.string(),
  start: z.string(),
  durationMinutes: z.number().int(),
  status: z.enum(CLASS_STATUSES),
  paymentStatus: z.enum(PAYMENT_STATUSES),
  statusChangedBy: z.string().nullable(),
  statusChangedAt: z.string().nullable(),
  paymentChangedBy: z.string().nullable(),
  paymentChangedAt: z.string().nullable(),
});

export const generationLogEntry = z.object({
  id: z.uuid(),
  studentName: z.string().nullable(),
  operation: z.string(),
  status: z.enum(['success', 'skipped', 'failed']),
  message: z.string(),
  classesCreated: z.number().int(),
  classesRemoved: z.number().int(),
  errorDetail: z.string().nullable(),
  createdAt: z.string(),
});

export const diagnosisOut = z.object({
  checkedAt: z.string(),
  horizonEnd: z.string(),
  studentsChecked: z.number().int(),
  studentsOk: z.number().int(),
  missing: z.array(
    z.object({ studentId: z.string(), name: z.string(), count: z.number().int(), dates: z.array(z.string()) }),
  ),
  invalid: z.array(z.object({ studentId: z.string(), name: z.string(), problems: z.array(z.string()) })),
  outsideSchedule: z.array(
    z.object({ classId: z.string(), studentId: z.string(), name: z.string(), date: z.string(), start: z.string() }),
  ),
  duplicates: z.array(
    z.object({
      studentId: z.string(),
      name: z.string(),
      date: z.string(),
      start: z.string(),
      classIds: z.array(z.string()),
    }),
  ),
});

export const figuresOut = z.object({
  byStatus: z.record(z.enum(CLASS_STATUSES), z.number().int()),
  byPayment: z.record(z.enum(PAYMENT_STATUSES), z.number().int()),
  total: z.number().int(),
  createdToday: z.number().int(),
  createdThisWeek: z.number().int(),
  failedToday: z.number().int(),
  weeklyRuns: z.object({ success: z.number().int(), skipped: z.number().int(), failed: z.number().int() }),
  byMonth: z.array(z.object({ month: z.string(), count: z.number().int() })),
  studentsWithMissing: z.number().int(),
  students: z.number().int(),
});

export const importPreviewOut = z.object({
  rows: z.array(
    z.object({
      line: z.number().int(),
      name: z.string(),
      errors: z.array(z.string()),
      problems: z.array(
        z.object({ code: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])) }),
      ),
      valid: z.boolean(),
    }),
  ),
  fileErrors: z.array(z.string()),
  fileProblems: z.array(
    z.object({ code: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])) }),
  ),
  validCount: z.number().int(),
  errorCount: z.number().int(),
});

const runCounts = z.object({
  created: z.number().int(),
  skipped: z.array(z.object({ studentId: z.string(), name: z.string(), reason: z.string() })),
});
const csvText = z.string().max(60_000);

/** API methods of the classes area, merged into the contract (shared/api/contract.ts). */
export const classesContract = {
  'classes.settings': method({
    access: 'classes.manage',
    input: empty,
    output: z.object({ horizonWeeks: z.number().int(), timeZone: z.string(), today: z.string() }),
    touchesSession: false,
  }),
  'classes.setHorizon': method({
    access: 'classes.manage',
    input: z.object({ weeks: z.number().int().min(MIN_HORIZON_WEEKS).max(MAX_HORIZON_WEEKS) }).strict(),
    output: okOut,
  }),
  'classes.students': method({
    access: 'classes.manage',
    input: empty,
    output: z.array(studentSummary),
    touchesSession: false,
  }),
  'classes.createStudent': method({
    access: 'classes.manage',
    input: studentFields,
    output: z.object({ id: z.uuid() }),
  }),
  'classes.updateStudent': method({
    access: 'classes.manage',
    // `only`: the fields the person changed on the form (see updateStudent).
    input: studentFields.extend({ id: z.uuid(), only: z.array(z.enum(STUDENT_FIELDS)).min(1).optional() }).strict(),
    output: okOut,
  }),
  'classes.removeStudent': method({
    access: 'classes.manage',
    input: z.object({ id: z.uuid() }).strict(),
    output: okOut,
  }),
  'classes.week': method({
    access: 'classes.manage',
    input: z.object({ weekStart: isoDate.optional(), studentId: z.uuid().optional() }).strict(),
    output: z.object({ weekStart: z.string(), days: z.array(z.string()), classes: z.array(classItem) }),
    // Reloaded when synced data arrives: not a person's activity, so an idle kiosk still locks.
    touchesSession: false,
  }),
  'classes.setStatus': method({
    access: 'classes.manage',
    input: z.object({ classId: z.uuid(), status: z.enum(CLASS_STATUSES) }).strict(),
    output: okOut,
  }),
  'classes.setPayment': method({
    access: 'classes.manage',
    input: z.object({ classId: z.uuid(), paymentStatus: z.enum(PAYMENT_STATUSES) }).strict(),
    output: okOut,
  }),
  'classes.figures': method({ access: 'classes.manage', input: empty, output: figuresOut, touchesSession: false }),
  'classes.logs': method({
    access: 'classes.manage',
    input: z.object({ limit: z.number().int().min(1).max(200).default(50) }).strict(),
    output: z.array(generationLogEntry),
    touchesSession: false,
  }),
  'classes.diagnose': method({ access: 'classes.manage', input: empty, output: diagnosisOut }),
  'classes.fix': method({ access: 'classes.manage', input: empty, output: runCounts }),
  'classes.generateNow': method({ access: 'classes.manage', input: empty, output: runCounts }),
  'classes.importPreview': method({
    access: 'classes.manage',
    input: z.object({ csv: csvText }).strict(),
    output: importPreviewOut,
  }),
  'classes.importCommit': method({
    access: 'classes.manage',
    input: z.object({ csv: csvText, mode: z.enum(['all', 'valid']) }).strict(),
    output: z.object({ created: z.number().int(), skippedRows: z.number().int() }),
  }),
} as const;
