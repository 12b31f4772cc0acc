import { describe, expect, it } from 'vitest';
import type { Kiosk } from '../../../electron/core/kiosk.js';
import { newId } from '../../../shared/ids.js';
import { setTicketStatus } from '../../../shared/tables/kitchen-mutations.js';
import { setAvailability } from '../../../shared/tables/menu-mutations.js';
import { addLine, sendOrder, voidLine } from '../../../shared/tables/order-mutations.js';
import { openSession } from '../../../shared/tables/session-mutations.js';
import { tableSessionId } from '../../../shared/tables/table-ids.js';
import { replicaDiff, syncAll } from '../../helpers/replicas.js';
import { enrolledKiosk, startService } from '../../helpers/sync.js';
import { FIXTURE, seedTablesFixture, tablesActors as who } from '../../helpers/tables-fixture.js';

const tickets = (k: Kiosk) =>
  k.store.raw
    .prepare('SELECT id, station, course, status, table_label FROM kitchen_tickets ORDER BY station, course')
    .all() as { id: string; station: string; course: number; status: string; table_label: string }[];

const line = (sessionId: string, itemId: string, seat: number, course: number, modifierIds: string[] = []) => ({
  id: newId(),
  sessionId,
  itemId,
  seat,
  quantity: 1,
  modifierIds,
  note: null,
  course,
});

describe('table service through the sync service: two waiter kiosks and a kitchen kiosk', () => {
  it('a ticket sent on one waiter kiosk reaches the kitchen, the bump reaches the waiters, an 86 reaches everyone', async () => {
    const service = await startService();
    const { kiosk: w1 } = await enrolledKiosk(service, 'restaurant');
    const { kiosk: w2 } = await enrolledKiosk(service, 'restaurant');
    const { kiosk: kitchen } = await enrolledKiosk(service, 'restaurant');
    await seedTablesFixture(w1.runner);
    await syncAll([w1, w2, kitchen]);

    // Both waiters open table 1 while offline: one session, because its id is derived.
    const sessionId = tableSessionId(FIXTURE.table(1), 0);
    for (const k of [w1, w2])
      await k.runner.run(
        openSession,
        { id: sessionId, tableId: FIXTURE.table(1), guests: 2, waiterId: who.waiter.userId },
        who.waiter,
      );
    await w1.runner.run(addLine, line(sessionId, FIXTURE.soup, 1, 1), who.waiter);
    await w1.runner.run(addLine, line(sessionId, FIXTURE.steak, 2, 2, [FIXTURE.sauce]), who.waiter);
    await w2.runner.run(addLine, line(sessionId, FIXTURE.wine, 2, 1), who.waiter);
    await syncAll([w1, w2]);
    const sendId = newId();
    await w1.runner.run(sendOrder, { sessionId, sendId }, who.waiter);
    await syncAll([w1, kitchen]);

    expect(tickets(kitchen).map((t) => [t.station, t.course, t.status, t.table_label])).toEqual([
      ['bar', 1, 'new', 'T1'],
      ['grill', 2, 'new', 'T1'],
      ['kitchen', 1, 'new', 'T1'],
    ]);
    const grill = tickets(kitchen).find((t) => t.station === 'grill')!;
    const onGrill = kitchen.store.raw
      .prepare('SELECT name_en, modifiers, seat FROM order_lines WHERE ticket_id = ?')
      .all(grill.id) as { name_en: string; modifiers: string; seat: number }[];
    expect(onGrill.map((l) => [l.name_en, l.seat, JSON.parse(l.modifiers)[0].nameEn])).toEqual([
      ['Steak', 2, 'Pepper sauce'],
    ]);

    // The kitchen acknowledges and readies the grill ticket; the waiters see it ready.
    await kitchen.runner.run(setTicketStatus, { ticketId: grill.id, to: 'preparing' }, who.kitchen);
    await kitchen.runner.run(setTicketStatus, { ticketId: grill.id, to: 'ready' }, who.kitchen);
    // The kitchen 86es the soup; a waiter kiosk can no longer order it once synced.
    await kitchen.runner.run(setAvailability, { itemId: FIXTURE.soup, available: false }, who.kitchen);
    await syncAll([kitchen, w1, w2]);
    for (const k of [w1, w2]) expect(tickets(k).find((t) => t.id === grill.id)!.status).toBe('ready');
    await expect(w2.runner.run(addLine, line(sessionId, FIXTURE.soup, 1, 1), who.waiter)).rejects.toMatchObject({
      code: 'CONFLICT',
    });

    // Sending again with nothing new to send makes no second ticket anywhere.
    await w1.runner.run(sendOrder, { sessionId, sendId }, who.waiter);
    await syncAll([w1, w2, kitchen]);
    expect(tickets(kitchen)).toHaveLength(3);

    // The kitchen takes no void: that needs a manager's approval; a waiter's own id is refused.
    const wine = (
      w2.store.raw.prepare('SELECT id FROM order_lines WHERE item_id = ?').get(FIXTURE.wine) as { id: string }
    ).id;
    await expect(
      w2.runner.run(voidLine, { lineId: wine, approverId: who.waiter.userId, reason: 'spilled' }, who.waiter),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await w2.runner.run(voidLine, { lineId: wine, approverId: who.manager.userId, reason: 'spilled' }, who.waiter);
    await syncAll([w2, w1, kitchen]);

    const sessions = await service.db.admin.selectFrom('table_sessions').select('id').execute();
    expect(sessions.map((s) => s.id)).toEqual([sessionId]);
    const central = await service.db.admin
      .selectFrom('order_lines')
      .select(['status', 'approved_by'])
      .where('id', '=', wine)
      .executeTakeFirstOrThrow();
    expect(central).toEqual({ status: 'void', approved_by: who.manager.userId });
    for (const k of [w1, w2, kitchen]) expect(await replicaDiff(k, service.db.admin)).toEqual([]);
  });
});
