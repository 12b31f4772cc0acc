import type { Kysely } from 'kysely';
import { AppError } from '../../../shared/errors.js';
import { can } from '../../../shared/permissions.js';
import type { SyncedDatabase } from '../../../shared/schema.js';
import { attemptOutcome, practicalItemsOf } from '../../../shared/training/attempt-completion.js';
import type { practicalContract } from '../../../shared/training/practical-contract.js';
import { signOffPractical } from '../../../shared/training/practical-mutations.js';
import type { Handlers } from '../api/dispatcher.js';
import type { HandlerDeps } from '../api/handler-deps.js';
import { issuerFacts } from './certificate-template.js';
import { prepareCertificate } from './issue-certificate.js';
import { deviceSigningKey } from './signing-key.js';

type PracticalHandlers = Pick<Handlers, keyof typeof practicalContract>;

/** Practical assessments: what waits for an instructor here, and their sign-off with their PIN. */
export function createPracticalHandlers(deps: HandlerDeps): PracticalHandlers {
  const db = deps.store.db as unknown as Kysely<SyncedDatabase>;
  const now = () => new Date(deps.clock.now()).toISOString();

  const openAttempt = async (siteId: string, attemptId: string) => {
    const attempt = await db
      .selectFrom('training_attempts')
      .selectAll()
      .where('id', '=', attemptId)
      .where('site_id', '=', siteId)
      .executeTakeFirst();
    if (!attempt) throw new AppError('NOT_FOUND', 'That assessment is not here (yet): sync and try again.');
    const mod = await db
      .selectFrom('training_modules')
      .selectAll()
      .where('id', '=', attempt.module_id)
      .executeTakeFirstOrThrow();
    return { attempt, mod };
  };

  return {
    'training.practicalPending': async () => {
      const site = await deps.site();
      const open = await db
        .selectFrom('training_attempts as a')
        .innerJoin('training_modules as m', 'm.id', 'a.module_id')
        .innerJoin('users as u', 'u.id', 'a.user_id')
        .select(['a.id', 'a.user_id', 'a.started_at', 'a.answered_at', 'm.id as module_id', 'm.code', 'm.title_en'])
        .select(['m.title_fr', 'u.display_name'])
        .where('a.site_id', '=', site.id)
        .where('a.submitted_at', 'is', null)
        .where((eb) =>
          eb.exists(
            eb
              .selectFrom('training_practical_items as i')
              .select('i.id')
              .whereRef('i.module_id', '=', 'a.module_id')
              .where('i.deleted_at', 'is', null),
          ),
        )
        .orderBy('a.started_at')
        .execute();
      const attempts = [];
      for (const a of open) {
        const items = await practicalItemsOf(db, a.module_id);
        const verdicts = new Map(
          (
            await db
              .selectFrom('training_practical_signoffs')
              .select(['item_id', 'competent'])
              .where('attempt_id', '=', a.id)
              .execute()
          ).map((s) => [s.item_id, s.competent === 1]),
        );
        const questions = await db
          .selectFrom('training_questions')
          .select('id')
          .where('module_id', '=', a.module_id)
          .where('deleted_at', 'is', null)
          .execute();
        attempts.push({
          attemptId: a.id,
          learner: { id: a.user_id, name: a.display_name },
          module: { id: a.module_id, code: a.code, title: { en: a.title_en, fr: a.title_fr } },
          startedAt: a.started_at,
          writtenDone: questions.length === 0 || a.answered_at !== null,
          items: items.map((i) => {
            const v = verdicts.get(i.id);
            return {
              id: i.id,
              title: { en: i.title_en, fr: i.title_fr },
              weight: i.weight,
              critical: i.critical === 1,
              verdict: v === undefined ? null : v ? ('competent' as const) : ('not_competent' as const),
            };
          }),
        });
      }
      const people = await db
        .selectFrom('user_roles as ur')
        .innerJoin('users as u', 'u.id', 'ur.user_id')
        .innerJoin('roles as r', 'r.id', 'ur.role_id')
        .select(['u.id', 'u.display_name', 'r.permissions'])
        .where('ur.site_id', '=', site.id)
        .where('ur.deleted_at', 'is', null)
        .where('u.deleted_at', 'is', null)
        .orderBy('u.display_name')
        .execute();
      const instructors = people
        .filter((p) => can(JSON.parse(p.permissions) as string[], 'training.observe'))
        .map((p) => ({ id: p.id, name: p.display_name }));
      return { attempts, instructors };
    },

    'training.signOffPractical': async (input, ctx) => {
      const site = await deps.site();
      const instructor = await deps.auth.confirmOtherPin(input.instructorId, input.pin);
      if (!can(instructor.permissions, 'training.observe'))
        throw new AppError('FORBIDDEN', 'That person may not sign off practical assessments; ask an instructor.', {
          field: 'instructorId',
        });
      const { attempt, mod } = await openAttempt(site.id, input.attemptId);
      const preview = await attemptOutcome({ db }, attempt, mod, {
        signoffs: input.items.map((i) => ({ itemId: i.itemId, competent: i.competent })),
      });
      let certificate;
      if (preview.passed) {
        const holder = await db
          .selectFrom('users')
          .select('display_name')
          .where('id', '=', attempt.user_id)
          .executeTakeFirstOrThrow();
        certificate = prepareCertificate(
          {
            userId: attempt.user_id,
            holder: holder.display_name,
            module: mod,
            score: preview.score,
            ...(await issuerFacts(db, site)),
            issuedAt: now(),
          },
          await deviceSigningKey(deps.store, deps.runner),
        );
      }
      const person = ctx.signedIn!.person;
      await deps.runner.run(
        signOffPractical,
        { attemptId: input.attemptId, instructorId: input.instructorId, items: input.items, certificate },
        { userId: person.id, permissions: person.permissions },
      );
      const stored = await db
        .selectFrom('training_attempts')
        .select(['submitted_at', 'score', 'passed'])
        .where('id', '=', input.attemptId)
        .executeTakeFirstOrThrow();
      const complete = stored.submitted_at !== null;
      return {
        complete,
        score: complete ? stored.score : null,
        passed: complete ? stored.passed === 1 : null,
        certificateId: complete && certificate ? certificate.id : null,
      };
    },
  };
}
