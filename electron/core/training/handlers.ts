import type { Kysely } from 'kysely';
import { actorOf } from '../api/actor.js';
import { AppError } from '../../../shared/errors.js';
import { newId } from '../../../shared/ids.js';
import type { SyncedDatabase } from '../../../shared/schema.js';
import {
  certificateToken,
  issuerOf,
  verifyCertificate,
  type CertificatePayload,
} from '../../../shared/training/certificate-signing.js';
import { certificateStatus } from '../../../shared/training/certificate-status.js';
import {
  assignTraining,
  revokeCertificate,
  startAttempt,
  submitAttempt,
  submitFeedback,
  recordSectionProgress,
  issueRosterCertificate,
} from '../../../shared/training/mutations.js';
import { assessmentKind } from '../../../shared/training/assessment-scoring.js';
import { attemptOutcome, practicalItemsOf } from '../../../shared/training/attempt-completion.js';
import type { HandlerDeps } from '../api/handler-deps.js';
import type { CallContext } from '../api/dispatcher.js';
import { certificatePdf } from './certificate-pdf.js';
import { createCertificateHandlers } from './certificate-handlers.js';
import { certificateTemplate, issuerFacts } from './certificate-template.js';
import { prepareCertificate } from './issue-certificate.js';
import { catalog, certificatesOf, moduleDetail, offeredModules } from './queries.js';
import { createSessionHandlers } from './session-handlers.js';
import { createAuthoringHandlers } from './authoring-handlers.js';
import { createPracticalHandlers } from './practical-handlers.js';
import { createReportHandlers } from './report-handlers.js';
import { trainingAnalytics } from './analytics.js';
import { deviceSigningKey } from './signing-key.js';

const me = (ctx: CallContext) => ctx.signedIn!.person;

