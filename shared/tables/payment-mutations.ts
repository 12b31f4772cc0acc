import { z } from 'zod';
import { AppError } from '../errors.js';
import { defineMutation } from '../mutations/define.js';
import { requireRestaurant } from './guards.js';
import { sessionOf } from './session-mutations.js';
import { paymentId } from './table-ids.js';

export const PAYMENT_METHODS = ['cash', 'card', 'voucher'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/**
 * Records money received for one share of a bill (no gateway: cash, a card on the external
 * terminal, a voucher). The row's id is derived from the share's payment key, so a payment sent
 * twice (a retry, a kiosk killed before it heard the answer) is one row everywhere. A payment is
 * a fact: the server records it even if the bill looks paid already, rather than lose money taken.
 */
export const recordPayment = defineMutation({
  name: 'tables.recordPayment',
  version: 1,
  authority: 'tables.pay',
  args: z
    .object({
      sessionId: z.uuid(),
      paymentKey: z.uuid(),
      shareKey: z.string().trim().min(1).max(40),
      amountCents: z.number().int().min(1).max(100_000_00),
      tipCents: z.number().int().min(0).max(10_000_00),
      method: z.enum(PAYMENT_METHODS),
      reference: z.string().trim().max(60).nullable(),
    })
    .strict(),
  async run(ctx, a) {
    await requireRestaurant(ctx);
    await sessionOf(ctx, a.sessionId);
    if (a.method === 'voucher' && !a.reference)
      throw new AppError('VALIDATION_FAILED', 'Type the voucher code.', {
        issues: [{ path: 'reference', message: 'required for a voucher' }],
      });
    await ctx.write.insertIfAbsent('payments', {
      id: paymentId(a.sessionId, a.paymentKey),
      site_id: ctx.siteId,
      session_id: a.sessionId,
      share_key: a.shareKey,
      amount_cents: a.amountCents,
      tip_cents: a.tipCents,
      method: a.method,
      reference: a.reference,
      recorded_by: ctx.userId ?? '',
    });
  },
});
