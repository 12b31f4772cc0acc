import { z } from 'zod';
import { AppError } from '../errors.js';
import type { MutationContext, MutationDef } from '../mutations/define.js';
import { defineMutation } from '../mutations/define.js';
import { retentionCutoff, retentionDays } from '../health/retention.js';
import { classSettingsId, describeRun, generateClasses, writeLog, type RunTotals } from './generate-run.js';
import { CLASS_STATUSES, MAX_HORIZON_WEEKS, MIN_HORIZON_WEEKS, PAYMENT_STATUSES } from './generation.js';
import { scheduleSchema, sortSlots } from './schedule.js';
import { STUDENT_FIELDS, type StudentField } from './student-edits.js';
import { isIsoDate } from './site-time.js';

/** Generation logs are kept this long by default (a site's retention setting may say otherwise). */
export const LOG_RETENTION_DAYS = 30;

const isoDate = z.string().refine(isIsoDate, 'Expected a date written YYYY-MM-DD');
const name = z.string().trim().min(1).max(80);

export const studentFields = z
  .object({
    firstName: name,
    lastName: name,
    course: z.string().trim().min(1).max(120),
    startDate: isoDate,
    endDate: isoDate.nullable(),
    schedule: scheduleSchema,
  })
  .strict();

const checkDates = (a: { startDate: string; endDate: string | null }) => {
  if (a.endDate !== null && a.endDate < a.startDate)
    throw new AppError('VALIDATION_FAILED', `The end date ${a.endDate} is before the start date ${a.startDate}.`, {
      issues: [{ path: 'endDate', message: 'before the start date' }],
    });
};

const statusOf = (t: RunTotals): 'success' | 'skipped' =>
  t.students === 0 && t.skipped.length > 0 ? 'skipped' : 'success';

export const createStudent = defineMutation({
  name: 'classes.createStudent',
  version: 1,
  authority: 'classes.manage',
  args: studentFields.extend({ id: z.uuid(), logId: z.uuid() }).strict(),
  async run(ctx, a) {
    checkDates(a);
    await ctx.write.insert('students', {
      id: a.id,
      site_id: ctx.siteId,
      first_name: a.firstName,
      last_name: a.lastName,
      course: a.course,
      start_date: a.startDate,
      end_date: a.endDate,
      schedule: JSON.stringify(sortSlots(a.schedule)),
      schedule_since: null,
      deleted_at: null,
    });
    const t = await generateClasses(ctx, { studentIds: [a.id], from: 'start', removeUnfit: false });
    await writeLog(ctx, {
      id: a.logId,
      studentId: a.id,
      operation: 'created',
      status: 'success',
      message: describeRun(t),
      created: t.created,
      removed: 0,
      detail: null,
    });
  },
});

/**
 * Changes a student. A new schedule, start or end date takes effect now: classes still ahead,
 * scheduled and unpaid that no longer fit are removed, the new ones generated; history stays.
 */
