import { z } from 'zod';
import { AppError } from '../errors.js';
import type { MutationContext } from '../mutations/define.js';
import { defineMutation } from '../mutations/define.js';
import { billLineOf, sessionLines, sessionPayments } from './bill-rows.js';
import { requireRestaurant } from './guards.js';
import { billTotalCents } from './money.js';
import { sessionMeant } from './session-aliases.js';
import { balanceDue } from './split.js';
import { nextTableSessionId, tableSessionAliasId } from './table-ids.js';

const guests = z.number().int().min(1).max(40);

async function tableOf(ctx: MutationContext, tableId: string) {
  const t = await ctx.db
    .selectFrom('dining_tables')
    .select(['id', 'label', 'seats'])
    .where('id', '=', tableId)
    .where('site_id', '=', ctx.siteId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!t) throw new AppError('NOT_FOUND', 'That table is not on the floor plan any more.', { field: 'tableId' });
  return t;
}

const openSessionOn = (ctx: MutationContext, tableId: string) =>
  ctx.db
    .selectFrom('table_sessions')
    .select(['id', 'waiter_id'])
    .where('site_id', '=', ctx.siteId)
    .where('table_id', '=', tableId)
    .where('status', '=', 'open')
    .where('deleted_at', 'is', null)
    .executeTakeFirst();

/**
 * The session of this site that the acting device means by `sessionId` (its alias when it had
 * opened the table under an id that was taken), or NOT_FOUND naming the field. Writes go to the
 * returned row's id, never to the id in the arguments.
 */
export async function sessionOf(ctx: MutationContext, sessionId: string, field = 'sessionId') {
  const meant = await sessionMeant(ctx.db, ctx.siteId, sessionId, ctx.deviceId);
  const s = await ctx.db
    .selectFrom('table_sessions')
    .selectAll()
    .where('id', '=', meant)
    .where('site_id', '=', ctx.siteId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!s) throw new AppError('NOT_FOUND', 'That table is not open (closed on another kiosk?).', { field });
  return s;
}

export async function openSessionOf(ctx: MutationContext, sessionId: string, field = 'sessionId') {
  const s = await sessionOf(ctx, sessionId, field);
  if (s.status !== 'open')
    throw new AppError('CONFLICT', 'That table was already closed or merged into another; open it again.', {
      field,
      status: s.status,
    });
  return s;
}

/** How far a stale kiosk's id may be from a free one: each step is one service it missed. */
const MAX_CHAIN = 50;

/**
 * Opens a table for its guests, with the waiter who serves it. The id is derived from the table
 * and how many services it has had, so two kiosks opening the same table offline open one session.
 *
 * A kiosk that missed a service derives an id that is taken (by a session that ended, or one
 * moved to another table). Then, the same way on every replica and at shore: if the table has an
 * open session the guests join it; otherwise the next free id of the chain
 * (`nextTableSessionId`) is opened. Either way an alias records which session this device's id
 * stands for, so its orders and payments under that id follow (shared/tables/session-aliases.ts).
 */
export const openSession = defineMutation({
  name: 'tables.openSession',
  version: 1,
  authority: 'tables.serve',
  args: z.object({ id: z.uuid(), tableId: z.uuid(), guests, waiterId: z.uuid() }).strict(),
  async run(ctx, a) {
    await requireRestaurant(ctx);
    const table = await tableOf(ctx, a.tableId);
    const open = await openSessionOn(ctx, a.tableId);
    if (open?.id === a.id) return;
    let target = a.id;
    if (!open) {
      for (let step = 0; ; step += 1) {
        const taken = await ctx.db
          .selectFrom('table_sessions')
          .select('id')
          .where('id', '=', target)
          .executeTakeFirst();
        if (!taken) break;
        if (step === MAX_CHAIN)
          throw new AppError('CONFLICT', `Table ${table.label} could not be opened; sync this kiosk and try again.`, {
            field: 'tableId',
          });
        target = nextTableSessionId(target);
      }
    }
    const sessionId = open?.id ?? target;
    if (sessionId !== a.id) {
      await ctx.write.insertIfAbsent('table_session_aliases', {
        id: tableSessionAliasId(a.id, ctx.deviceId),
        site_id: ctx.siteId,
        used_id: a.id,
        device_id: ctx.deviceId,
        session_id: sessionId,
      });
    }
    if (open) {
      ctx.notice?.(
        'TABLE_JOINED',
        `Table ${table.label} was already open on another kiosk; this kiosk's orders for it went onto that bill.`,
      );
      return;
    }
    await ctx.write.insert('table_sessions', {
      id: sessionId,
      site_id: ctx.siteId,
      table_id: a.tableId,
      guests: a.guests,
      waiter_id: a.waiterId,
      status: 'open',
      opened_at: ctx.now,
      closed_at: null,
      merged_into: null,
      deleted_at: null,
    });
  },
});

