import { z } from 'zod';
import { AppError } from '../errors.js';
import { defineMutation } from '../mutations/define.js';
import { billLineOf, sessionLines, sessionPayments } from './bill-rows.js';
import { requireRestaurant } from './guards.js';
import { billTotalCents } from './money.js';
import { sessionOf } from './session-mutations.js';
import { balanceDue } from './split.js';
import { paymentId } from './table-ids.js';

export const PAYMENT_METHODS = ['cash', 'card', 'voucher'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/**
 * Records money received for one share of a bill (no gateway: cash, a card on the external
 * terminal, a voucher). The row's id is derived from the share's payment key, so a payment sent
 * twice (a retry, a kiosk killed before it heard the answer) is one row everywhere. A new payment
 * for more than is still due is refused wherever it runs: two kiosks that took the same share
 * offline, each with its own key, would otherwise count it twice; shore keeps the first it applies
 * and the other comes back as a rejection (a conflict record the supervisors read), not a silent
 * overpayment.
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
    const session = await sessionOf(ctx, a.sessionId);
    if (a.method === 'voucher' && !a.reference)
      throw new AppError('VALIDATION_FAILED', 'Type the voucher code.', {
        issues: [{ path: 'reference', message: 'required for a voucher' }],
      });
    const id = paymentId(a.sessionId, a.paymentKey);
    const payments = await sessionPayments(ctx.db, ctx.siteId, session.id);
    if (payments.some((p) => p.id === id)) return;
    const total = billTotalCents((await sessionLines(ctx.db, ctx.siteId, session.id)).map(billLineOf));
    const due = balanceDue(
      total,
      payments.map((p) => p.amount_cents),
    );
    if (a.amountCents > due)
      throw new AppError(
        'CONFLICT',
        `This bill is already paid (${due} cents still due, ${a.amountCents} taken): another kiosk recorded this share; give the guest back the difference or record it as a tip.`,
        { field: 'amountCents', due },
      );
    await ctx.write.insertIfAbsent('payments', {
      id,
      site_id: ctx.siteId,
      session_id: session.id,
      share_key: a.shareKey,
      amount_cents: a.amountCents,
      tip_cents: a.tipCents,
      method: a.method,
      reference: a.reference,
      recorded_by: ctx.userId ?? '',
    });
  },
});
