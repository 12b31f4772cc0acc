import type { Kysely } from 'kysely';
import { actorOf } from '../api/actor.js';
import { receiptDocument } from '../../../shared/tables/receipt.js';
import { exportedFile } from '../exports/document-file.js';
import { AppError } from '../../../shared/errors.js';
import { newId } from '../../../shared/ids.js';
import { can } from '../../../shared/permissions.js';
import type { SyncedDatabase } from '../../../shared/schema.js';
import { billLineOf, sessionLines, sessionPayments } from '../../../shared/tables/bill-rows.js';
import type { tablesContract } from '../../../shared/tables/contract.js';
import { setTicketStatus } from '../../../shared/tables/kitchen-mutations.js';
import { setAvailability } from '../../../shared/tables/menu-mutations.js';
import { billTotalCents } from '../../../shared/tables/money.js';
import { addLine, compLine, removeLine, sendOrder, voidLine } from '../../../shared/tables/order-mutations.js';
import { recordPayment } from '../../../shared/tables/payment-mutations.js';
import { closeShift, openShift, serviceShiftId, setAcceptingOrders } from '../../../shared/tables/service-mutations.js';
import { closeSession, mergeSessions, moveSession, openSession } from '../../../shared/tables/session-mutations.js';
import { balanceDue, splitBill } from '../../../shared/tables/split.js';
import { sessionMeant } from '../../../shared/tables/session-aliases.js';
import { paymentId, tableSessionId } from '../../../shared/tables/table-ids.js';
import type { CallContext, Handlers } from '../api/dispatcher.js';
import type { HandlerDeps } from '../api/handler-deps.js';
import { acceptingOrders, readFloor, readMenu, readSales, readService, readSession, readTickets } from './reads.js';

type TablesHandlers = Pick<Handlers, keyof typeof tablesContract>;

const done = { ok: true as const };

