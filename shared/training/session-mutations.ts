import { z } from 'zod';
import { AppError } from '../errors.js';
import { derivedId } from '../ids.js';
import type { MutationContext, MutationDef } from '../mutations/define.js';
import { defineMutation } from '../mutations/define.js';
import { promotions, seatFor } from './waitlist.js';

export const enrollmentId = (sessionId: string, userId: string) => derivedId('training_enrollment', sessionId, userId);

async function sessionAtSite(ctx: MutationContext, sessionId: string) {
  const s = await ctx.db
    .selectFrom('training_sessions')
    .selectAll()
    .where('id', '=', sessionId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!s || s.site_id !== ctx.siteId)
    throw new AppError('NOT_FOUND', 'That session does not exist at this site.', { sessionId });
  return s;
}

const seatRows = (ctx: MutationContext, sessionId: string) =>
  ctx.db
    .selectFrom('training_enrollments')
    .select(['id', 'status', 'requested_at'])
    .where('session_id', '=', sessionId)
    .execute()
    .then((rows) => rows.map((r) => ({ id: r.id, status: r.status, requestedAt: r.requested_at })));

/** Gives freed seats to the waitlist in request order. */
async function promote(ctx: MutationContext, sessionId: string, capacity: number) {
  for (const id of promotions(await seatRows(ctx, sessionId), capacity))
    await ctx.write.update('training_enrollments', id, { status: 'enrolled' });
}

export const createSession = defineMutation({
  name: 'session.create',
  version: 1,
  authority: 'classroom.run',
  args: z
    .object({
      id: z.uuid(),
      moduleId: z.uuid().nullable(),
      title: z.string().trim().min(1).max(120),
      location: z.string().trim().min(1).max(120),
      startsAt: z.iso.datetime(),
      endsAt: z.iso.datetime(),
      capacity: z.number().int().min(1).max(500),
    })
    .strict()
    .refine((a) => a.endsAt > a.startsAt, 'A session ends after it starts'),
  async run(ctx, a) {
    if (!ctx.userId) throw new AppError('UNAUTHENTICATED', 'Sign in with your PIN first.');
    await ctx.write.insert('training_sessions', {
      id: a.id,
      site_id: ctx.siteId,
      module_id: a.moduleId,
      title: a.title,
      instructor_id: ctx.userId,
      location: a.location,
      starts_at: a.startsAt,
      ends_at: a.endsAt,
      capacity: a.capacity,
      status: 'scheduled',
      deleted_at: null,
    });
  },
});

/**
 * Asks for a seat. The seat is decided where the mutation runs: on the kiosk for what the person
 * sees now, and again on the server in commit order, which has the last word. When the server
 * waitlists someone the kiosk had shown as enrolled (another kiosk took the last seat first), it
 * records a conflict for the instructor through `ctx.notice`.
 */
export const enrollInSession = defineMutation({
  name: 'session.enroll',
  version: 1,
  authority: 'training.take',
  args: z.object({ sessionId: z.uuid(), shown: z.enum(['enrolled', 'waitlisted']).optional() }).strict(),
  async run(ctx, a) {
    if (!ctx.userId) throw new AppError('UNAUTHENTICATED', 'Sign in with your PIN first.');
    const s = await sessionAtSite(ctx, a.sessionId);
    if (s.status !== 'scheduled') throw new AppError('CONFLICT', 'This session is no longer open for enrollment.');
    const id = enrollmentId(a.sessionId, ctx.userId);
    const rows = await seatRows(ctx, a.sessionId);
    const mine = rows.find((r) => r.id === id);
    if (mine && mine.status !== 'cancelled') return;
    const status = seatFor(
      rows.filter((r) => r.id !== id),
      s.capacity,
    );
    if (mine) await ctx.write.update('training_enrollments', id, { status, requested_at: ctx.now, attended: null });
    else
      await ctx.write.insert('training_enrollments', {
        id,
        site_id: ctx.siteId,
        session_id: a.sessionId,
        user_id: ctx.userId,
        status,
        requested_at: ctx.now,
        attended: null,
        practical_score: null,
        written_score: null,
      });
    if (a.shown === 'enrolled' && status === 'waitlisted') {
      ctx.notice?.(
        'SEAT_TAKEN',
        `The last seat of "${s.title}" went to someone who enrolled first on another kiosk; this person is on the waitlist.`,
      );
    }
  },
});

export const cancelEnrollment = defineMutation({
  name: 'session.cancelEnrollment',
  version: 1,
  authority: 'training.take',
  args: z.object({ sessionId: z.uuid(), userId: z.uuid() }).strict(),
  async run(ctx, a) {
    if (a.userId !== ctx.userId && !ctx.permissions.includes('classroom.run'))
      throw new AppError('FORBIDDEN', 'Only an instructor may cancel someone else’s seat.');
    const s = await sessionAtSite(ctx, a.sessionId);
    const id = enrollmentId(a.sessionId, a.userId);
    const row = await ctx.db
      .selectFrom('training_enrollments')
      .select('status')
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row || row.status === 'cancelled') return;
    await ctx.write.update('training_enrollments', id, { status: 'cancelled' });
    await promote(ctx, a.sessionId, s.capacity);
  },
});

export const recordAttendance = defineMutation({
  name: 'session.recordAttendance',
  version: 1,
  authority: 'classroom.run',
  args: z
    .object({
      sessionId: z.uuid(),
      userId: z.uuid(),
      attended: z.boolean(),
      practicalScore: z.number().min(0).max(100).nullable(),
      writtenScore: z.number().min(0).max(100).nullable(),
    })
    .strict(),
  async run(ctx, a) {
    await sessionAtSite(ctx, a.sessionId);
    const id = enrollmentId(a.sessionId, a.userId);
    const row = await ctx.db
      .selectFrom('training_enrollments')
      .select('status')
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row || row.status !== 'enrolled')
      throw new AppError('CONFLICT', 'Only enrolled members have attendance and scores.');
    await ctx.write.update('training_enrollments', id, {
      attended: a.attended ? 1 : 0,
      practical_score: a.practicalScore,
      written_score: a.writtenScore,
    });
  },
});

export const SESSION_MUTATIONS: readonly MutationDef[] = [
  createSession,
  enrollInSession,
  cancelEnrollment,
  recordAttendance,
] as MutationDef[];
