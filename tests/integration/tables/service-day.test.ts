import { describe, expect, it } from 'vitest';
import { newId } from '../../../shared/ids.js';
import { openShift } from '../../../shared/tables/service-mutations.js';
import { call, codeOf, makeKiosk, signIn } from '../../helpers/kiosk.js';
import { replicaDiff, syncAll } from '../../helpers/replicas.js';
import { enrolledKiosk, startService } from '../../helpers/sync.js';
import { FIXTURE, seedTablesFixture, tablesActors as who } from '../../helpers/tables-fixture.js';

const value = <T>(r: unknown) => {
  const res = r as { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
  if (!res.ok) throw new Error(`${res.error.code}: ${res.error.message}`);
  return res.value;
};
type Service = {
  acceptingOrders: boolean;
  open: { id: string; floatCents: number; expectedCents: number } | null;
  recent: { countedCents: number; expectedCents: number; differenceCents: number; note: string | null }[];
};
type Kiosky = Parameters<typeof call>[0];

/** A table served one soup and paid, by `method`, with a tip; returns what the bill came to. */
async function sellSoup(kiosk: Kiosky, token: string, table: number, method: 'cash' | 'card', tipCents: number) {
  const { sessionId } = value<{ sessionId: string }>(
    await call(kiosk, 'tables.open', { tableId: FIXTURE.table(table), guests: 1 }, token),
  );
  value(await call(kiosk, 'tables.addLine', { sessionId, itemId: FIXTURE.soup, seat: 1 }, token));
  value(await call(kiosk, 'tables.send', { sessionId, sendId: newId() }, token));
  const { dueCents } = value<{ dueCents: number }>(await call(kiosk, 'tables.session', { sessionId }, token));
  value(
    await call(
      kiosk,
      'tables.pay',
      { sessionId, paymentKey: newId(), shareKey: 'all', amountCents: dueCents, tipCents, method },
      token,
    ),
  );
  return dueCents;
}

describe('the service day', () => {
  it('a shift opens with a float, expects the cash taken (tips too, not cards), and closes with the difference', async () => {
    const { kiosk } = await makeKiosk();
    await seedTablesFixture(kiosk.runner);
    const manager = await signIn(kiosk, 'manager');
    const waiter = await signIn(kiosk, 'waiter');
    expect(codeOf(await call(kiosk, 'tables.service', {}, waiter))).toBe('FORBIDDEN');
    expect(codeOf(await call(kiosk, 'tables.openShift', { shiftKey: newId(), floatCents: 100 }, waiter))).toBe(
      'FORBIDDEN',
    );

    const key = newId();
    const { shiftId } = value<{ shiftId: string }>(
      await call(kiosk, 'tables.openShift', { shiftKey: key, floatCents: 100_00 }, manager),
    );
    // A retry is the same shift; a second one while it is open is refused.
    expect(
      value<{ shiftId: string }>(await call(kiosk, 'tables.openShift', { shiftKey: key, floatCents: 100_00 }, manager))
        .shiftId,
    ).toBe(shiftId);
    expect(codeOf(await call(kiosk, 'tables.openShift', { shiftKey: newId(), floatCents: 50_00 }, manager))).toBe(
      'CONFLICT',
    );

    const cash = await sellSoup(kiosk, manager, 1, 'cash', 150);
    await sellSoup(kiosk, manager, 2, 'card', 300);
    const during = value<Service>(await call(kiosk, 'tables.service', {}, manager));
    expect(during.open).toMatchObject({ id: shiftId, floatCents: 100_00, expectedCents: 100_00 + cash + 150 });

    // The drawer is a euro short.
    const closed = value<{ expectedCents: number; differenceCents: number }>(
      await call(
        kiosk,
        'tables.closeShift',
        { shiftId, countedCents: 100_00 + cash + 50, note: 'one euro short' },
        manager,
      ),
    );
    expect(closed).toEqual({ expectedCents: 100_00 + cash + 150, differenceCents: -100 });
    const after = value<Service>(await call(kiosk, 'tables.service', {}, manager));
    expect(after.open).toBeNull();
    expect(after.recent).toEqual([
      expect.objectContaining({ countedCents: 100_00 + cash + 50, differenceCents: -100, note: 'one euro short' }),
    ]);
    // Closing it again with the same count changes nothing; another count is refused.
    expect(codeOf(await call(kiosk, 'tables.closeShift', { shiftId, countedCents: 100_00 + cash + 50 }, manager))).toBe(
      'OK',
    );
    expect(codeOf(await call(kiosk, 'tables.closeShift', { shiftId, countedCents: 1 }, manager))).toBe('CONFLICT');
    // Bad input names the field and writes nothing.
    const bad = await call(kiosk, 'tables.openShift', { shiftKey: newId(), floatCents: -5 }, manager);
    expect(bad.ok ? null : bad.error).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(value<Service>(await call(kiosk, 'tables.service', {}, manager)).open).toBeNull();
  });

  it('orders stopped: no new table nor line on any screen, an open table still shows, and they start again', async () => {
    const { kiosk } = await makeKiosk();
    await seedTablesFixture(kiosk.runner);
    const manager = await signIn(kiosk, 'manager');
    const { sessionId } = value<{ sessionId: string }>(
      await call(kiosk, 'tables.open', { tableId: FIXTURE.table(1), guests: 2 }, manager),
    );
    const waiter = await signIn(kiosk, 'waiter');
    expect(codeOf(await call(kiosk, 'tables.setAccepting', { accepting: false }, waiter))).toBe('FORBIDDEN');
    value(await call(kiosk, 'tables.setAccepting', { accepting: false }, manager));

    const floor = value<{ acceptingOrders: boolean }>(await call(kiosk, 'tables.floor', {}, waiter));
    expect(floor.acceptingOrders).toBe(false);
    const refused = await call(kiosk, 'tables.open', { tableId: FIXTURE.table(2), guests: 2 }, waiter);
    expect(refused.ok ? null : refused.error).toMatchObject({ code: 'CONFLICT', details: { reason: 'not_accepting' } });
    expect(codeOf(await call(kiosk, 'tables.addLine', { sessionId, itemId: FIXTURE.soup, seat: 1 }, waiter))).toBe(
      'CONFLICT',
    );
    // The table already open still opens (to bring the bill).
    expect(
      value<{ sessionId: string }>(await call(kiosk, 'tables.open', { tableId: FIXTURE.table(1), guests: 2 }, waiter))
        .sessionId,
    ).toBe(sessionId);

    value(await call(kiosk, 'tables.setAccepting', { accepting: true }, manager));
    expect(codeOf(await call(kiosk, 'tables.addLine', { sessionId, itemId: FIXTURE.soup, seat: 1 }, waiter))).toBe(
      'OK',
    );
    expect(value<{ acceptingOrders: boolean }>(await call(kiosk, 'tables.floor', {}, waiter)).acceptingOrders).toBe(
      true,
    );
  });

  it('two kiosks offline each open a shift: shore keeps one, the other is a conflict, and both end like shore', async () => {
    const service = await startService();
    const { kiosk: bar } = await enrolledKiosk(service, 'restaurant');
    const { kiosk: office } = await enrolledKiosk(service, 'restaurant');
    await seedTablesFixture(bar.runner);
    await syncAll([bar, office]);

    await bar.runner.run(openShift, { shiftKey: newId(), floatCents: 80_00 }, who.manager);
    await office.runner.run(openShift, { shiftKey: newId(), floatCents: 120_00 }, who.manager);
    await syncAll([bar, office]);

    const shifts = (k: typeof bar) =>
      k.store.raw.prepare('SELECT id, float_cents, closed_at FROM service_shifts ORDER BY opened_at').all() as {
        id: string;
        float_cents: number;
      }[];
    expect(shifts(bar)).toHaveLength(1);
    expect(shifts(office)).toEqual(shifts(bar));
    const rejected = [bar, office].flatMap(
      (k) =>
        k.store.raw.prepare("SELECT kind, code FROM conflicts WHERE mutation = 'tables.openShift'").all() as {
          kind: string;
          code: string;
        }[],
    );
    expect(rejected).toContainEqual({ kind: 'rejected', code: 'CONFLICT' });
    expect(await replicaDiff(bar, service.db.admin)).toEqual([]);
    expect(await replicaDiff(office, service.db.admin)).toEqual([]);
  });
});
