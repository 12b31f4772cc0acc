import { z } from 'zod';
import type { MethodSpec } from '../api/method-spec.js';

/**
 * API methods of practical assessments (merged into trainingContract): the attempts of this site
 * waiting for an instructor, and the instructor's PIN-confirmed sign-off of their items.
 */
const method = <I extends z.ZodType, O extends z.ZodType>(spec: MethodSpec<I, O>) => spec;
const l10n = z.object({ en: z.string(), fr: z.string() });

export const pendingPractical = z.object({
  attemptId: z.uuid(),
  learner: z.object({ id: z.uuid(), name: z.string() }),
  module: z.object({ id: z.uuid(), code: z.string(), title: l10n }),
  startedAt: z.string(),
  /** The written part (questions) is answered, or there is none. */
  writtenDone: z.boolean(),
  items: z.array(
    z.object({
      id: z.uuid(),
      title: l10n,
      weight: z.number().int(),
      critical: z.boolean(),
      verdict: z.enum(['competent', 'not_competent']).nullable(),
    }),
  ),
});

export const practicalContract = {
  'training.practicalPending': method({
    access: 'training.take',
    input: z.object({}).strict(),
    output: z.object({
      attempts: z.array(pendingPractical),
      /** Who may sign off at this site (holders of training.observe). */
      instructors: z.array(z.object({ id: z.uuid(), name: z.string() })),
    }),
  }),
  'training.signOffPractical': method({
    access: 'training.take',
    input: z
      .object({
        attemptId: z.uuid(),
        instructorId: z.uuid(),
        pin: z.string().regex(/^\d{4,8}$/, 'A PIN is 4 to 8 digits'),
        items: z
          .array(z.object({ itemId: z.uuid(), competent: z.boolean(), note: z.string().trim().max(500) }).strict())
          .min(1)
          .max(50),
      })
      .strict(),
    output: z.object({
      complete: z.boolean(),
      score: z.number().nullable(),
      passed: z.boolean().nullable(),
      certificateId: z.uuid().nullable(),
    }),
  }),
} as const;
