import { describe, expect, it } from 'vitest';
import type { Kiosk } from '../../../electron/core/kiosk.js';
import { newId } from '../../../shared/ids.js';
import { addLine, sendOrder } from '../../../shared/tables/order-mutations.js';
import { recordPayment } from '../../../shared/tables/payment-mutations.js';
import { closeSession, openSession } from '../../../shared/tables/session-mutations.js';
import { tableSessionId } from '../../../shared/tables/table-ids.js';
import { outboxCounts, replicaDiff, syncAll } from '../../helpers/replicas.js';
import { enrolledKiosk, startService } from '../../helpers/sync.js';
import { FIXTURE, seedTablesFixture, tablesActors as who } from '../../helpers/tables-fixture.js';

/** The id `tables.open` derives on this kiosk: from the services it has seen at the table. */
const derivedOn = (k: Kiosk, tableId: string) => {
  const { n } = k.store.raw.prepare('SELECT COUNT(*) AS n FROM table_sessions WHERE table_id = ?').get(tableId) as {
    n: number;
  };
  return tableSessionId(tableId, n);
};

async function serve(k: Kiosk, sessionId: string, itemId: string, amountCents: number) {
  await k.runner.run(
    openSession,
    { id: sessionId, tableId: TABLE, guests: 2, waiterId: who.waiter.userId },
    who.waiter,
  );
  await k.runner.run(
    addLine,
    { id: newId(), sessionId, itemId, seat: 1, quantity: 1, modifierIds: [], note: null, course: 1 },
    who.waiter,
  );
  await k.runner.run(sendOrder, { sessionId, sendId: newId() }, who.waiter);
  await k.runner.run(
    recordPayment,
    { sessionId, paymentKey: newId(), shareKey: 'all', amountCents, tipCents: 0, method: 'card', reference: null },
    who.waiter,
  );
}

const TABLE = FIXTURE.table(3);

/** Outbox entries still waiting or refused by shore: none, when every change was taken. */
const unsettled = (k: Kiosk) =>
  Object.fromEntries(Object.entries(outboxCounts(k)).filter(([status]) => status !== 'applied'));

describe("a kiosk that missed a table's last service", () => {
  it('opens the next service under an alias: its order and payment land there, and the service that ended stays as it was', async () => {
    const service = await startService();
    const { kiosk: w1 } = await enrolledKiosk(service, 'restaurant');
    const { kiosk: w2 } = await enrolledKiosk(service, 'restaurant');
    await seedTablesFixture(w1.runner);
    await syncAll([w1, w2]);

    // Lunch at table 3 on the first kiosk: soup, paid, closed. The second kiosk hears nothing.
    const lunch = derivedOn(w1, TABLE);
    await serve(w1, lunch, FIXTURE.soup, 750);
    await w1.runner.run(closeSession, { sessionId: lunch }, who.waiter);
    await w1.sync!.syncNow();

    // The second kiosk seats the next guests at table 3 and derives the id lunch already has.
    const stale = derivedOn(w2, TABLE);
    expect(stale).toBe(lunch);
    await serve(w2, stale, FIXTURE.steak, 2400);
    await syncAll([w1, w2]);

    expect(unsettled(w2)).toEqual({});
    const admin = service.db.admin;
    const sessions = await admin
      .selectFrom('table_sessions')
      .select(['id', 'status'])
      .where('table_id', '=', TABLE)
      .orderBy('opened_at')
      .execute();
    expect(sessions.map((s) => s.status)).toEqual(['closed', 'open']);
    const [ended, dinner] = sessions;
    expect(ended!.id).toBe(lunch);
    const linesOf = (id: string) =>
      admin.selectFrom('order_lines').select('item_id').where('session_id', '=', id).execute();
    const paidOn = (id: string) =>
      admin.selectFrom('payments').select('amount_cents').where('session_id', '=', id).execute();
    expect(await linesOf(lunch)).toEqual([{ item_id: FIXTURE.soup }]);
    expect(await paidOn(lunch)).toEqual([{ amount_cents: 750 }]);
    expect(await linesOf(dinner!.id)).toEqual([{ item_id: FIXTURE.steak }]);
    expect(await paidOn(dinner!.id)).toEqual([{ amount_cents: 2400 }]);
    expect(
      await admin.selectFrom('table_session_aliases').select(['used_id', 'device_id', 'session_id']).execute(),
    ).toEqual([{ used_id: lunch, device_id: w2.deviceId, session_id: dinner!.id }]);

    // The second kiosk still names the service by the id it used; closing it closes dinner.
    await w2.runner.run(closeSession, { sessionId: stale }, who.waiter);
    await syncAll([w1, w2]);
    const after = await admin.selectFrom('table_sessions').select('status').where('id', '=', dinner!.id).execute();
    expect(after).toEqual([{ status: 'closed' }]);
    expect(unsettled(w2)).toEqual({});
    expect(await replicaDiff(w1, admin)).toEqual([]);
    expect(await replicaDiff(w2, admin)).toEqual([]);
  });

  it('two kiosks that both missed it seat the next guests in one service, and the supervisors read why', async () => {
    const service = await startService();
    const { kiosk: w1 } = await enrolledKiosk(service, 'restaurant');
    const { kiosk: w2 } = await enrolledKiosk(service, 'restaurant');
    const { kiosk: w3 } = await enrolledKiosk(service, 'restaurant');
    await seedTablesFixture(w1.runner);
    await syncAll([w1, w2, w3]);
    const lunch = derivedOn(w1, TABLE);
    await serve(w1, lunch, FIXTURE.soup, 750);
    await w1.runner.run(closeSession, { sessionId: lunch }, who.waiter);
    await w1.sync!.syncNow();

    // Both stale kiosks open table 3 for the same party and each orders one thing.
    for (const [k, item] of [
      [w2, FIXTURE.steak],
      [w3, FIXTURE.wine],
    ] as const) {
      const id = derivedOn(k, TABLE);
      await k.runner.run(openSession, { id, tableId: TABLE, guests: 2, waiterId: who.waiter.userId }, who.waiter);
      await k.runner.run(
        addLine,
        { id: newId(), sessionId: id, itemId: item, seat: 1, quantity: 1, modifierIds: [], note: null, course: 1 },
        who.waiter,
      );
    }
    await syncAll([w1, w2, w3]);

    const admin = service.db.admin;
    const open = await admin
      .selectFrom('table_sessions')
      .select('id')
      .where('table_id', '=', TABLE)
      .where('status', '=', 'open')
      .execute();
    expect(open).toHaveLength(1);
    const items = await admin
      .selectFrom('order_lines')
      .select('item_id')
      .where('session_id', '=', open[0]!.id)
      .orderBy('item_id')
      .execute();
    expect(items.map((i) => i.item_id).sort()).toEqual([FIXTURE.steak, FIXTURE.wine].sort());
    expect(await admin.selectFrom('table_session_aliases').select('device_id').execute()).toHaveLength(2);
    const joined = await admin
      .selectFrom('conflicts')
      .select(['code', 'message'])
      .where('code', '=', 'TABLE_JOINED')
      .execute();
    expect(joined).toHaveLength(1);
    expect(joined[0]!.message).toMatch(/already open on another kiosk/);
    for (const k of [w1, w2, w3]) expect(await replicaDiff(k, admin)).toEqual([]);
  });
});
