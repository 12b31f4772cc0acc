import { describe, expect, it } from 'vitest';
import { newId } from '../../../shared/ids.js';
import { call, makeKiosk, signIn } from '../../helpers/kiosk.js';
import { FIXTURE, seedTablesFixture } from '../../helpers/tables-fixture.js';

type Out<T> = { ok: true; value: T };
const value = <T>(r: unknown) => {
  const res = r as Out<T> | { ok: false; error: { code: string; message: string } };
  if (!res.ok) throw new Error(`${res.error.code}: ${res.error.message}`);
  return res.value;
};

describe('merging two tables', () => {
  it("keeps the moved lines' kitchen status in the merged table's order and on its floor tile", async () => {
    const { kiosk } = await makeKiosk();
    await seedTablesFixture(kiosk.runner);
    const manager = await signIn(kiosk, 'manager');
    const open = async (n: number) =>
      value<{ sessionId: string }>(await call(kiosk, 'tables.open', { tableId: FIXTURE.table(n), guests: 2 }, manager))
        .sessionId;
    const into = await open(1);
    const from = await open(2);
    value(await call(kiosk, 'tables.addLine', { sessionId: from, itemId: FIXTURE.steak, seat: 1 }, manager));
    value(await call(kiosk, 'tables.send', { sessionId: from, sendId: newId() }, manager));
    const { tickets } = value<{ tickets: { id: string }[] }>(await call(kiosk, 'kitchen.tickets', {}, manager));
    for (const to of ['preparing', 'ready'])
      value(await call(kiosk, 'kitchen.setStatus', { ticketId: tickets[0]!.id, to }, manager));

    value(await call(kiosk, 'tables.merge', { sessionId: from, intoSessionId: into }, manager));

    const merged = value<{ lines: { ticketStatus: string | null }[] }>(
      await call(kiosk, 'tables.session', { sessionId: into }, manager),
    );
    expect(merged.lines.map((l) => l.ticketStatus)).toEqual(['ready']);
    const floor = value<{ tables: { id: string; state: string }[] }>(await call(kiosk, 'tables.floor', {}, manager));
    expect(floor.tables.find((t) => t.id === FIXTURE.table(1))!.state).toBe('ready');
  });

  it("shows a merged or moved table's tickets under the table the food goes to now", async () => {
    const { kiosk } = await makeKiosk();
    await seedTablesFixture(kiosk.runner);
    const manager = await signIn(kiosk, 'manager');
    const labels = new Map(
      value<{ tables: { id: string; label: string }[] }>(await call(kiosk, 'tables.floor', {}, manager)).tables.map(
        (t) => [t.id, t.label],
      ),
    );
    const open = async (n: number) =>
      value<{ sessionId: string }>(await call(kiosk, 'tables.open', { tableId: FIXTURE.table(n), guests: 2 }, manager))
        .sessionId;
    const into = await open(1);
    const from = await open(2);
    value(await call(kiosk, 'tables.addLine', { sessionId: from, itemId: FIXTURE.steak, seat: 1 }, manager));
    value(await call(kiosk, 'tables.send', { sessionId: from, sendId: newId() }, manager));
    const ticketLabels = async () =>
      value<{ tickets: { tableLabel: string }[] }>(await call(kiosk, 'kitchen.tickets', {}, manager)).tickets.map(
        (t) => t.tableLabel,
      );
    expect(await ticketLabels()).toEqual([labels.get(FIXTURE.table(2))]);

    value(await call(kiosk, 'tables.merge', { sessionId: from, intoSessionId: into }, manager));
    expect(await ticketLabels()).toEqual([labels.get(FIXTURE.table(1))]);
    value(await call(kiosk, 'tables.move', { sessionId: into, toTableId: FIXTURE.table(4) }, manager));
    expect(await ticketLabels()).toEqual([labels.get(FIXTURE.table(4))]);
  });

  it('opens a new service at a table whose party moved away, though its derived id went with them', async () => {
    const { kiosk } = await makeKiosk();
    await seedTablesFixture(kiosk.runner);
    const manager = await signIn(kiosk, 'manager');
    const openAt = async (n: number) =>
      value<{ sessionId: string }>(await call(kiosk, 'tables.open', { tableId: FIXTURE.table(n), guests: 2 }, manager))
        .sessionId;
    const first = await openAt(1);
    value(await call(kiosk, 'tables.move', { sessionId: first, toTableId: FIXTURE.table(5) }, manager));

    // Table 1 has no service on record now, so it derives the id the moved party took.
    const second = await openAt(1);
    expect(second).not.toBe(first);
    value(await call(kiosk, 'tables.addLine', { sessionId: second, itemId: FIXTURE.soup, seat: 1 }, manager));
    const floor = value<{ tables: { id: string; state: string }[] }>(await call(kiosk, 'tables.floor', {}, manager));
    const stateOf = (n: number) => floor.tables.find((t) => t.id === FIXTURE.table(n))!.state;
    expect([stateOf(1), stateOf(5)]).toEqual(['ordered', 'seated']);
  });
});
