import { z } from 'zod';
import { defineMutation } from './define.js';

/**
 * A supervisor has looked at a conflict (a refused, overwritten or dead-lettered change) and dealt
 * with it. The record stays; it is only marked resolved, by whom and when.
 */
export const resolveConflict = defineMutation({
  name: 'conflicts.resolve',
  version: 1,
  authority: 'conflicts.resolve',
  args: z.object({ id: z.uuid() }).strict(),
  run: (ctx, a) => ctx.write.update('conflicts', a.id, { resolved_at: ctx.now, resolved_by: ctx.userId }),
});
