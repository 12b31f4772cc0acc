import { z } from 'zod';
import { AppError } from '../errors.js';
import { derivedId } from '../ids.js';
import type { MutationContext, MutationDef } from '../mutations/define.js';
import { defineMutation } from '../mutations/define.js';
import { keyIdOf } from './certificate-signing.js';
import { completeIfReady } from './attempt-completion.js';
import { certificateArgs, storeCertificate } from './certificate-store.js';
import { setCertificateTemplate } from './certificate-template.js';
import { requirePrerequisites, requireUser, visibleModule } from './module-access.js';
import { AUTHORING_MUTATIONS } from './authoring-mutations.js';
import { attemptAllowance, isCorrect } from './scoring.js';
import { PRACTICAL_MUTATIONS } from './practical-mutations.js';
import { recordReportExport } from './report-mutations.js';
import { SESSION_MUTATIONS } from './session-mutations.js';

export const progressId = (userId: string, sectionId: string) => derivedId('training_progress', userId, sectionId);
export const signingKeyRowId = (keyId: string) => derivedId('training_signing_key', keyId);
export const assignmentId = (userId: string, target: string) => derivedId('training_assignment', userId, target);

export const registerSigningKey = defineMutation({
  name: 'training.registerSigningKey',
  version: 1,
  authority: 'device',
  args: z
    .object({ keyId: z.string().regex(/^[0-9a-f]{16}$/), publicKey: z.string().regex(/^[A-Za-z0-9_-]{43}$/) })
    .strict(),
  async run(ctx, a) {
    if (keyIdOf(a.publicKey) !== a.keyId)
      throw new AppError('VALIDATION_FAILED', 'The key id does not match the public key.');
    await ctx.write.insertIfAbsent('training_signing_keys', {
      id: signingKeyRowId(a.keyId),
      site_id: ctx.siteId,
      key_id: a.keyId,
      device_id: ctx.deviceId,
      public_key: a.publicKey,
      revoked_at: null,
    });
  },
});

/**
 * Records time on a section, its completion and its bookmark. The row's id comes from (person,
 * section), so the same person working on two kiosks offline ends with one row: time adds up
 * (the server re-runs each visit on top of the other's), the first completion stands.
 */