export const updateStudent = defineMutation({
  name: 'classes.updateStudent',
  version: 1,
  authority: 'classes.manage',
  // `only`: the fields the person changed. The form sends every field, and per field the later
  // edit wins, so a field nobody touched would carry the form's copy of it, taken when the form
  // opened, and undo a newer change made on another kiosk meanwhile. Entries queued before
  // `only` existed write every field, as they did.
  args: studentFields
    .extend({ id: z.uuid(), logId: z.uuid(), only: z.array(z.enum(STUDENT_FIELDS)).min(1).optional() })
    .strict(),
  async run(ctx, a) {
    const before = await ctx.db
      .selectFrom('students')
      .selectAll()
      .where('id', '=', a.id)
      .where('site_id', '=', ctx.siteId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!before)
      throw new AppError('NOT_FOUND', 'That student is not on the list any more (removed on another kiosk?).', {
        studentId: a.id,
      });
    const edits = new Set<StudentField>(a.only ?? STUDENT_FIELDS);
    const pick = <T>(f: StudentField, mine: T, theirs: T) => (edits.has(f) ? mine : theirs);
    const startDate = pick('startDate', a.startDate, before.start_date);
    const endDate = pick('endDate', a.endDate, before.end_date);
    checkDates({ startDate, endDate });
    const schedule = pick('schedule', JSON.stringify(sortSlots(a.schedule)), before.schedule);
    const course = pick('course', a.course, before.course);
    const planChanged =
      schedule !== before.schedule ||
      startDate !== before.start_date ||
      endDate !== before.end_date ||
      course !== before.course;
    const patch: Record<string, unknown> = {};
    if (edits.has('firstName')) patch.first_name = a.firstName;
    if (edits.has('lastName')) patch.last_name = a.lastName;
    if (edits.has('course')) patch.course = course;
    if (edits.has('startDate')) patch.start_date = startDate;
    if (edits.has('endDate')) patch.end_date = endDate;
    if (edits.has('schedule')) patch.schedule = schedule;
    if (planChanged) patch.schedule_since = ctx.now;
    await ctx.write.update('students', a.id, patch);
    if (!planChanged) return;
    const t = await generateClasses(ctx, { studentIds: [a.id], from: 'today', removeUnfit: true });
    await writeLog(ctx, {
      id: a.logId,
      studentId: a.id,
      operation: 'updated',
      status: 'success',
      message: describeRun(t),
      created: t.created,
      removed: t.removed,
      detail: null,
    });
  },
});

/** Removes a student and the classes still ahead that are scheduled and unpaid; history stays. */
export const removeStudent = defineMutation({
  name: 'classes.removeStudent',
  version: 1,
  authority: 'classes.manage',
  args: z.object({ id: z.uuid() }).strict(),
  async run(ctx, a) {
    // Removed on another kiosk already: nothing left to do, and no conflict to show.
    const student = await ctx.db
      .selectFrom('students')
      .select('deleted_at')
      .where('id', '=', a.id)
      .where('site_id', '=', ctx.siteId)
      .executeTakeFirst();
    if (!student) throw new AppError('NOT_FOUND', 'That student is not on the list.', { studentId: a.id });
    if (student.deleted_at !== null) return;
    const ahead = await ctx.db
      .selectFrom('classes')
      .select('id')
      .where('student_id', '=', a.id)
      .where('deleted_at', 'is', null)
      .where('starts_at', '>', ctx.now)
      .where('status', '=', 'scheduled')
      .where('payment_status', '=', 'pending')
      .execute();
    for (const c of ahead) await ctx.write.softDelete('classes', c.id);
    await ctx.write.softDelete('students', a.id);
  },
});

const operation = z.enum(['scheduled', 'catch-up', 'manual', 'fix']);

/**
 * One generation run over every active student: the weekly job, its catch-up at start, the
 * "generate now" button, or a fix (which also fills dates back to each start date). Any enrolled
 * device may run it: it only writes what the synced schedules already call for.
 */
export const generateRun = defineMutation({
  name: 'classes.generate',
  version: 1,
  authority: 'device',
  args: z.object({ logId: z.uuid(), operation }).strict(),
  async run(ctx, a) {
    const t = await generateClasses(ctx, {
      studentIds: null,
      from: a.operation === 'fix' ? 'start' : 'today',
      removeUnfit: false,
    });
    await writeLog(ctx, {
      id: a.logId,
      studentId: null,
      operation: a.operation,
      status: statusOf(t),
      message: describeRun(t),
      created: t.created,
      removed: 0,
      detail: t.skipped.length ? { skipped: t.skipped } : null,
    });
  },
});

/** A run that threw: recorded on its own, since the run's own transaction rolled back. */
export const logGenerationFailure = defineMutation({
  name: 'classes.logFailure',
  version: 1,
  authority: 'device',
  args: z.object({ logId: z.uuid(), operation, message: z.string().max(2000), error: z.string().max(4000) }).strict(),
  run: (ctx, a) =>
    writeLog(ctx, {
      id: a.logId,
      studentId: null,
      operation: a.operation,
      status: 'failed',
      message: a.message,
      created: 0,
      removed: 0,
      detail: { error: a.error },
    }),
});

