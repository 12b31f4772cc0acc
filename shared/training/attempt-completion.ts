import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { AppError } from '../errors.js';
import type { MutationContext } from '../mutations/define.js';
import type { SyncedDatabase } from '../schema.js';
import { scoreOutcome, type AssessmentOutcome, type Signoff } from './assessment-scoring.js';
import { certificateArgs, storeCertificate } from './certificate-store.js';
import type { GivenAnswer } from './scoring.js';
import type { TrainingAttemptRow, TrainingModuleRow } from './schema.js';

type Reader = Pick<MutationContext, 'db'>;

/**
 * An attempt's outcome from what is recorded: its responses and its practical sign-offs. A kiosk
 * previews the outcome of what it is about to record (answers, sign-offs) to decide whether to sign
 * a certificate; recorded verdicts win over previewed ones, as the insert-only rows will.
 */
export async function attemptOutcome(
  ctx: Reader,
  attempt: Pick<TrainingAttemptRow, 'id' | 'answered_at'>,
  mod: Pick<TrainingModuleRow, 'id' | 'pass_threshold'>,
  preview: { answers?: readonly GivenAnswer[]; signoffs?: readonly Signoff[] } = {},
): Promise<AssessmentOutcome> {
  const db = ctx.db;
  const [questions, responses, items, signoffs] = await Promise.all([
    db
      .selectFrom('training_questions')
      .select(['id', 'weight', 'correct'])
      .where('module_id', '=', mod.id)
      .where('deleted_at', 'is', null)
      .execute(),
    db
      .selectFrom('training_responses')
      .select(['question_id', 'selected'])
      .where('attempt_id', '=', attempt.id)
      .execute(),
    practicalItemsOf(db, mod.id),
    db
      .selectFrom('training_practical_signoffs')
      .select(['item_id', 'competent'])
      .where('attempt_id', '=', attempt.id)
      .execute(),
  ]);
  return scoreOutcome({
    questions: questions.map((q) => ({ id: q.id, weight: q.weight, correct: JSON.parse(q.correct) as string[] })),
    answers:
      preview.answers ??
      responses.map((r) => ({ questionId: r.question_id, selected: JSON.parse(r.selected) as string[] })),
    answered: attempt.answered_at !== null || preview.answers !== undefined,
    items: items.map((i) => ({ id: i.id, weight: i.weight, critical: i.critical === 1 })),
    signoffs: [
      ...signoffs.map((s) => ({ itemId: s.item_id, competent: s.competent === 1 })),
      ...(preview.signoffs ?? []).filter((p) => !signoffs.some((s) => s.item_id === p.itemId)),
    ],
    passThreshold: mod.pass_threshold,
  });
}

export const practicalItemsOf = (db: Kysely<SyncedDatabase>, moduleId: string) =>
  db
    .selectFrom('training_practical_items')
    .selectAll()
    .where('module_id', '=', moduleId)
    .where('deleted_at', 'is', null)
    .orderBy('position')
    .execute();

/**
 * Scores and closes an attempt once it is complete (every question answered, every practical item
 * signed off), whichever mutation brought the last piece: the learner's submission on one kiosk or
 * the instructor's last sign-off on another. A certificate, when the kiosk signed one, is stored
 * only for a passed, complete attempt.
 */
export async function completeIfReady(
  ctx: MutationContext,
  attempt: TrainingAttemptRow,
  mod: TrainingModuleRow,
  certificate: z.infer<typeof certificateArgs> | undefined,
): Promise<AssessmentOutcome> {
  const outcome = await attemptOutcome(ctx, attempt, mod);
  if (!outcome.complete) {
    if (certificate)
      throw new AppError('CONFLICT', 'A certificate was claimed for an assessment that is not complete yet.', {
        pendingItems: outcome.pendingItems,
      });
    return outcome;
  }
  await ctx.write.update('training_attempts', attempt.id, {
    submitted_at: ctx.now,
    score: outcome.score,
    passed: outcome.passed ? 1 : 0,
  });
  if (!certificate) return outcome;
  if (!outcome.passed)
    throw new AppError(
      'CONFLICT',
      outcome.failedCritical.length
        ? 'A certificate was claimed, but a critical practical item was judged not competent.'
        : `A certificate was claimed for a score of ${outcome.score}, below the pass mark of ${mod.pass_threshold}.`,
      { score: outcome.score },
    );
  await storeCertificate(ctx, certificate, {
    userId: attempt.user_id,
    moduleCode: mod.code,
    moduleId: mod.id,
    version: mod.version,
    score: outcome.score,
    attemptId: attempt.id,
    validityDays: mod.validity_days,
  });
  return outcome;
}