export const recordSectionProgress = defineMutation({
  name: 'training.recordSectionProgress',
  version: 1,
  authority: 'training.take',
  args: z
    .object({
      sectionId: z.uuid(),
      secondsSpent: z
        .number()
        .int()
        .min(0)
        .max(4 * 3600),
      completed: z.boolean(),
      bookmarked: z.boolean().optional(),
    })
    .strict(),
  // Time adds up and the first completion stands, from the server's row: already a merge.
  merge: 'computed',
  async run(ctx, a) {
    const userId = requireUser(ctx);
    const section = await ctx.db
      .selectFrom('training_sections')
      .select(['id', 'module_id'])
      .where('id', '=', a.sectionId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!section) throw new AppError('NOT_FOUND', 'That section does not exist.', { sectionId: a.sectionId });
    const mod = await visibleModule(ctx, section.module_id);
    const id = progressId(userId, a.sectionId);
    const fresh = await ctx.write.insertIfAbsent('training_section_progress', {
      id,
      site_id: ctx.siteId,
      user_id: userId,
      module_id: mod.id,
      section_id: a.sectionId,
      module_version: mod.version,
      completed_at: a.completed ? ctx.now : null,
      time_spent_seconds: a.secondsSpent,
      bookmarked: a.bookmarked ? 1 : 0,
      last_viewed_at: ctx.now,
    });
    if (fresh) return;
    const cur = await ctx.db
      .selectFrom('training_section_progress')
      .select(['completed_at', 'time_spent_seconds', 'bookmarked', 'last_viewed_at'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    await ctx.write.update('training_section_progress', id, {
      time_spent_seconds: cur.time_spent_seconds + a.secondsSpent,
      completed_at: cur.completed_at ?? (a.completed ? ctx.now : null),
      bookmarked: a.bookmarked === undefined ? cur.bookmarked : a.bookmarked ? 1 : 0,
      last_viewed_at: cur.last_viewed_at > ctx.now ? cur.last_viewed_at : ctx.now,
    });
  },
});

export const startAttempt = defineMutation({
  name: 'assessment.start',
  version: 1,
  authority: 'training.take',
  args: z.object({ attemptId: z.uuid(), moduleId: z.uuid() }).strict(),
  async run(ctx, a) {
    const userId = requireUser(ctx);
    const mod = await visibleModule(ctx, a.moduleId);
    await requirePrerequisites(ctx, userId, mod);
    const history = await ctx.db
      .selectFrom('training_attempts')
      .select(['submitted_at', 'passed'])
      .where('user_id', '=', userId)
      .where('module_id', '=', mod.id)
      .execute();
    const allowance = attemptAllowance(
      history.map((h) => ({ submittedAt: h.submitted_at, passed: h.passed })),
      mod.max_attempts,
      mod.cooldown_minutes,
      ctx.now,
    );
    if (!allowance.allowed) {
      if (allowance.reason === 'cooldown')
        throw new AppError('CONFLICT', `Take a break: the next attempt opens at ${allowance.opensAt}.`, {
          reason: 'cooldown',
          opensAt: allowance.opensAt,
        });
      throw new AppError('CONFLICT', `All ${mod.max_attempts} attempts are used. Ask your manager to reset them.`, {
        reason: 'max_attempts',
      });
    }
    await ctx.write.insert('training_attempts', {
      id: a.attemptId,
      site_id: ctx.siteId,
      user_id: userId,
      module_id: mod.id,
      module_version: mod.version,
      started_at: ctx.now,
      submitted_at: null,
      answered_at: null,
      score: null,
      passed: null,
    });
  },
});

/**
 * Submits an attempt: records every response (insert-only, with its response time), scores the
 * attempt from those recorded responses and the module's questions, and on a pass stores the
 * certificate the kiosk signed. Nothing the kiosk claims about the score is trusted: the server
 * re-runs this and refuses a certificate whose score or holder does not match what it computed.
 */
export const submitAttempt = defineMutation({
  name: 'assessment.submit',
  version: 1,
  authority: 'training.take',
  args: z
    .object({
      attemptId: z.uuid(),
      answers: z
        .array(
          z
            .object({
              responseId: z.uuid(),
              questionId: z.uuid(),
              selected: z.array(z.string().max(20)).max(12),
              responseMs: z.number().int().min(0).max(86_400_000),
              confidence: z.number().int().min(1).max(5).nullable().optional(),
            })
            .strict(),
        )
        .max(200),
      certificate: certificateArgs.optional(),
    })
    .strict(),
  async run(ctx, a) {
    const userId = requireUser(ctx);
    const attempt = await ctx.db
      .selectFrom('training_attempts')
      .selectAll()
      .where('id', '=', a.attemptId)
      .executeTakeFirst();
    if (!attempt || attempt.user_id !== userId || attempt.site_id !== ctx.siteId)
      throw new AppError('NOT_FOUND', 'That attempt does not exist.', { attemptId: a.attemptId });
    if (attempt.submitted_at || attempt.answered_at)
      throw new AppError('CONFLICT', 'This attempt was already submitted.');
    const mod = await visibleModule(ctx, attempt.module_id);
    const questions = await ctx.db
      .selectFrom('training_questions')
      .select(['id', 'weight', 'correct'])
      .where('module_id', '=', mod.id)
      .where('deleted_at', 'is', null)
      .execute();
    const byId = new Map(questions.map((q) => [q.id, JSON.parse(q.correct) as string[]]));
    const seen = new Set<string>();
    for (const ans of a.answers) {
      const correct = byId.get(ans.questionId);
      if (!correct)
        throw new AppError('VALIDATION_FAILED', 'An answer refers to a question of another module.', {
          questionId: ans.questionId,
        });
      if (seen.has(ans.questionId))
        throw new AppError('VALIDATION_FAILED', 'A question was answered twice.', { questionId: ans.questionId });
      seen.add(ans.questionId);
      await ctx.write.insert('training_responses', {
        id: ans.responseId,
        site_id: ctx.siteId,
        attempt_id: attempt.id,
        question_id: ans.questionId,
        selected: JSON.stringify(ans.selected),
        correct: isCorrect(correct, ans.selected) ? 1 : 0,
        response_ms: ans.responseMs,
        confidence: ans.confidence ?? null,
      });
    }
    // Scored from what was recorded, not from the arguments; a practical part may still wait
    // for its sign-offs, and then the instructor's last one completes the attempt.
    await ctx.write.update('training_attempts', attempt.id, { answered_at: ctx.now });
    await completeIfReady(ctx, { ...attempt, answered_at: ctx.now }, mod, a.certificate);
  },
});

/** A certificate issued outside an assessment (a roster member who completed a classroom session). */
export const issueRosterCertificate = defineMutation({
  name: 'certificate.issueForRoster',
  version: 1,
  authority: 'classroom.run',
  args: z
    .object({ sessionId: z.uuid(), userId: z.uuid(), score: z.number().min(0).max(100), certificate: certificateArgs })
    .strict(),
  async run(ctx, a) {
    const session = await ctx.db
      .selectFrom('training_sessions')
      .selectAll()
      .where('id', '=', a.sessionId)
      .where('site_id', '=', ctx.siteId)
      .executeTakeFirst();
    if (!session || !session.module_id) throw new AppError('NOT_FOUND', 'That session has no module to certify.');
    const e = await ctx.db
      .selectFrom('training_enrollments')
      .selectAll()
      .where('session_id', '=', a.sessionId)
      .where('user_id', '=', a.userId)
      .executeTakeFirst();
    if (!e || e.status !== 'enrolled' || e.attended !== 1)
      throw new AppError('CONFLICT', 'Only members who attended get a certificate.');
    const mod = await visibleModule(ctx, session.module_id);
    const rosterScore = Math.round((((e.practical_score ?? 0) + (e.written_score ?? 0)) / 2) * 100) / 100;
    if (rosterScore !== a.score || rosterScore < mod.pass_threshold)
      throw new AppError('CONFLICT', `The roster score ${rosterScore} does not earn a certificate.`, {
        score: rosterScore,
      });
    await storeCertificate(ctx, a.certificate, {
      userId: a.userId,
      moduleCode: mod.code,
      moduleId: mod.id,
      version: mod.version,
      score: rosterScore,
      attemptId: null,
      validityDays: mod.validity_days,
    });
  },
});

export const revokeCertificate = defineMutation({
  name: 'certificate.revoke',
  version: 1,
  authority: 'training.assign',
  args: z.object({ id: z.uuid(), certificateId: z.uuid(), reason: z.string().trim().min(3).max(500) }).strict(),
  async run(ctx, a) {
    const cert = await ctx.db
      .selectFrom('training_certificates')
      .select(['id', 'site_id'])
      .where('id', '=', a.certificateId)
      .executeTakeFirst();
    if (!cert || cert.site_id !== ctx.siteId)
      throw new AppError('NOT_FOUND', 'That certificate does not exist at this site.');
    await ctx.write.insert('training_certificate_revocations', {
      id: a.id,
      site_id: ctx.siteId,
      certificate_id: a.certificateId,
      reason: a.reason,
      revoked_by: ctx.userId,
    });
  },
});

export const assignTraining = defineMutation({
  name: 'training.assign',
  version: 1,
  authority: 'training.assign',
  args: z
    .object({
      userId: z.uuid(),
      pathId: z.uuid().optional(),
      moduleCode: z.string().max(60).optional(),
      dueAt: z.iso.datetime().nullable(),
    })
    .strict()
    .refine((a) => (a.pathId ? 1 : 0) + (a.moduleCode ? 1 : 0) === 1, 'Assign either a path or a module'),
  async run(ctx, a) {
    const person = await ctx.db
      .selectFrom('user_roles')
      .select('user_id')
      .where('user_id', '=', a.userId)
      .where('site_id', '=', ctx.siteId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!person) throw new AppError('NOT_FOUND', 'That person does not work at this site.');
    if (
      a.pathId &&
      !(await ctx.db
        .selectFrom('training_paths')
        .select('id')
        .where('id', '=', a.pathId)
        .where('deleted_at', 'is', null)
        .executeTakeFirst())
    )
      throw new AppError('NOT_FOUND', 'That learning path does not exist.');
    const id = assignmentId(a.userId, a.pathId ?? `module:${a.moduleCode}`);
    const fresh = await ctx.write.insertIfAbsent('training_assignments', {
      id,
      site_id: ctx.siteId,
      user_id: a.userId,
      path_id: a.pathId ?? null,
      module_code: a.moduleCode ?? null,
      due_at: a.dueAt,
      assigned_by: ctx.userId,
      deleted_at: null,
    });
    if (!fresh)
      await ctx.write.update('training_assignments', id, {
        due_at: a.dueAt,
        assigned_by: ctx.userId,
        deleted_at: null,
      });
  },
});

export const submitFeedback = defineMutation({
  name: 'training.feedback',
  version: 1,
  authority: 'training.take',
  args: z
    .object({
      id: z.uuid(),
      moduleId: z.uuid(),
      content: z.number().int().min(1).max(5),
      instructor: z.number().int().min(1).max(5).nullable(),
      materials: z.number().int().min(1).max(5),
      comment: z.string().trim().max(1000),
    })
    .strict(),
  async run(ctx, a) {
    const userId = requireUser(ctx);
    await visibleModule(ctx, a.moduleId);
    await ctx.write.insert('training_feedback', {
      id: a.id,
      site_id: ctx.siteId,
      user_id: userId,
      module_id: a.moduleId,
      content_rating: a.content,
      instructor_rating: a.instructor,
      materials_rating: a.materials,
      comment: a.comment,
    });
  },
});

/**
 * The daily expiry job's record: one audit entry per certificate that has expired, with an id
 * derived from the certificate so two kiosks marking the same one write one entry. Certificates
 * stay insert-only; their status is computed from the expiry date wherever they are read.
 */
export const markCertificatesExpired = defineMutation({
  name: 'training.markExpired',
  audit: 'own',
  version: 1,
  authority: 'device',
  args: z.object({ certificateIds: z.array(z.uuid()).min(1).max(500) }).strict(),
  async run(ctx, a) {
    const certs = await ctx.db
      .selectFrom('training_certificates')
      .select(['id', 'user_id', 'number', 'expires_at'])
      .where('id', 'in', a.certificateIds)
      .where('site_id', '=', ctx.siteId)
      .execute();
    for (const c of certs) {
      if (!c.expires_at || c.expires_at > ctx.now) continue;
      await ctx.write.insertIfAbsent('audit_log', {
        id: expiryAuditId(c.id),
        site_id: ctx.siteId,
        action: 'training.certificate_expired',
        actor_user_id: null,
        subject_user_id: c.user_id,
        device_id: ctx.deviceId,
        hlc: ctx.hlc,
        detail: JSON.stringify({ number: c.number, expiredAt: c.expires_at }),
      });
    }
  },
});

export const expiryAuditId = (certificateId: string) => derivedId('training_certificate_expired', certificateId);

/** Named mutations of the training area, merged into MUTATIONS (shared/mutations/index.ts). */
export const TRAINING_MUTATIONS: readonly MutationDef[] = [
  registerSigningKey,
  recordSectionProgress,
  startAttempt,
  submitAttempt,
  issueRosterCertificate,
  revokeCertificate,
  assignTraining,
  submitFeedback,
  markCertificatesExpired,
  ...SESSION_MUTATIONS,
  ...AUTHORING_MUTATIONS,
  ...PRACTICAL_MUTATIONS,
  recordReportExport,
  setCertificateTemplate,
] as MutationDef[];
