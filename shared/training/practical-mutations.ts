import { z } from 'zod';
import { AppError } from '../errors.js';
import { derivedId } from '../ids.js';
import type { MutationDef } from '../mutations/define.js';
import { defineMutation } from '../mutations/define.js';
import { can } from '../permissions.js';
import { permissionsAt } from '../tables/guards.js';
import { completeIfReady, practicalItemsOf } from './attempt-completion.js';
import { certificateArgs } from './certificate-store.js';
import { visibleModule } from './module-access.js';

/** One verdict per (attempt, item): a second kiosk signing the same item writes the same row. */
export const signoffId = (attemptId: string, itemId: string) =>
  derivedId('training_practical_signoff', attemptId, itemId);

/**
 * An instructor's sign-off of practical items of a learner's attempt, on whichever kiosk the
 * demonstration happens (the attempt may have started on another). The kiosk checked the
 * instructor's PIN (auth.confirmOtherPin); this mutator, on the kiosk and again on the server,
 * checks that the instructor may observe at this site and is not the learner. The last item signed
 * (with the written part answered) scores and closes the attempt, with the certificate the
 * signing kiosk prepared when it passes.
 */
export const signOffPractical = defineMutation({
  name: 'assessment.signOffPractical',
  version: 1,
  authority: 'training.take',
  args: z
    .object({
      attemptId: z.uuid(),
      instructorId: z.uuid(),
      items: z
        .array(z.object({ itemId: z.uuid(), competent: z.boolean(), note: z.string().trim().max(500) }).strict())
        .min(1)
        .max(50),
      certificate: certificateArgs.optional(),
    })
    .strict(),
  async run(ctx, a) {
    const attempt = await ctx.db
      .selectFrom('training_attempts')
      .selectAll()
      .where('id', '=', a.attemptId)
      .executeTakeFirst();
    if (!attempt || attempt.site_id !== ctx.siteId)
      throw new AppError('NOT_FOUND', 'That attempt does not exist at this site.', { field: 'attemptId' });
    if (attempt.submitted_at) throw new AppError('CONFLICT', 'This assessment is already complete.');
    if (attempt.user_id === a.instructorId)
      throw new AppError('FORBIDDEN', 'A learner cannot sign off their own practical: ask an instructor.', {
        field: 'instructorId',
      });
    if (!ctx.replaying && !can(await permissionsAt(ctx, a.instructorId), 'training.observe'))
      throw new AppError('FORBIDDEN', 'That person may not sign off practical assessments; ask an instructor.', {
        field: 'instructorId',
      });
    const mod = await visibleModule(ctx, attempt.module_id);
    const items = new Set((await practicalItemsOf(ctx.db, mod.id)).map((i) => i.id));
    for (const item of a.items) {
      if (!items.has(item.itemId))
        throw new AppError('VALIDATION_FAILED', 'That item is not part of this practical assessment.', {
          field: 'itemId',
          itemId: item.itemId,
        });
      // A verdict stands once given (insert-only): signing it again changes nothing.
      await ctx.write.insertIfAbsent('training_practical_signoffs', {
        id: signoffId(attempt.id, item.itemId),
        site_id: ctx.siteId,
        attempt_id: attempt.id,
        item_id: item.itemId,
        instructor_id: a.instructorId,
        competent: item.competent ? 1 : 0,
        note: item.note,
      });
    }
    await completeIfReady(ctx, attempt, mod, a.certificate);
  },
});

export const PRACTICAL_MUTATIONS: readonly MutationDef[] = [signOffPractical] as MutationDef[];