/** Handlers of the training area's API methods (shared/training/contract.ts). */
export function createTrainingHandlers(deps: HandlerDeps) {
  const db = deps.store.db as unknown as Kysely<SyncedDatabase>;
  const now = () => new Date(deps.clock.now()).toISOString();
  const siteId = async () => (await deps.site()).id;

  const certificateView = (c: Awaited<ReturnType<typeof certificatesOf>>[number]) => {
    const p = JSON.parse(c.payload) as CertificatePayload;
    return {
      id: c.id,
      number: c.number,
      verificationCode: c.verification_code,
      moduleTitle: { en: c.title_en, fr: c.title_fr },
      holder: p.h,
      score: p.sc,
      issuedAt: c.issued_at,
      expiresAt: c.expires_at,
      status: c.status,
      token: certificateToken(c.payload, c.signature),
    };
  };

  return {
    ...createSessionHandlers(deps),
    ...createAuthoringHandlers(deps),
    ...createPracticalHandlers(deps),
    ...createReportHandlers(deps),
    ...createCertificateHandlers(deps),
    'training.analytics': async () => trainingAnalytics(db, await siteId(), now()),

    'training.catalog': async (_input: unknown, ctx: CallContext) =>
      catalog(db, await siteId(), me(ctx).id, me(ctx).roleCode, now()),

    'training.module': async (input: { moduleId: string }, ctx: CallContext) => {
      const detail = await moduleDetail(db, await siteId(), me(ctx).id, me(ctx).roleCode, input.moduleId, now());
      if (!detail) throw new AppError('NOT_FOUND', 'That training module does not exist here.');
      return detail;
    },

    'training.recordSection': async (
      input: { sectionId: string; secondsSpent: number; completed: boolean; bookmarked?: boolean },
      ctx: CallContext,
    ) => {
      await deps.runner.run(recordSectionProgress, input, actorOf(ctx));
      return { ok: true as const };
    },

    'training.startAssessment': async (input: { moduleId: string }, ctx: CallContext) => {
      const attemptId = newId();
      await deps.runner.run(startAttempt, { attemptId, moduleId: input.moduleId }, actorOf(ctx));
      const m = await db
        .selectFrom('training_modules')
        .select(['pass_threshold'])
        .where('id', '=', input.moduleId)
        .executeTakeFirstOrThrow();
      const items = await practicalItemsOf(db, input.moduleId);
      const questions = await db
        .selectFrom('training_questions')
        .selectAll()
        .where('module_id', '=', input.moduleId)
        .where('deleted_at', 'is', null)
        .orderBy('position')
        .execute();
      return {
        attemptId,
        passThreshold: m.pass_threshold,
        kind: assessmentKind(
          questions.map((q) => ({ scenario: q.scenario_en })),
          items.length,
        ),
        questions: questions.map((q) => ({
          id: q.id,
          kind: q.kind,
          prompt: { en: q.prompt_en, fr: q.prompt_fr },
          options: JSON.parse(q.options) as { id: string; en: string; fr: string }[],
          weight: q.weight,
          scenario: q.scenario_en === null ? null : { en: q.scenario_en, fr: q.scenario_fr ?? '' },
        })),
        practicalItems: items.map((i) => ({
          id: i.id,
          title: { en: i.title_en, fr: i.title_fr },
          weight: i.weight,
          critical: i.critical === 1,
        })),
      };
    },

    'training.submitAssessment': async (
      input: {
        attemptId: string;
        answers: { questionId: string; selected: string[]; responseMs: number; confidence?: number | null }[];
      },
      ctx: CallContext,
    ) => {
      const person = me(ctx);
      const attempt = await db
        .selectFrom('training_attempts')
        .selectAll()
        .where('id', '=', input.attemptId)
        .where('user_id', '=', person.id)
        .executeTakeFirst();
      if (!attempt) throw new AppError('NOT_FOUND', 'That attempt does not exist.');
      const mod = await db
        .selectFrom('training_modules')
        .selectAll()
        .where('id', '=', attempt.module_id)
        .executeTakeFirstOrThrow();
      const questions = await db
        .selectFrom('training_questions')
        .selectAll()
        .where('module_id', '=', mod.id)
        .where('deleted_at', 'is', null)
        .orderBy('position')
        .execute();
      // The mutator scores again from the recorded responses and sign-offs (and the server once
      // more); this preview only decides whether to sign a certificate to send with it.
      const preview = await attemptOutcome({ db }, attempt, mod, { answers: input.answers });
      const site = await deps.site();
      const certificate = preview.passed
        ? prepareCertificate(
            {
              userId: person.id,
              holder: person.displayName,
              module: mod,
              score: preview.score,
              ...(await issuerFacts(db, site)),
              issuedAt: now(),
            },
            await deviceSigningKey(deps.store, deps.runner),
          )
        : undefined;
      await deps.runner.run(
        submitAttempt,
        {
          attemptId: input.attemptId,
          answers: input.answers.map((a) => ({
            responseId: newId(),
            questionId: a.questionId,
            selected: a.selected,
            responseMs: a.responseMs,
            confidence: a.confidence ?? null,
          })),
          ...(certificate ? { certificate } : {}),
        },
        actorOf(ctx),
      );
      const stored = await db
        .selectFrom('training_attempts')
        .select(['score', 'passed'])
        .where('id', '=', input.attemptId)
        .executeTakeFirstOrThrow();
      const given = new Map(input.answers.map((a) => [a.questionId, a.selected]));
      return {
        score: stored.score ?? preview.score,
        passed: stored.passed === 1,
        complete: preview.complete,
        pendingItems: preview.pendingItems.length,
        passThreshold: mod.pass_threshold,
        certificateId: certificate?.id ?? null,
        review: questions.map((q) => ({
          questionId: q.id,
          prompt: { en: q.prompt_en, fr: q.prompt_fr },
          options: JSON.parse(q.options) as { id: string; en: string; fr: string }[],
          selected: given.get(q.id) ?? [],
          correct: JSON.parse(q.correct) as string[],
          isCorrect: preview.correct[q.id],
          explanation: { en: q.explanation_en, fr: q.explanation_fr },
          weight: q.weight,
        })),
      };
    },

    'training.certificates': async (_input: unknown, ctx: CallContext) =>
      (await certificatesOf(db, me(ctx).id, await siteId(), now())).map(certificateView),

    'training.certificatePdf': async (input: { certificateId: string; locale: 'en' | 'fr' }, ctx: CallContext) => {
      const mine = await certificatesOf(db, null, await siteId(), now());
      const c = mine.find((x) => x.id === input.certificateId);
      const mayView = c && (c.user_id === me(ctx).id || me(ctx).permissions.includes('training.assign'));
      if (!c || !mayView) throw new AppError('NOT_FOUND', 'That certificate does not exist here.');
      const pdf = await certificatePdf(
        JSON.parse(c.payload) as CertificatePayload,
        certificateToken(c.payload, c.signature),
        input.locale,
        await certificateTemplate(db, await siteId()),
      );
      return { fileName: `${c.number}-${input.locale}.pdf`, base64: Buffer.from(pdf).toString('base64') };
    },

    'training.verifyCertificate': async (input: { token: string }) => {
      const keys = await db
        .selectFrom('training_signing_keys')
        .select(['key_id', 'public_key'])
        .where('revoked_at', 'is', null)
        .execute();
      const r = verifyCertificate(input.token, new Map(keys.map((k) => [k.key_id, k.public_key])));
      if (!r.ok)
        return {
          valid: false,
          trusted: false,
          reason: r.reason,
          status: null,
          number: null,
          holder: null,
          moduleTitle: null,
          issuedAt: null,
          expiresAt: null,
          issuer: null,
        };
      const p = r.payload;
      const stored = await db
        .selectFrom('training_certificates')
        .select('id')
        .where('number', '=', p.n)
        .executeTakeFirst();
      const revoked = stored
        ? !!(await db
            .selectFrom('training_certificate_revocations')
            .select('id')
            .where('certificate_id', '=', stored.id)
            .executeTakeFirst())
        : false;
      return {
        valid: true,
        trusted: r.trusted,
        reason: r.trusted ? null : 'unknown_key',
        status: certificateStatus(p.e, revoked, now()),
        number: p.n,
        holder: p.h,
        moduleTitle: { en: p.te, fr: p.tf },
        issuedAt: p.i,
        expiresAt: p.e,
        issuer: issuerOf(p),
      };
    },

    'training.feedback': async (
      input: { moduleId: string; content: number; instructor: number | null; materials: number; comment: string },
      ctx: CallContext,
    ) => {
      await deps.runner.run(submitFeedback, { id: newId(), ...input }, actorOf(ctx));
      return { ok: true as const };
    },

    'training.team': async () => {
      const site = await deps.site();
      const people = await db
        .selectFrom('user_roles as ur')
        .innerJoin('users as u', 'u.id', 'ur.user_id')
        .innerJoin('roles as r', 'r.id', 'ur.role_id')
        .select(['u.id', 'u.display_name', 'r.code'])
        .where('ur.site_id', '=', site.id)
        .where('ur.deleted_at', 'is', null)
        .where('u.deleted_at', 'is', null)
        .orderBy('u.display_name')
        .execute();
      const modules = await offeredModules(db, site.id);
      const paths = await db
        .selectFrom('training_paths')
        .selectAll()
        .where('deleted_at', 'is', null)
        .where((eb) => eb.or([eb('site_id', 'is', null), eb('site_id', '=', site.id)]))
        .orderBy('code')
        .execute();
      return {
        people: people.map((p) => ({ id: p.id, name: p.display_name, roleCode: p.code })),
        paths: paths.map((p) => ({ id: p.id, code: p.code, title: { en: p.title_en, fr: p.title_fr } })),
        modules: modules.map((m) => ({ id: m.id, code: m.code, title: { en: m.title_en, fr: m.title_fr } })),
      };
    },
    'training.assign': async (
      input: { userId: string; pathId?: string; moduleCode?: string; dueAt: string | null },
      ctx: CallContext,
    ) => {
      await deps.runner.run(assignTraining, input, actorOf(ctx));
      return { ok: true as const };
    },
    'training.revokeCertificate': async (input: { certificateId: string; reason: string }, ctx: CallContext) => {
      await deps.runner.run(revokeCertificate, { id: newId(), ...input }, actorOf(ctx));
      return { ok: true as const };
    },
    'training.issueRosterCertificates': async (input: { sessionId: string }, ctx: CallContext) => {
      const site = await deps.site();
      const session = await db
        .selectFrom('training_sessions')
        .selectAll()
        .where('id', '=', input.sessionId)
        .where('site_id', '=', site.id)
        .executeTakeFirst();
      if (!session?.module_id) throw new AppError('NOT_FOUND', 'That session has no module to certify.');
      const mod = await db
        .selectFrom('training_modules')
        .selectAll()
        .where('id', '=', session.module_id)
        .executeTakeFirstOrThrow();
      const members = await db
        .selectFrom('training_enrollments as e')
        .innerJoin('users as u', 'u.id', 'e.user_id')
        .select(['e.user_id', 'u.display_name', 'e.practical_score', 'e.written_score', 'e.attended', 'e.status'])
        .where('e.session_id', '=', input.sessionId)
        .execute();
      const have = new Set(
        (
          await db
            .selectFrom('training_certificates')
            .select('user_id')
            .where('module_id', '=', mod.id)
            .where('attempt_id', 'is', null)
            .execute()
        ).map((c) => c.user_id),
      );
      const key = await deviceSigningKey(deps.store, deps.runner);
      const issuer = await issuerFacts(db, site);
      const invocations = [];
      for (const m of members) {
        if (m.status !== 'enrolled' || m.attended !== 1 || have.has(m.user_id)) continue;
        const score = Math.round((((m.practical_score ?? 0) + (m.written_score ?? 0)) / 2) * 100) / 100;
        if (score < mod.pass_threshold) continue;
        const certificate = prepareCertificate(
          { userId: m.user_id, holder: m.display_name, module: mod, score, ...issuer, issuedAt: now() },
          key,
        );
        invocations.push({
          def: issueRosterCertificate,
          args: { sessionId: input.sessionId, userId: m.user_id, score, certificate },
        });
      }
      if (invocations.length) await deps.runner.runBatch(invocations, actorOf(ctx));
      return { issued: invocations.length };
    },
  };
}
