import { AppError } from '../errors.js';
import type { MutationContext } from '../mutations/define.js';
import type { Permission } from '../permissions.js';

/** Table service exists at restaurants only: a vessel has no tables nor kitchen display. */
export async function requireRestaurant(ctx: MutationContext): Promise<void> {
  const site = await ctx.db.selectFrom('sites').select('kind').where('id', '=', ctx.siteId).executeTakeFirst();
  if (site?.kind !== 'restaurant')
    throw new AppError('FORBIDDEN', 'Table service is for restaurants; this site has no tables or kitchen.');
}

/** Refuses unless the actor holds one of `needed` (mutations open to several roles check here). */
export function requireAny(ctx: MutationContext, needed: readonly Permission[], what: string): void {
  if (ctx.replaying) return;
  if (!needed.some((p) => ctx.permissions.includes(p)))
    throw new AppError('FORBIDDEN', `Your role may not ${what}. Ask a manager.`, { permissions: needed });
}

/**
 * The permissions a person holds at the site, read from the synced roles: the same query on the
 * kiosk and on the server, so a manager's approval is checked again where it is applied.
 */
export async function permissionsAt(ctx: MutationContext, userId: string): Promise<string[]> {
  const row = await ctx.db
    .selectFrom('user_roles as ur')
    .innerJoin('users as u', 'u.id', 'ur.user_id')
    .innerJoin('roles as r', 'r.id', 'ur.role_id')
    .select('r.permissions')
    .where('ur.user_id', '=', userId)
    .where('ur.site_id', '=', ctx.siteId)
    .where('ur.deleted_at', 'is', null)
    .where('u.deleted_at', 'is', null)
    .where('u.active', '=', 1)
    .executeTakeFirst();
  if (!row) return [];
  try {
    const p: unknown = JSON.parse(row.permissions);
    return Array.isArray(p) ? p.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

/** A void or comp stands only with the approval of someone allowed to give it. */
export async function requireApprover(ctx: MutationContext, approverId: string): Promise<void> {
  if (!(await permissionsAt(ctx, approverId)).includes('tables.approve'))
    throw new AppError('FORBIDDEN', 'A void or comp needs the PIN of a manager (someone who may approve them).', {
      field: 'approverId',
    });
}
