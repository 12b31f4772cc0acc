import { derivedId } from '../ids.js';
import type { MutationContext } from '../mutations/define.js';
import { readStudent, type StoredStudent } from './diagnose.js';
import {
  DEFAULT_HORIZON_WEEKS,
  expectedClasses,
  horizonEnd,
  planGeneration,
  type ExistingClass,
  type StudentPlan,
} from './generation.js';
import { siteClock, type IsoDate } from './site-time.js';

export const classSettingsId = (siteId: string): string => derivedId('class_settings', siteId);

export type GenerationOperation = 'created' | 'updated' | 'scheduled' | 'catch-up' | 'manual' | 'fix';

export interface RunTotals {
  created: number;
  removed: number;
  adjusted: number;
  students: number;
  skipped: { studentId: string; name: string; reason: string }[];
}

/** The site's time zone and horizon, as the mutator sees them on either database. */
export async function siteSettings(ctx: MutationContext): Promise<{ timeZone: string; horizonWeeks: number }> {
  const site = await ctx.db.selectFrom('sites').select('timezone').where('id', '=', ctx.siteId).executeTakeFirst();
  const settings = await ctx.db
    .selectFrom('class_settings')
    .select('horizon_weeks')
    .where('id', '=', classSettingsId(ctx.siteId))
    .executeTakeFirst();
  return { timeZone: site?.timezone ?? 'UTC', horizonWeeks: settings?.horizon_weeks ?? DEFAULT_HORIZON_WEEKS };
}

export const storedStudent = (r: {
  id: string;
  first_name: string;
  last_name: string;
  course: string;
  start_date: string;
  end_date: string | null;
  schedule: string;
  schedule_since: string | null;
}): StoredStudent => ({
  id: r.id,
  name: `${r.first_name} ${r.last_name}`,
  course: r.course,
  startDate: r.start_date,
  endDate: r.end_date,
  schedule: r.schedule,
  scheduleSince: r.schedule_since,
});

export const existingClass = (r: {
  id: string;
  date: string;
  start: string;
  duration_minutes: number;
  course: string;
  starts_at: string;
  status: string;
  payment_status: string;
  deleted_at: string | null;
}): ExistingClass => ({
  id: r.id,
  date: r.date,
  start: r.start,
  durationMinutes: r.duration_minutes,
  course: r.course,
  startsAt: r.starts_at,
  status: r.status,
  paymentStatus: r.payment_status,
  deletedAt: r.deleted_at,
});

/**
 * Brings the classes of some students (all active students at the site when `studentIds` is
 * null) in line with their schedules, inside the running mutation. `from: 'start'` also fills
 * dates since the start date (a new student, fix); `'today'` only from today on (the weekly run).
 * Only a schedule change passes `removeUnfit`.
 */
export async function generateClasses(
  ctx: MutationContext,
  opts: { studentIds: readonly string[] | null; from: 'start' | 'today'; removeUnfit: boolean },
): Promise<RunTotals> {
  const { timeZone, horizonWeeks } = await siteSettings(ctx);
  const today = siteClock(ctx.now, timeZone).date;
  const end = horizonEnd(ctx.now, timeZone, horizonWeeks);
  let q = ctx.db.selectFrom('students').selectAll().where('site_id', '=', ctx.siteId).where('deleted_at', 'is', null);
  if (opts.studentIds)
    q = opts.studentIds.length
      ? q.where('id', 'in', [...opts.studentIds])
      : q.where('id', '=', '00000000-0000-0000-0000-000000000000');
  const students = await q.orderBy('id').execute();
  const totals: RunTotals = { created: 0, removed: 0, adjusted: 0, students: 0, skipped: [] };
  for (const row of students) {
    const stored = storedStudent(row);
    const read = readStudent(stored);
    if ('problems' in read) {
      totals.skipped.push({ studentId: row.id, name: stored.name, reason: read.problems.join(' ') });
      continue;
    }
    totals.students++;
    const from: IsoDate = opts.from === 'start' ? read.plan.startDate : today;
    await applyPlan(ctx, read.plan, from, end, timeZone, opts.removeUnfit, totals);
  }
  return totals;
}

async function applyPlan(
  ctx: MutationContext,
  student: StudentPlan,
  from: IsoDate,
  end: IsoDate,
  timeZone: string,
  removeUnfit: boolean,
  totals: RunTotals,
) {
  const expected = expectedClasses(student, from, end, timeZone);
  let q = ctx.db.selectFrom('classes').selectAll().where('student_id', '=', student.id);
  // A schedule change looks at every class still ahead; otherwise only the generated window.
  if (!removeUnfit) q = q.where('date', '>=', from < student.startDate ? student.startDate : from);
  const existing = (await q.execute()).map(existingClass);
  const plan = planGeneration({ student, expected, existing, now: ctx.now, removeUnfit });
  for (const o of plan.create) {
    const inserted = await ctx.write.insertIfAbsent('classes', {
      id: o.id,
      site_id: ctx.siteId,
      student_id: student.id,
      course: student.course,
      date: o.date,
      start: o.start,
      duration_minutes: o.durationMinutes,
      starts_at: o.startsAt,
      status: 'scheduled',
      payment_status: 'pending',
      status_changed_by: null,
      status_changed_at: null,
      payment_changed_by: null,
      payment_changed_at: null,
      deleted_at: null,
    });
    if (inserted) totals.created++;
  }
  for (const o of plan.restore) {
    await ctx.write.update('classes', o.id, {
      deleted_at: null,
      duration_minutes: o.durationMinutes,
      starts_at: o.startsAt,
      course: student.course,
      status: 'scheduled',
      payment_status: 'pending',
    });
    totals.created++;
  }
  for (const o of plan.adjust) {
    await ctx.write.update('classes', o.id, {
      duration_minutes: o.durationMinutes,
      starts_at: o.startsAt,
      course: student.course,
    });
    totals.adjusted++;
  }
  for (const c of plan.remove) {
    await ctx.write.softDelete('classes', c.id);
    totals.removed++;
  }
}

/** Writes the run's log entry inside the same mutation, so a run and its log commit together. */
export async function writeLog(
  ctx: MutationContext,
  entry: {
    id: string;
    studentId: string | null;
    operation: GenerationOperation;
    status: 'success' | 'skipped' | 'failed';
    message: string;
    created: number;
    removed: number;
    detail: unknown;
  },
): Promise<void> {
  await ctx.write.insert('class_generation_logs', {
    id: entry.id,
    site_id: ctx.siteId,
    student_id: entry.studentId,
    operation: entry.operation,
    status: entry.status,
    message: entry.message.slice(0, 2000),
    classes_created: entry.created,
    classes_removed: entry.removed,
    error_detail: entry.detail === null || entry.detail === undefined ? null : JSON.stringify(entry.detail),
    device_id: ctx.deviceId,
    user_id: ctx.userId,
    deleted_at: null,
  });
}

/** The log line of a run, in English (the screen shows counts with its own words). */
export function describeRun(t: RunTotals): string {
  const parts = [`${t.created} class${t.created === 1 ? '' : 'es'} created`];
  if (t.removed) parts.push(`${t.removed} removed`);
  if (t.adjusted) parts.push(`${t.adjusted} adjusted`);
  parts.push(`${t.students} student${t.students === 1 ? '' : 's'} checked`);
  if (t.skipped.length)
    parts.push(`${t.skipped.length} skipped: ${t.skipped.map((s) => `${s.name} (${s.reason})`).join('; ')}`);
  return parts.join(', ');
}