/**
 * Retention: soft-deletes generation log entries older than the site's retention setting for
 * `class_generation_logs` (LOG_RETENTION_DAYS when it has none), by the mutation's time. The
 * server re-runs it against its own copy of the setting.
 */
export const pruneGenerationLogs = defineMutation({
  name: 'classes.pruneLogs',
  version: 1,
  authority: 'device',
  args: z.object({}).strict(),
  async run(ctx) {
    const cutoff = retentionCutoff(ctx.now, await retentionDays(ctx.db, ctx.siteId, 'class_generation_logs'));
    const old = await ctx.db
      .selectFrom('class_generation_logs')
      .select('id')
      .where('site_id', '=', ctx.siteId)
      .where('deleted_at', 'is', null)
      .where('created_at', '<', cutoff)
      .execute();
    for (const r of old) await ctx.write.softDelete('class_generation_logs', r.id);
  },
});

async function requireClass(ctx: MutationContext, id: string) {
  const c = await ctx.db
    .selectFrom('classes')
    .select(['id', 'status', 'payment_status'])
    .where('id', '=', id)
    .where('site_id', '=', ctx.siteId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!c)
    throw new AppError('NOT_FOUND', 'That class is not on the calendar any more (its schedule changed?).', {
      classId: id,
    });
  return c;
}

/** Attendance: who marked it and when are kept on the class. */
export const setClassStatus = defineMutation({
  name: 'classes.setStatus',
  version: 1,
  authority: 'classes.manage',
  args: z.object({ classId: z.uuid(), status: z.enum(CLASS_STATUSES) }).strict(),
  async run(ctx, a) {
    const c = await requireClass(ctx, a.classId);
    if (c.status === a.status) return;
    await ctx.write.update('classes', a.classId, {
      status: a.status,
      status_changed_by: ctx.userId,
      status_changed_at: ctx.now,
    });
  },
});

export const setClassPayment = defineMutation({
  name: 'classes.setPayment',
  version: 1,
  authority: 'classes.manage',
  args: z.object({ classId: z.uuid(), paymentStatus: z.enum(PAYMENT_STATUSES) }).strict(),
  async run(ctx, a) {
    const c = await requireClass(ctx, a.classId);
    if (c.payment_status === a.paymentStatus) return;
    await ctx.write.update('classes', a.classId, {
      payment_status: a.paymentStatus,
      payment_changed_by: ctx.userId,
      payment_changed_at: ctx.now,
    });
  },
});

/** The site's rolling horizon; the next run (or this one) generates up to it. */
export const setHorizon = defineMutation({
  name: 'classes.setHorizon',
  version: 1,
  authority: 'classes.manage',
  args: z.object({ weeks: z.number().int().min(MIN_HORIZON_WEEKS).max(MAX_HORIZON_WEEKS), logId: z.uuid() }).strict(),
  async run(ctx, a) {
    const id = classSettingsId(ctx.siteId);
    const inserted = await ctx.write.insertIfAbsent('class_settings', {
      id,
      site_id: ctx.siteId,
      horizon_weeks: a.weeks,
    });
    if (!inserted) await ctx.write.update('class_settings', id, { horizon_weeks: a.weeks });
    const t = await generateClasses(ctx, { studentIds: null, from: 'today', removeUnfit: false });
    await writeLog(ctx, {
      id: a.logId,
      studentId: null,
      operation: 'manual',
      status: statusOf(t),
      message: `Horizon set to ${a.weeks} weeks; ${describeRun(t)}`,
      created: t.created,
      removed: 0,
      detail: t.skipped.length ? { skipped: t.skipped } : null,
    });
  },
});

/** Named mutations of the classes area, merged into MUTATIONS (shared/mutations/index.ts). */
export const CLASSES_MUTATIONS: readonly MutationDef[] = [
  createStudent,
  updateStudent,
  removeStudent,
  generateRun,
  logGenerationFailure,
  pruneGenerationLogs,
  setClassStatus,
  setClassPayment,
  setHorizon,
] as unknown as readonly MutationDef[];