/** Handlers of the table-service API methods (shared/tables/contract.ts). */
export function createTablesHandlers(deps: HandlerDeps): TablesHandlers {
  const db = deps.store.db as unknown as Kysely<SyncedDatabase>;
  const restaurant = async () => {
    const site = await deps.site();
    if (site.kind !== 'restaurant')
      throw new AppError('FORBIDDEN', 'Table service is for restaurants; this site has no tables or kitchen.');
    return site;
  };

  /** A manager approves a void or comp on the waiter's screen with their own PIN. */
  const approve = async (approverId: string, pin: string) => {
    const approver = await deps.auth.confirmOtherPin(approverId, pin);
    if (!can(approver.permissions, 'tables.approve'))
      throw new AppError('FORBIDDEN', 'That person may not approve voids or comps; ask a manager for their PIN.', {
        field: 'approverId',
      });
  };

  /**
   * New orders are refused at the screen while orders are stopped. Lines a kiosk took offline
   * before it heard of the stop are still applied at shore: an order taken is never lost.
   */
  const takingOrders = async (siteId: string) => {
    if (!(await acceptingOrders(db, siteId)))
      throw new AppError(
        'CONFLICT',
        'The restaurant is not taking orders now: a manager turns them back on in Sales.',
        {
          reason: 'not_accepting',
        },
      );
  };

  return {
    'tables.floor': async () => readFloor(db, (await restaurant()).id),
    'tables.menu': async () => readMenu(db, (await restaurant()).id),
    'tables.session': async (input) => {
      const siteId = (await restaurant()).id;
      const s = await readSession(db, siteId, await sessionMeant(db, siteId, input.sessionId, deps.deviceId));
      if (!s) throw new AppError('NOT_FOUND', 'That table is not open.', { field: 'sessionId' });
      return s;
    },
    'tables.open': async (input, ctx) => {
      const site = await restaurant();
      const open = await db
        .selectFrom('table_sessions')
        .select('id')
        .where('site_id', '=', site.id)
        .where('table_id', '=', input.tableId)
        .where('status', '=', 'open')
        .executeTakeFirst();
      if (open) return { sessionId: open.id };
      await takingOrders(site.id);
      const past = await db
        .selectFrom('table_sessions')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('table_id', '=', input.tableId)
        .executeTakeFirstOrThrow();
      const sessionId = tableSessionId(input.tableId, Number(past.n));
      const actor = actorOf(ctx);
      await deps.runner.run(
        openSession,
        { id: sessionId, tableId: input.tableId, guests: input.guests, waiterId: actor.userId },
        actor,
      );
      // The derived id can be taken here too (a session moved away from this table): the
      // mutation then opened the next free one under an alias.
      return { sessionId: await sessionMeant(db, site.id, sessionId, deps.deviceId) };
    },
    'tables.addLine': async (input, ctx) => {
      await takingOrders((await restaurant()).id);
      const id = newId();
      await deps.runner.run(addLine, { ...input, id }, actorOf(ctx));
      return { id };
    },
    'tables.removeLine': async (input, ctx) => {
      await deps.runner.run(removeLine, input, actorOf(ctx));
      return done;
    },
    'tables.send': async (input, ctx) => {
      const before = await db
        .selectFrom('kitchen_tickets')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('session_id', '=', input.sessionId)
        .executeTakeFirstOrThrow();
      await deps.runner.run(sendOrder, input, actorOf(ctx));
      const after = await db
        .selectFrom('kitchen_tickets')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('session_id', '=', input.sessionId)
        .executeTakeFirstOrThrow();
      return { tickets: Number(after.n) - Number(before.n) };
    },
    'tables.void': async (input, ctx) => {
      await approve(input.approverId, input.pin);
      await deps.runner.run(
        voidLine,
        { lineId: input.lineId, approverId: input.approverId, reason: input.reason },
        actorOf(ctx),
      );
      return done;
    },
    'tables.comp': async (input, ctx) => {
      await approve(input.approverId, input.pin);
      await deps.runner.run(
        compLine,
        { lineId: input.lineId, approverId: input.approverId, reason: input.reason },
        actorOf(ctx),
      );
      return done;
    },
    'tables.move': async (input, ctx) => {
      await deps.runner.run(moveSession, input, actorOf(ctx));
      return done;
    },
    'tables.merge': async (input, ctx) => {
      await deps.runner.run(mergeSessions, input, actorOf(ctx));
      return done;
    },
    'tables.split': async (input) => {
      const site = await restaurant();
      const lines = (await sessionLines(db, site.id, input.sessionId)).map(billLineOf);
      return { shares: splitBill(lines, input.split) };
    },
    'tables.pay': async (input, ctx) => {
      const site = await restaurant();
      const id = paymentId(input.sessionId, input.paymentKey);
      const payments = await sessionPayments(db, site.id, input.sessionId);
      const total = billTotalCents((await sessionLines(db, site.id, input.sessionId)).map(billLineOf));
      // A retry of a payment already recorded is answered, not refused as an overpayment.
      if (!payments.some((p) => p.id === id)) {
        const due = balanceDue(
          total,
          payments.map((p) => p.amount_cents),
        );
        if (input.amountCents > due)
          throw new AppError('VALIDATION_FAILED', `Only ${due} cents are still due on this bill; take less.`, {
            issues: [{ path: 'amountCents', message: 'more than is due' }],
            due,
          });
        await deps.runner.run(recordPayment, input, actorOf(ctx));
      }
      const after = await sessionPayments(db, site.id, input.sessionId);
      return {
        dueCents: balanceDue(
          total,
          after.map((p) => p.amount_cents),
        ),
      };
    },
    'tables.close': async (input, ctx) => {
      await deps.runner.run(closeSession, input, actorOf(ctx));
      return done;
    },
    'tables.setAvailability': async (input, ctx) => {
      await deps.runner.run(setAvailability, input, actorOf(ctx));
      return done;
    },
    'tables.receipt': async (input) => {
      const site = await restaurant();
      const bill = await readSession(db, site.id, await sessionMeant(db, site.id, input.sessionId, deps.deviceId));
      if (!bill) throw new AppError('NOT_FOUND', 'That table is not open.', { field: 'sessionId' });
      const doc = receiptDocument(bill, { site: site.name }, new Date(deps.clock.now()).toISOString());
      return exportedFile(doc, 'pdf', `receipt-${bill.tableLabel}-${doc.generatedAt.slice(0, 10)}`);
    },
    'tables.service': async () => readService(db, (await restaurant()).id, new Date(deps.clock.now()).toISOString()),
    'tables.setAccepting': async (input, ctx) => {
      await deps.runner.run(setAcceptingOrders, input, actorOf(ctx));
      return done;
    },
    'tables.openShift': async (input, ctx) => {
      const site = await restaurant();
      await deps.runner.run(openShift, input, actorOf(ctx));
      return { shiftId: serviceShiftId(site.id, input.shiftKey) };
    },
    'tables.closeShift': async (input, ctx) => {
      await deps.runner.run(closeShift, input, actorOf(ctx));
      const row = await db
        .selectFrom('service_shifts')
        .select(['expected_cents', 'difference_cents'])
        .where('id', '=', input.shiftId)
        .executeTakeFirstOrThrow();
      return { expectedCents: row.expected_cents ?? 0, differenceCents: row.difference_cents ?? 0 };
    },
    'tables.sales': async (input) => readSales(db, await restaurant(), deps.clock.now(), input.period),
    'kitchen.tickets': async (input) => ({
      now: new Date(deps.clock.now()).toISOString(),
      tickets: await readTickets(db, (await restaurant()).id, {
        station: input.station,
        includeServed: input.includeServed,
      }),
    }),
    'kitchen.setStatus': async (input, ctx) => {
      await deps.runner.run(setTicketStatus, input, actorOf(ctx));
      return done;
    },
  };
}
