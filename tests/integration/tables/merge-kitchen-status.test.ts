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
});
