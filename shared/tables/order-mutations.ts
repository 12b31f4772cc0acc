import { z } from 'zod';
import { AppError } from '../errors.js';
import type { MutationContext } from '../mutations/define.js';
import { defineMutation } from '../mutations/define.js';
import { parseModifiers } from './bill-rows.js';
import { requireApprover } from './guards.js';
import { routeTickets, stationOf, STATIONS, type Station } from './routing.js';
import { openSessionOf } from './session-mutations.js';
import { kitchenTicketId } from './table-ids.js';

const asStation = (s: string | null): Station | null =>
  s !== null && (STATIONS as readonly string[]).includes(s) ? (s as Station) : null;

/** Adds an item for a seat, priced as the menu says now, with the modifiers the guest chose. */
export const addLine = defineMutation({
  name: 'tables.addLine',
  version: 1,
  authority: 'tables.serve',
  args: z
    .object({
      id: z.uuid(),
      sessionId: z.uuid(),
      itemId: z.uuid(),
      seat: z.number().int().min(1).max(40),
      quantity: z.number().int().min(1).max(99),
      modifierIds: z.array(z.uuid()).max(20),
      note: z.string().trim().max(200).nullable(),
      course: z.number().int().min(1).max(5),
    })
    .strict(),
  async run(ctx, a) {
    const session = await openSessionOf(ctx, a.sessionId);
    if (a.seat > Math.max(session.guests, 1))
      throw new AppError('VALIDATION_FAILED', `Seat ${a.seat} is not at this table (${session.guests} guests).`, {
        issues: [{ path: 'seat', message: 'no such seat' }],
      });
    const item = await ctx.db
      .selectFrom('menu_items as i')
      .innerJoin('menu_categories as c', 'c.id', 'i.category_id')
      .select([
        'i.name_en',
        'i.name_fr',
        'i.price_cents',
        'i.modifiers',
        'i.station',
        'i.available',
        'c.station as cstation',
      ])
      .where('i.id', '=', a.itemId)
      .where('i.site_id', '=', ctx.siteId)
      .where('i.deleted_at', 'is', null)
      .executeTakeFirst();
    if (!item) throw new AppError('NOT_FOUND', 'That item is not on the menu any more.', { field: 'itemId' });
    if (item.available !== 1)
      throw new AppError('CONFLICT', `${item.name_en} is sold out (86) tonight; offer something else.`, {
        field: 'itemId',
      });
    const offered = parseModifiers(item.modifiers);
    const chosen = a.modifierIds.map((id) => {
      const m = offered.find((o) => o.id === id);
      if (!m)
        throw new AppError('VALIDATION_FAILED', `That choice is not offered with ${item.name_en}.`, {
          issues: [{ path: 'modifierIds', message: 'not offered' }],
        });
      return m;
    });
    await ctx.write.insert('order_lines', {
      id: a.id,
      site_id: ctx.siteId,
      session_id: session.id,
      seat: a.seat,
      item_id: a.itemId,
      name_en: item.name_en,
      name_fr: item.name_fr,
      unit_price_cents: item.price_cents,
      quantity: a.quantity,
      modifiers: JSON.stringify(chosen),
      note: a.note === '' ? null : a.note,
      course: a.course,
      station: stationOf({ itemStation: asStation(item.station), categoryStation: asStation(item.cstation) }),
      status: 'pending',
      comped: 0,
      reason: null,
      approved_by: null,
      ticket_id: null,
      added_by: ctx.userId ?? '',
      deleted_at: null,
    });
  },
});

async function lineOf(ctx: MutationContext, lineId: string) {
  const l = await ctx.db
    .selectFrom('order_lines')
    .selectAll()
    .where('id', '=', lineId)
    .where('site_id', '=', ctx.siteId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!l) throw new AppError('NOT_FOUND', 'That item is not on the order any more.', { field: 'lineId' });
  return l;
}

/** Takes back an item not sent yet; once the kitchen has it, it takes a void. */
export const removeLine = defineMutation({
  name: 'tables.removeLine',
  version: 1,
  authority: 'tables.serve',
  args: z.object({ lineId: z.uuid() }).strict(),
  async run(ctx, a) {
    const l = await lineOf(ctx, a.lineId);
    if (l.status !== 'pending')
      throw new AppError('CONFLICT', 'The kitchen has this item already: void it with a manager.', {
        field: 'lineId',
      });
    await ctx.write.softDelete('order_lines', a.lineId);
  },
});

/**
 * Fires the table's unsent items to the kitchen: one ticket per station and course. Ticket ids
 * come from the send's id, so a send retried after a lost answer makes no second ticket.
 */
export const sendOrder = defineMutation({
  name: 'tables.sendOrder',
  version: 1,
  authority: 'tables.serve',
  args: z.object({ sessionId: z.uuid(), sendId: z.uuid() }).strict(),
  async run(ctx, a) {
    const session = await openSessionOf(ctx, a.sessionId);
    const table = await ctx.db
      .selectFrom('dining_tables')
      .select('label')
      .where('id', '=', session.table_id)
      .executeTakeFirst();
    const pending = (
      await ctx.db
        .selectFrom('order_lines')
        .selectAll()
        .where('site_id', '=', ctx.siteId)
        .where('session_id', '=', session.id)
        .where('status', '=', 'pending')
        .where('deleted_at', 'is', null)
        .orderBy('created_at')
        .orderBy('id')
        .execute()
    ).map((l) => ({ ...l, itemStation: asStation(l.station), categoryStation: null }));
    if (pending.length === 0) return;
    for (const plan of routeTickets(pending)) {
      const ticketId = kitchenTicketId(a.sendId, plan.station, plan.course);
      await ctx.write.insertIfAbsent('kitchen_tickets', {
        id: ticketId,
        site_id: ctx.siteId,
        session_id: session.id,
        table_label: table?.label ?? '?',
        station: plan.station,
        course: plan.course,
        status: 'new',
        sent_at: ctx.now,
        sent_by: ctx.userId ?? '',
        acknowledged_at: null,
        ready_at: null,
        served_at: null,
        status_changed_by: null,
      });
      for (const lineId of plan.lineIds)
        await ctx.write.update('order_lines', lineId, { status: 'sent', ticket_id: ticketId });
    }
  },
});

const approval = z
  .object({
    lineId: z.uuid(),
    approverId: z.uuid(),
    reason: z.string().trim().min(3, 'Say why, in a few words').max(200),
  })
  .strict();

/** Voids an item (never served: not charged); a manager approved it with their PIN on the kiosk. */
export const voidLine = defineMutation({
  name: 'tables.voidLine',
  version: 1,
  authority: 'tables.serve',
  args: approval,
  async run(ctx, a) {
    const l = await lineOf(ctx, a.lineId);
    await requireApprover(ctx, a.approverId);
    if (l.status === 'void') return;
    await ctx.write.update('order_lines', a.lineId, { status: 'void', reason: a.reason, approved_by: a.approverId });
  },
});

/** Comps an item (served, given away: not charged), approved like a void. */
export const compLine = defineMutation({
  name: 'tables.compLine',
  version: 1,
  authority: 'tables.serve',
  args: approval,
  async run(ctx, a) {
    const l = await lineOf(ctx, a.lineId);
    await requireApprover(ctx, a.approverId);
    if (l.comped === 1) return;
    await ctx.write.update('order_lines', a.lineId, { comped: 1, reason: a.reason, approved_by: a.approverId });
  },
});
