import { describe, expect, it } from 'vitest';
import { newId } from '../../../shared/ids.js';
import { call, codeOf, demoPerson, makeKiosk, signIn, WRONG_PIN } from '../../helpers/kiosk.js';
import { FIXTURE, seedTablesFixture } from '../../helpers/tables-fixture.js';

type Out<T> = { ok: true; value: T };
const value = <T>(r: unknown) => {
  const res = r as Out<T> | { ok: false; error: { code: string; message: string } };
  if (!res.ok) throw new Error(`${res.error.code}: ${res.error.message}`);
  return res.value;
};

describe('table service through the API, as the screens call it', () => {
  it('open a table, order for two seats, send, bump in the kitchen, void with a manager PIN, split, pay, close', async () => {
    const { kiosk, clock } = await makeKiosk();
    await seedTablesFixture(kiosk.runner);
    const waiter = await signIn(kiosk, 'waiter');
    const floor = value<{ tables: { id: string; state: string }[] }>(await call(kiosk, 'tables.floor', {}, waiter));
    // The fixture's six tables, beside the demo restaurant's own floor.
    const mine = floor.tables.filter((t) => Array.from({ length: 6 }, (_, i) => FIXTURE.table(i + 1)).includes(t.id));
    expect(mine.map((t) => t.state)).toEqual(Array(6).fill('free'));

    const { sessionId } = value<{ sessionId: string }>(
      await call(kiosk, 'tables.open', { tableId: FIXTURE.table(1), guests: 2 }, waiter),
    );
    // Opening it again from another screen finds the same session.
    expect(
      value<{ sessionId: string }>(await call(kiosk, 'tables.open', { tableId: FIXTURE.table(1), guests: 2 }, waiter))
        .sessionId,
    ).toBe(sessionId);
    const add = (itemId: string, seat: number, extra = {}) =>
      call(kiosk, 'tables.addLine', { sessionId, itemId, seat, ...extra }, waiter);
    value(await add(FIXTURE.soup, 1, { note: 'no croutons' }));
    value(await add(FIXTURE.steak, 2, { modifierIds: [FIXTURE.sauce], course: 2 }));
    const wine = value<{ id: string }>(await add(FIXTURE.wine, 2)).id;
    expect(codeOf(await add(FIXTURE.soup, 3))).toBe('VALIDATION_FAILED');

    const sendId = newId();
    expect(value<{ tickets: number }>(await call(kiosk, 'tables.send', { sessionId, sendId }, waiter)).tickets).toBe(3);
    expect(value<{ tickets: number }>(await call(kiosk, 'tables.send', { sessionId, sendId }, waiter)).tickets).toBe(0);

    // The kitchen sees the tickets and bumps the grill's; it takes no payment.
    await call(kiosk, 'auth.signOut', {}, waiter);
    const cook = await signIn(kiosk, 'kitchen');
    const { tickets } = value<{ tickets: { id: string; station: string; lines: { note: string | null }[] }[] }>(
      await call(kiosk, 'kitchen.tickets', {}, cook),
    );
    expect(tickets.map((t) => t.station).sort()).toEqual(['bar', 'grill', 'kitchen']);
    expect(tickets.find((t) => t.station === 'kitchen')!.lines[0]!.note).toBe('no croutons');
    const grill = tickets.find((t) => t.station === 'grill')!.id;
    value(await call(kiosk, 'kitchen.setStatus', { ticketId: grill, to: 'preparing' }, cook));
    value(await call(kiosk, 'kitchen.setStatus', { ticketId: grill, to: 'ready' }, cook));
    expect(codeOf(await call(kiosk, 'kitchen.setStatus', { ticketId: grill, to: 'new' }, cook))).toBe('CONFLICT');
    expect(codeOf(await call(kiosk, 'tables.split', { sessionId, split: { mode: 'whole' } }, cook))).toBe('FORBIDDEN');
    expect(
      codeOf(
        await call(
          kiosk,
          'tables.pay',
          { sessionId, paymentKey: newId(), shareKey: 'all', amountCents: 100, method: 'cash' },
          cook,
        ),
      ),
    ).toBe('FORBIDDEN');
    await call(kiosk, 'auth.signOut', {}, cook);

    const w = await signIn(kiosk, 'waiter');
    const state = value<{ tables: { id: string; state: string }[] }>(await call(kiosk, 'tables.floor', {}, w));
    expect(state.tables.find((t) => t.id === FIXTURE.table(1))!.state).toBe('ready');

    // A void needs a manager's PIN: the waiter's own is refused, a wrong one counts, the manager's works.
    const waiterP = demoPerson('waiter');
    const manager = demoPerson('manager');
    const voidWith = (approverId: string, pin: string) =>
      call(kiosk, 'tables.void', { lineId: wine, approverId, pin, reason: 'spilled' }, w);
    expect(codeOf(await voidWith(waiterP.id, waiterP.pin))).toBe('FORBIDDEN');
    expect(codeOf(await voidWith(manager.id, WRONG_PIN))).toBe('PIN_INVALID');
    value(await voidWith(manager.id, manager.pin));

    // 7.50 + 24.00 + 2.50 = 34.00, the wine voided; split between two: 17.00 each.
    const bill = value<{ totalCents: number; dueCents: number }>(await call(kiosk, 'tables.session', { sessionId }, w));
    expect(bill).toMatchObject({ totalCents: 3400, dueCents: 3400 });
    const { shares } = value<{ shares: { key: string; amountCents: number }[] }>(
      await call(kiosk, 'tables.split', { sessionId, split: { mode: 'equal', ways: 2 } }, w),
    );
    expect(shares.map((s) => s.amountCents)).toEqual([1700, 1700]);
    const keys = [newId(), newId()];
    const pay = (i: number, amountCents: number) =>
      call(
        kiosk,
        'tables.pay',
        {
          sessionId,
          paymentKey: keys[i],
          shareKey: shares[i]!.key,
          amountCents,
          tipCents: 200,
          method: i === 0 ? 'card' : 'cash',
        },
        w,
      );
    expect(value<{ dueCents: number }>(await pay(0, 1700)).dueCents).toBe(1700);
    expect(value<{ dueCents: number }>(await pay(0, 1700)).dueCents).toBe(1700); // a retry, recorded once
    const over = await pay(1, 1701);
    expect(over.ok ? null : over.error).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { issues: [{ path: 'amountCents', message: 'more than is due' }] },
    });
    expect(codeOf(await call(kiosk, 'tables.close', { sessionId }, w))).toBe('CONFLICT');
    expect(value<{ dueCents: number }>(await pay(1, 1700)).dueCents).toBe(0);
    const paid = value<{ paidCents: number; tipCents: number; payments: unknown[] }>(
      await call(kiosk, 'tables.session', { sessionId }, w),
    );
    expect(paid).toMatchObject({ paidCents: 3400, tipCents: 400 });
    expect(paid.payments).toHaveLength(2);
    clock.advance(60_000);
    value(await call(kiosk, 'tables.close', { sessionId }, w));
    const after = value<{ tables: { id: string; state: string }[] }>(await call(kiosk, 'tables.floor', {}, w));
    expect(after.tables.find((t) => t.id === FIXTURE.table(1))!.state).toBe('free');
  });

  it('a vessel has no table service, even for its administrator', async () => {
    const { kiosk } = await makeKiosk({ siteKey: 'vessel' });
    const admin = await signIn(kiosk, 'admin', 'vessel');
    expect(codeOf(await call(kiosk, 'tables.floor', {}, admin))).toBe('FORBIDDEN');
    const areas = value<string[]>(await call(kiosk, 'home.areas', {}, admin));
    expect(areas).not.toContain('tables');
    expect(areas).not.toContain('kitchen');
  });
});
