import { AppError } from '../../../shared/errors.js';
import { actorOf } from '../api/actor.js';
import { newId } from '../../../shared/ids.js';
import type { classesContract } from '../../../shared/classes/contract.js';
import { previewStudentCsv } from '../../../shared/classes/csv-import.js';
import { slashDateOrderFor } from '../../../shared/classes/csv-text.js';
import { diagnose } from '../../../shared/classes/diagnose.js';
import { classSettingsId } from '../../../shared/classes/generate-run.js';
import { DEFAULT_HORIZON_WEEKS, type ClassStatus, type PaymentStatus } from '../../../shared/classes/generation.js';
import {
  createStudent,
  generateRun,
  removeStudent,
  setClassPayment,
  setClassStatus,
  setHorizon,
  updateStudent,
} from '../../../shared/classes/mutations.js';
import { readClassTracking } from '../../../shared/classes/read-rows.js';
import { parseStoredSchedule } from '../../../shared/classes/schedule.js';
import { addDays, mondayOf, siteClock } from '../../../shared/classes/site-time.js';
import { classFigures } from '../../../shared/classes/stats.js';
import type { Kysely } from 'kysely';
import type { SyncedDatabase } from '../../../shared/schema.js';
import type { CallContext, Handlers } from '../api/dispatcher.js';
import type { HandlerDeps } from '../api/handler-deps.js';

type ClassesHandlers = Pick<Handlers, keyof typeof classesContract>;

