import { AppError } from '../errors.js';
import type { MutationContext } from '../mutations/define.js';

/** Fuel is a vessel's area: a restaurant has none, on the kiosk and again on the server. */
export async function requireVessel(ctx: MutationContext): Promise<void> {
  const site = await ctx.db.selectFrom('sites').select('kind').where('id', '=', ctx.siteId).executeTakeFirst();
  if (site?.kind !== 'vessel')
    throw new AppError('FORBIDDEN', 'Fuel logs belong to vessels; this site is not a vessel.', { field: 'siteId' });
}
