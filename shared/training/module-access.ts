import { AppError } from '../errors.js';
import type { MutationContext } from '../mutations/define.js';
import { missingPrerequisites, parsePrerequisites } from './prerequisites.js';

/** A module this site may use: the organisation's or the site's own, published, not deleted. */
export async function visibleModule(ctx: MutationContext, moduleId: string) {
  const m = await ctx.db
    .selectFrom('training_modules')
    .selectAll()
    .where('id', '=', moduleId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!m || (m.site_id !== null && m.site_id !== ctx.siteId))
    throw new AppError('NOT_FOUND', 'That training module does not exist here.', { moduleId });
  if (m.status !== 'published') throw new AppError('CONFLICT', 'That module is not published yet.', { moduleId });
  return m;
}

export const requireUser = (ctx: MutationContext) => {
  if (!ctx.userId) throw new AppError('UNAUTHENTICATED', 'Sign in with your PIN first.');
  return ctx.userId;
};

/**
 * The module codes a person has passed at this site: a passed attempt of any version, or a
 * certificate (a classroom roster's) that is not revoked.
 */
export async function passedCodesOf(ctx: Pick<MutationContext, 'db' | 'siteId'>, userId: string): Promise<Set<string>> {
  const attempts = await ctx.db
    .selectFrom('training_attempts as a')
    .innerJoin('training_modules as m', 'm.id', 'a.module_id')
    .select('m.code')
    .where('a.user_id', '=', userId)
    .where('a.site_id', '=', ctx.siteId)
    .where('a.passed', '=', 1)
    .execute();
  const certs = await ctx.db
    .selectFrom('training_certificates as c')
    .innerJoin('training_modules as m', 'm.id', 'c.module_id')
    .leftJoin('training_certificate_revocations as r', 'r.certificate_id', 'c.id')
    .select('m.code')
    .where('c.user_id', '=', userId)
    .where('c.site_id', '=', ctx.siteId)
    .where('r.id', 'is', null)
    .execute();
  return new Set([...attempts, ...certs].map((r) => r.code));
}

/** Refuses to open a module whose prerequisites the person has not passed (training guide §2). */
export async function requirePrerequisites(
  ctx: MutationContext,
  userId: string,
  mod: { prerequisites: string; code: string },
): Promise<void> {
  const missing = missingPrerequisites(parsePrerequisites(mod.prerequisites), await passedCodesOf(ctx, userId));
  if (missing.length)
    throw new AppError('CONFLICT', `Pass ${missing.join(', ')} first: ${mod.code} opens after it.`, {
      reason: 'prerequisites',
      missing,
    });
}