/** Handlers of the classes area's API methods (shared/classes/contract.ts). */
export function createClassesHandlers(deps: HandlerDeps): ClassesHandlers {
  const db = deps.store.db as unknown as Kysely<SyncedDatabase>;
  const nowIso = () => new Date(deps.clock.now()).toISOString();

  const tracking = async () => {
    const site = await deps.site();
    return { site, ...(await readClassTracking(db, site.id)) };
  };

  /** Runs a whole-site generation as the person and reads back what its log entry says. */
  const runGeneration = async (operation: 'manual' | 'fix', ctx: CallContext) => {
    const logId = newId();
    await deps.runner.run(generateRun, { logId, operation }, actorOf(ctx));
    const log = await db
      .selectFrom('class_generation_logs')
      .select(['classes_created', 'error_detail'])
      .where('id', '=', logId)
      .executeTakeFirstOrThrow();
    const skipped = log.error_detail
      ? ((JSON.parse(log.error_detail) as { skipped?: { studentId: string; name: string; reason: string }[] })
          .skipped ?? [])
      : [];
    return { created: log.classes_created, skipped };
  };

  const existingStudents = async (siteId: string) =>
    (
      await db
        .selectFrom('students')
        .select(['first_name', 'last_name', 'course'])
        .where('site_id', '=', siteId)
        .where('deleted_at', 'is', null)
        .execute()
    ).map((s) => ({ firstName: s.first_name, lastName: s.last_name, course: s.course }));

  return {
    'classes.settings': async () => {
      const site = await deps.site();
      const row = await db
        .selectFrom('class_settings')
        .select('horizon_weeks')
        .where('id', '=', classSettingsId(site.id))
        .executeTakeFirst();
      return {
        horizonWeeks: row?.horizon_weeks ?? DEFAULT_HORIZON_WEEKS,
        timeZone: site.timezone,
        today: siteClock(nowIso(), site.timezone).date,
      };
    },
    'classes.setHorizon': async (input, ctx) => {
      await deps.runner.run(setHorizon, { weeks: input.weeks, logId: newId() }, actorOf(ctx));
      return { ok: true as const };
    },
    'classes.students': async () => {
      const site = await deps.site();
      const rows = await db
        .selectFrom('students')
        .selectAll()
        .where('site_id', '=', site.id)
        .where('deleted_at', 'is', null)
        .orderBy('last_name')
        .orderBy('first_name')
        .execute();
      const upcoming = await db
        .selectFrom('classes')
        .select(['student_id'])
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('site_id', '=', site.id)
        .where('deleted_at', 'is', null)
        .where('status', '=', 'scheduled')
        .where('starts_at', '>', nowIso())
        .groupBy('student_id')
        .execute();
      const count = new Map(upcoming.map((u) => [u.student_id, Number(u.n)]));
      return rows.map((s) => ({
        id: s.id,
        firstName: s.first_name,
        lastName: s.last_name,
        course: s.course,
        startDate: s.start_date,
        endDate: s.end_date,
        schedule: parseStoredSchedule(s.schedule),
        upcoming: count.get(s.id) ?? 0,
      }));
    },
    'classes.createStudent': async (input, ctx) => {
      const id = newId();
      await deps.runner.run(createStudent, { ...input, id, logId: newId() }, actorOf(ctx));
      return { id };
    },
    'classes.updateStudent': async (input, ctx) => {
      await deps.runner.run(updateStudent, { ...input, logId: newId() }, actorOf(ctx));
      return { ok: true as const };
    },
    'classes.removeStudent': async (input, ctx) => {
      await deps.runner.run(removeStudent, { id: input.id }, actorOf(ctx));
      return { ok: true as const };
    },
    'classes.week': async (input) => {
      const site = await deps.site();
      const weekStart = mondayOf(input.weekStart ?? siteClock(nowIso(), site.timezone).date);
      const days = Array.from({ length: 7 }, (_, i) => addDays(weekStart, i));
      let q = deps.store.db
        .selectFrom('classes as c')
        .innerJoin('students as s', 's.id', 'c.student_id')
        .leftJoin('users as su', 'su.id', 'c.status_changed_by')
        .leftJoin('users as pu', 'pu.id', 'c.payment_changed_by')
        .select([
          'c.id',
          'c.student_id',
          's.first_name',
          's.last_name',
          'c.course',
          'c.date',
          'c.start',
          'c.duration_minutes',
          'c.status',
          'c.payment_status',
          'su.display_name as status_by',
          'c.status_changed_at',
          'pu.display_name as payment_by',
          'c.payment_changed_at',
        ])
        .where('c.site_id', '=', site.id)
        .where('c.deleted_at', 'is', null)
        .where('c.date', '>=', days[0])
        .where('c.date', '<=', days[6]);
      if (input.studentId) q = q.where('c.student_id', '=', input.studentId);
      const rows = await q.orderBy('c.date').orderBy('c.start').orderBy('s.last_name').execute();
      return {
        weekStart,
        days,
        classes: rows.map((r) => ({
          id: r.id,
          studentId: r.student_id,
          studentName: `${r.first_name} ${r.last_name}`,
          course: r.course,
          date: r.date,
          start: r.start,
          durationMinutes: r.duration_minutes,
          status: r.status as ClassStatus,
          paymentStatus: r.payment_status as PaymentStatus,
          statusChangedBy: r.status_by,
          statusChangedAt: r.status_changed_at,
          paymentChangedBy: r.payment_by,
          paymentChangedAt: r.payment_changed_at,
        })),
      };
    },
    'classes.setStatus': async (input, ctx) => {
      await deps.runner.run(setClassStatus, input, actorOf(ctx));
      return { ok: true as const };
    },
    'classes.setPayment': async (input, ctx) => {
      await deps.runner.run(setClassPayment, input, actorOf(ctx));
      return { ok: true as const };
    },
    'classes.figures': async () => {
      const t = await tracking();
      const now = nowIso();
      const [classes, logs] = await Promise.all([
        db
          .selectFrom('classes')
          .select(['status', 'payment_status', 'created_at', 'date'])
          .where('site_id', '=', t.site.id)
          .where('deleted_at', 'is', null)
          .execute(),
        db
          .selectFrom('class_generation_logs')
          .select(['status', 'operation', 'created_at'])
          .where('site_id', '=', t.site.id)
          .where('deleted_at', 'is', null)
          .execute(),
      ]);
      const d = diagnose({
        students: t.students,
        classes: t.classes,
        now,
        timeZone: t.timeZone,
        horizonWeeks: t.horizonWeeks,
      });
      return {
        ...classFigures({ classes, logs, now, timeZone: t.timeZone }),
        studentsWithMissing: d.missing.length,
        students: t.students.length,
      };
    },
    'classes.logs': async (input) => {
      const site = await deps.site();
      const rows = await deps.store.db
        .selectFrom('class_generation_logs as l')
        .leftJoin('students as s', 's.id', 'l.student_id')
        .select([
          'l.id',
          'l.operation',
          'l.status',
          'l.message',
          'l.classes_created',
          'l.classes_removed',
          'l.error_detail',
          'l.created_at',
          's.first_name',
          's.last_name',
        ])
        .where('l.site_id', '=', site.id)
        .where('l.deleted_at', 'is', null)
        .orderBy('l.created_at', 'desc')
        .orderBy('l.id', 'desc')
        .limit(input.limit)
        .execute();
      return rows.map((r) => ({
        id: r.id,
        studentName: r.first_name === null ? null : `${r.first_name} ${r.last_name}`,
        operation: r.operation,
        status: r.status,
        message: r.message,
        classesCreated: r.classes_created,
        classesRemoved: r.classes_removed,
        errorDetail: r.error_detail,
        createdAt: r.created_at,
      }));
    },
    'classes.diagnose': async () => {
      const t = await tracking();
      return diagnose({
        students: t.students,
        classes: t.classes,
        now: nowIso(),
        timeZone: t.timeZone,
        horizonWeeks: t.horizonWeeks,
      });
    },
    'classes.fix': (_input, ctx) => runGeneration('fix', ctx),
    'classes.generateNow': (_input, ctx) => runGeneration('manual', ctx),
    'classes.importPreview': async (input) => {
      const site = await deps.site();
      const p = previewStudentCsv(input.csv, await existingStudents(site.id), {
        dateOrder: slashDateOrderFor(site.timezone),
      });
      return {
        ...p,
        rows: p.rows.map((r) => ({
          line: r.line,
          name: r.name,
          errors: r.errors,
          problems: r.problems,
          valid: r.student !== null,
        })),
      };
    },
    'classes.importCommit': async (input, ctx) => {
      const site = await deps.site();
      const p = previewStudentCsv(input.csv, await existingStudents(site.id), {
        dateOrder: slashDateOrderFor(site.timezone),
      });
      if (p.fileErrors.length)
        throw new AppError('VALIDATION_FAILED', p.fileErrors.join(' '), {
          fileErrors: p.fileErrors,
          fileProblems: p.fileProblems,
        });
      if (input.mode === 'all' && p.errorCount > 0) {
        throw new AppError(
          'VALIDATION_FAILED',
          `Nothing was imported: ${p.errorCount} row${p.errorCount === 1 ? ' has' : 's have'} errors. Fix them, or import the valid rows only.`,
          { errorCount: p.errorCount },
        );
      }
      const valid = p.rows.filter((r) => r.student !== null);
      if (!valid.length) throw new AppError('VALIDATION_FAILED', 'No row of this file is valid; nothing was imported.');
      // One transaction: every student of the file and their classes, or none of them.
      await deps.runner.runBatch(
        valid.map((r) => ({ def: createStudent, args: { ...r.student!, id: newId(), logId: newId() } })),
        actorOf(ctx),
      );
      return { created: valid.length, skippedRows: p.rows.length - valid.length };
    },
  };
}
