import { z } from 'zod';
import { AppError } from '../errors.js';
import { derivedId } from '../ids.js';
import { defineMutation, type MutationContext } from '../mutations/define.js';
import { requireRestaurant } from './guards.js';

export const serviceSettingId = (siteId: string) => derivedId('service_setting', siteId);
export const serviceShiftId = (siteId: string, shiftKey: string) => derivedId('service_shift', siteId, shiftKey);

const cents = z.number().int().min(0).max(10_000_000);

/** The shift of the site still open, if any (at most one: opening refuses a second). */
export async function openShiftOf(ctx: Pick<MutationContext, 'db' | 'siteId'>) {
  return ctx.db
    .selectFrom('service_shifts')
    .selectAll()
    .where('site_id', '=', ctx.siteId)
    .where('closed_at', 'is', null)
    .orderBy('opened_at')
    .executeTakeFirst();
}

/**
 * The cash a drawer should hold at `until`: the float, and every cash payment (its tip too)
 * recorded since the shift opened. Card and voucher payments never reach the drawer.
 */
export async function expectedCashCents(
  ctx: Pick<MutationContext, 'db' | 'siteId'>,
  shift: { opened_at: string; float_cents: number },
  until: string,
): Promise<number> {
  const rows = await ctx.db
    .selectFrom('payments')
    .select(['amount_cents', 'tip_cents'])
    .where('site_id', '=', ctx.siteId)
    .where('method', '=', 'cash')
    .where('created_at', '>=', shift.opened_at)
    .where('created_at', '<=', until)
    .execute();
  return rows.reduce((n, p) => n + p.amount_cents + p.tip_cents, shift.float_cents);
}

/** The owner or a manager turns taking orders on or off for the whole restaurant. */
export const setAcceptingOrders = defineMutation({
  name: 'tables.setAcceptingOrders',
  version: 1,
  authority: 'tables.money',
  args: z.object({ accepting: z.boolean() }).strict(),
  async run(ctx, a) {
    await requireRestaurant(ctx);
    const id = serviceSettingId(ctx.siteId);
    const row = { accepting_orders: a.accepting ? 1 : 0, changed_by: ctx.userId ?? '' };
    const added = await ctx.write.insertIfAbsent('service_settings', { id, site_id: ctx.siteId, ...row });
    if (!added) await ctx.write.update('service_settings', id, row);
  },
});

/**
 * Opens a shift with the cash float in the drawer. Its id derives from the screen's key, so a
 * retry is one shift; a second shift while one is open is refused wherever it runs, so of two
 * kiosks opening one offline shore keeps the first and the other comes back as a conflict.
 */
export const openShift = defineMutation({
  name: 'tables.openShift',
  version: 1,
  authority: 'tables.money',
  args: z.object({ shiftKey: z.uuid(), floatCents: cents }).strict(),
  async run(ctx, a) {
    await requireRestaurant(ctx);
    const id = serviceShiftId(ctx.siteId, a.shiftKey);
    const open = await openShiftOf(ctx);
    if (open?.id === id) return;
    if (open)
      throw new AppError(
        'CONFLICT',
        `A shift is already open (since ${open.opened_at}): close it before opening another.`,
        {
          field: 'shiftKey',
          openShiftId: open.id,
        },
      );
    await ctx.write.insert('service_shifts', {
      id,
      site_id: ctx.siteId,
      opened_at: ctx.now,
      opened_by: ctx.userId ?? '',
      float_cents: a.floatCents,
      closed_at: null,
      closed_by: null,
      counted_cents: null,
      expected_cents: null,
      difference_cents: null,
      note: null,
    });
  },
});

/**
 * Closes the open shift with the cash counted in the drawer: the expected cash and the difference
 * (counted less expected; short is negative) are worked out where it runs, so shore, which may hold
 * cash payments a kiosk had not heard of yet, keeps its own figure and every kiosk then shows it.
 */
export const closeShift = defineMutation({
  name: 'tables.closeShift',
  version: 1,
  authority: 'tables.money',
  args: z
    .object({ shiftId: z.uuid(), countedCents: cents, note: z.string().trim().max(300).nullable().default(null) })
    .strict(),
  async run(ctx, a) {
    await requireRestaurant(ctx);
    const shift = await ctx.db
      .selectFrom('service_shifts')
      .selectAll()
      .where('id', '=', a.shiftId)
      .where('site_id', '=', ctx.siteId)
      .executeTakeFirst();
    if (!shift) throw new AppError('NOT_FOUND', 'That shift is not on this site.', { field: 'shiftId' });
    if (shift.closed_at !== null) {
      if (shift.counted_cents === a.countedCents) return;
      throw new AppError('CONFLICT', `This shift was closed already, at ${shift.closed_at}.`, { field: 'shiftId' });
    }
    const expected = await expectedCashCents(ctx, shift, ctx.now);
    await ctx.write.update('service_shifts', shift.id, {
      closed_at: ctx.now,
      closed_by: ctx.userId ?? '',
      counted_cents: a.countedCents,
      expected_cents: expected,
      difference_cents: a.countedCents - expected,
      note: a.note,
    });
  },
});
