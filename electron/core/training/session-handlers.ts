import type { Kysely } from 'kysely';
import { actorOf } from '../api/actor.js';
import { AppError } from '../../../shared/errors.js';
import { newId } from '../../../shared/ids.js';
import { can } from '../../../shared/permissions.js';
import type { SyncedDatabase } from '../../../shared/schema.js';
import {
  cancelEnrollment,
  createSession,
  enrollInSession,
  enrollmentId,
  recordAttendance,
} from '../../../shared/training/session-mutations.js';
import { sessionProblems } from '../../../shared/training/session-form.js';
import { waitlistPositions } from '../../../shared/training/waitlist.js';
import type { HandlerDeps } from '../api/handler-deps.js';
import type { CallContext } from '../api/dispatcher.js';

/** Classroom sessions: list, enroll with a waitlist, rosters with attendance and scores. */
export function createSessionHandlers(deps: HandlerDeps) {
  const db = deps.store.db as unknown as Kysely<SyncedDatabase>;

  async function sessionViews(siteId: string, userId: string, onlyId?: string, runsClassroom = true) {
    let q = db
      .selectFrom('training_sessions as s')
      .leftJoin('users as u', 'u.id', 's.instructor_id')
      .select([
        's.id',
        's.title',
        's.module_id',
        's.location',
        's.starts_at',
        's.ends_at',
        's.capacity',
        'u.display_name as instructor',
      ])
      .where('s.site_id', '=', siteId)
      .where('s.deleted_at', 'is', null)
      .where('s.status', '=', 'scheduled');
    if (onlyId) q = q.where('s.id', '=', onlyId);
    // Trainees are offered only sessions still to come; instructors keep past ones for the roster.
    else if (!runsClassroom) q = q.where('s.starts_at', '>', new Date(deps.clock.now()).toISOString());
    const sessions = await q.orderBy('s.starts_at').execute();
    const ids = sessions.map((s) => s.id);
    const rows = ids.length
      ? await db
          .selectFrom('training_enrollments')
          .select(['id', 'session_id', 'user_id', 'status', 'requested_at'])
          .where('session_id', 'in', ids)
          .execute()
      : [];
    return sessions.map((s) => {
      const mine = rows.filter((r) => r.session_id === s.id);
      const positions = waitlistPositions(
        mine.map((r) => ({ id: r.id, status: r.status, requestedAt: r.requested_at })),
      );
      const my = mine.find((r) => r.user_id === userId);
      return {
        id: s.id,
        title: s.title,
        moduleId: s.module_id,
        location: s.location,
        startsAt: s.starts_at,
        endsAt: s.ends_at,
        capacity: s.capacity,
        enrolled: mine.filter((r) => r.status === 'enrolled').length,
        waitlisted: mine.filter((r) => r.status === 'waitlisted').length,
        instructor: s.instructor ?? '',
        mine: my?.status ?? null,
        waitlistPosition: my ? (positions.get(my.id) ?? null) : null,
      };
    });
  }

  return {
    'training.sessions': async (_input: unknown, ctx: CallContext) =>
      sessionViews(
        (await deps.site()).id,
        ctx.signedIn!.person.id,
        undefined,
        can(ctx.signedIn!.person.permissions, 'classroom.run'),
      ),
    'training.createSession': async (
      input: {
        moduleId: string | null;
        title: string;
        location: string;
        startsAt: string;
        endsAt: string;
        capacity: number;
      },
      ctx: CallContext,
    ) => {
      // Checked where the person plans it, against this kiosk's clock; not in the mutation, which the
      // server replays later (a session planned offline must not be refused for arriving late).
      const problems = sessionProblems(input, deps.clock.now());
      if (problems.length)
        throw new AppError(
          'VALIDATION_FAILED',
          `The session was not planned: ${problems.map((p) => `${p.field} ${p.problem}`).join(', ')}.`,
          { problems },
        );
      const id = newId();
      await deps.runner.run(createSession, { id, ...input }, actorOf(ctx));
      return { id };
    },
    'training.enroll': async (input: { sessionId: string }, ctx: CallContext) => {
      const userId = ctx.signedIn!.person.id;
      const s = await db
        .selectFrom('training_sessions')
        .select('capacity')
        .where('id', '=', input.sessionId)
        .executeTakeFirst();
      if (!s) throw new AppError('NOT_FOUND', 'That session does not exist here.');
      const taken = await db
        .selectFrom('training_enrollments')
        .select('id')
        .where('session_id', '=', input.sessionId)
        .where('status', '=', 'enrolled')
        .where('user_id', '!=', userId)
        .execute();
      // What this kiosk will show; the server compares its own decision with it.
      const shown = taken.length < s.capacity ? 'enrolled' : 'waitlisted';
      await deps.runner.run(enrollInSession, { sessionId: input.sessionId, shown }, actorOf(ctx));
      const row = await db
        .selectFrom('training_enrollments')
        .select('status')
        .where('id', '=', enrollmentId(input.sessionId, userId))
        .executeTakeFirstOrThrow();
      return { status: row.status === 'enrolled' ? ('enrolled' as const) : ('waitlisted' as const) };
    },
    'training.cancelEnrollment': async (input: { sessionId: string; userId?: string }, ctx: CallContext) => {
      await deps.runner.run(
        cancelEnrollment,
        { sessionId: input.sessionId, userId: input.userId ?? ctx.signedIn!.person.id },
        actorOf(ctx),
      );
      return { ok: true as const };
    },
    'training.roster': async (input: { sessionId: string }, ctx: CallContext) => {
      const siteId = (await deps.site()).id;
      const [session] = await sessionViews(siteId, ctx.signedIn!.person.id, input.sessionId);
      if (!session) throw new AppError('NOT_FOUND', 'That session does not exist here.');
      const rows = await db
        .selectFrom('training_enrollments as e')
        .innerJoin('users as u', 'u.id', 'e.user_id')
        .selectAll('e')
        .select('u.display_name')
        .where('e.session_id', '=', input.sessionId)
        .orderBy('e.requested_at')
        .execute();
      const positions = waitlistPositions(
        rows.map((r) => ({ id: r.id, status: r.status, requestedAt: r.requested_at })),
      );
      const certs = session.moduleId
        ? await db
            .selectFrom('training_certificates')
            .select(['id', 'user_id'])
            .where('module_id', '=', session.moduleId)
            .where('attempt_id', 'is', null)
            .execute()
        : [];
      const conflicts = await db
        .selectFrom('conflicts as c')
        .leftJoin('users as u', 'u.id', 'c.user_id')
        .select(['c.id', 'c.code', 'c.message', 'c.args', 'c.created_at', 'u.display_name'])
        .where('c.site_id', '=', siteId)
        .where('c.mutation', 'in', ['session.enroll', 'session.cancelEnrollment'])
        .where('c.resolved_at', 'is', null)
        .orderBy('c.created_at', 'desc')
        .execute();
      return {
        session,
        members: rows.map((r) => ({
          userId: r.user_id,
          name: r.display_name,
          status: r.status,
          position: positions.get(r.id) ?? null,
          attended: r.attended === null ? null : r.attended === 1,
          practicalScore: r.practical_score,
          writtenScore: r.written_score,
          certificateId: certs.find((c) => c.user_id === r.user_id)?.id ?? null,
        })),
        conflicts: conflicts
          .filter((c) => c.args.includes(input.sessionId))
          .map((c) => ({
            id: c.id,
            code: c.code,
            message: c.message,
            userName: c.display_name,
            createdAt: c.created_at,
          })),
      };
    },
    'training.recordAttendance': async (
      input: {
        sessionId: string;
        userId: string;
        attended: boolean;
        practicalScore: number | null;
        writtenScore: number | null;
      },
      ctx: CallContext,
    ) => {
      await deps.runner.run(recordAttendance, input, actorOf(ctx));
      return { ok: true as const };
    },
  };
}
