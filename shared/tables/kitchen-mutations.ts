import { z } from 'zod';
import { AppError } from '../errors.js';
import { defineMutation } from '../mutations/define.js';
import type { KitchenTicketRow } from './schema.js';
import { requireAny } from './guards.js';
import { bumped, recalled, TICKET_STATUSES } from './ticket-flow.js';

const stampOf = { preparing: 'acknowledged_at', ready: 'ready_at', served: 'served_at' } as const;

/**
 * Moves a kitchen ticket one step: on (bump) or back (recall). Two kitchen screens bumping the
 * same ticket to the same state agree; a step that no longer follows from the ticket's state
 * (recalled meanwhile) is refused and shows as a conflict.
 */
export const setTicketStatus = defineMutation({
  name: 'tables.setTicketStatus',
  version: 1,
  authority: 'session',
  args: z.object({ ticketId: z.uuid(), to: z.enum(TICKET_STATUSES) }).strict(),
  async run(ctx, a) {
    requireAny(ctx, ['kitchen.display', 'tables.serve'], 'move kitchen tickets');
    const t = await ctx.db
      .selectFrom('kitchen_tickets')
      .selectAll()
      .where('id', '=', a.ticketId)
      .where('site_id', '=', ctx.siteId)
      .executeTakeFirst();
    if (!t) throw new AppError('NOT_FOUND', 'That ticket is not on the kitchen display.', { field: 'ticketId' });
    if (t.status === a.to) return;
    const forward = bumped(t.status) === a.to;
    if (!forward && recalled(t.status) !== a.to)
      throw new AppError('CONFLICT', `That ticket is ${t.status} now; it cannot go to ${a.to} from there.`, {
        field: 'to',
        status: t.status,
      });
    const patch: Partial<KitchenTicketRow> = { status: a.to, status_changed_by: ctx.userId };
    if (forward && a.to !== 'new') patch[stampOf[a.to]] = ctx.now;
    if (!forward && t.status !== 'new') patch[stampOf[t.status]] = null;
    await ctx.write.update('kitchen_tickets', a.ticketId, patch);
  },
});