export const setGuests = defineMutation({
  name: 'tables.setGuests',
  version: 1,
  authority: 'tables.serve',
  args: z.object({ sessionId: z.uuid(), guests }).strict(),
  async run(ctx, a) {
    const s = await openSessionOf(ctx, a.sessionId);
    await ctx.write.update('table_sessions', s.id, { guests: a.guests });
  },
});

/** Moves the guests to another table, which must be free. */
export const moveSession = defineMutation({
  name: 'tables.moveSession',
  version: 1,
  authority: 'tables.serve',
  args: z.object({ sessionId: z.uuid(), toTableId: z.uuid() }).strict(),
  async run(ctx, a) {
    const s = await openSessionOf(ctx, a.sessionId);
    if (s.table_id === a.toTableId) return;
    const to = await tableOf(ctx, a.toTableId);
    if (await openSessionOn(ctx, a.toTableId))
      throw new AppError('CONFLICT', `Table ${to.label} is taken; merge the tables instead.`, { field: 'toTableId' });
    await ctx.write.update('table_sessions', s.id, { table_id: a.toTableId });
  },
});

/** Merges one table into another: its lines and payments count on the other's bill from now on. */
export const mergeSessions = defineMutation({
  name: 'tables.mergeSessions',
  version: 1,
  authority: 'tables.serve',
  args: z.object({ sessionId: z.uuid(), intoSessionId: z.uuid() }).strict(),
  async run(ctx, a) {
    const from = await openSessionOf(ctx, a.sessionId);
    const into = await openSessionOf(ctx, a.intoSessionId, 'intoSessionId');
    if (from.id === into.id)
      throw new AppError('VALIDATION_FAILED', 'Pick another table to merge into.', {
        issues: [{ path: 'intoSessionId', message: 'the same table' }],
      });
    if ((await sessionPayments(ctx.db, ctx.siteId, from.id)).length > 0)
      throw new AppError('CONFLICT', 'That table has payments already; close it on its own.', { field: 'sessionId' });
    for (const line of await sessionLines(ctx.db, ctx.siteId, from.id))
      await ctx.write.update('order_lines', line.id, { session_id: into.id });
    await ctx.write.update('table_sessions', into.id, { guests: Math.min(40, into.guests + from.guests) });
    await ctx.write.update('table_sessions', from.id, {
      status: 'merged',
      merged_into: into.id,
      closed_at: ctx.now,
    });
  },
});

/** Closes a table once nothing is left to send and the bill is paid. */
export const closeSession = defineMutation({
  name: 'tables.closeSession',
  version: 1,
  authority: 'tables.serve',
  args: z.object({ sessionId: z.uuid() }).strict(),
  async run(ctx, a) {
    const s = await sessionOf(ctx, a.sessionId);
    if (s.status === 'closed') return;
    if (s.status !== 'open')
      throw new AppError('CONFLICT', 'That table was merged into another; close that one.', { field: 'sessionId' });
    const lines = await sessionLines(ctx.db, ctx.siteId, s.id);
    if (lines.some((l) => l.status === 'pending'))
      throw new AppError('CONFLICT', 'Some items were never sent to the kitchen: send or remove them first.', {
        field: 'sessionId',
      });
    const total = billTotalCents(lines.map(billLineOf));
    const paid = (await sessionPayments(ctx.db, ctx.siteId, s.id)).map((p) => p.amount_cents);
    const due = balanceDue(total, paid);
    if (due > 0)
      throw new AppError('CONFLICT', `The bill is not paid: ${due} cents still due.`, { field: 'sessionId', due });
    await ctx.write.update('table_sessions', s.id, { status: 'closed', closed_at: ctx.now });
  },
});
