import { describe, expect, it } from 'vitest';
import { newId } from '../../../shared/ids.js';
import { call, codeOf, demoPerson, makeKiosk, signIn } from '../../helpers/kiosk.js';
import { FIXTURE, seedTablesFixture } from '../../helpers/tables-fixture.js';

const value = <T>(r: unknown) => {
  const res = r as { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
  if (!res.ok) throw new Error(`${res.error.code}: ${res.error.message}`);
  return res.value;
};
type Sales = {
  takenCents: number;
  tipsCents: number;
  bills: number;
  averageBillCents: number | null;
  methods: Record<string, number>;
  items: { itemId: string; quantity: number; cents: number }[];
  ticketMinutes: number | null;
  ticketsReady: number;
  ticketsByStatus: Record<string, number>;
  voids: { count: number; cents: number };
  comps: { count: number; cents: number };
  byHour: { label: string; cents: number }[];
  byDay: { label: string; cents: number }[];
};

describe("the owner's sales figures", () => {
  it('count what was paid, sold, voided and how long the kitchen took, for the manager only, from the kiosk rows', async () => {
    // The test clock: Sunday 22 Nov 2026, 10:00 in Paris.
    const { kiosk, clock } = await makeKiosk();
    await seedTablesFixture(kiosk.runner);
    let waiter = await signIn(kiosk, 'waiter');
    const { sessionId } = value<{ sessionId: string }>(
      await call(kiosk, 'tables.open', { tableId: FIXTURE.table(1), guests: 2 }, waiter),
    );
    const add = async (itemId: string, seat: number, extra = {}) =>
      value<{ id: string }>(await call(kiosk, 'tables.addLine', { sessionId, itemId, seat, ...extra }, waiter));
    await add(FIXTURE.soup, 1, { quantity: 2 });
    await add(FIXTURE.steak, 2, { modifierIds: [FIXTURE.sauce] });
    const wine = (await add(FIXTURE.wine, 2)).id;
    expect(
      value<{ tickets: number }>(await call(kiosk, 'tables.send', { sessionId, sendId: newId() }, waiter)).tickets,
    ).toBe(3);

    // The grill's ticket is ready twelve minutes after it was sent (people sign in again after the idle lock).
    clock.advance(12 * 60_000);
    const cook = await signIn(kiosk, 'kitchen');
    const { tickets } = value<{ tickets: { id: string; station: string }[] }>(
      await call(kiosk, 'kitchen.tickets', {}, cook),
    );
    const grill = tickets.find((t) => t.station === 'grill')!.id;
    value(await call(kiosk, 'kitchen.setStatus', { ticketId: grill, to: 'preparing' }, cook));
    value(await call(kiosk, 'kitchen.setStatus', { ticketId: grill, to: 'ready' }, cook));
    waiter = await signIn(kiosk, 'waiter');

    const manager = demoPerson('manager');
    value(
      await call(
        kiosk,
        'tables.void',
        { lineId: wine, approverId: manager.id, pin: manager.pin, reason: 'spilled' },
        waiter,
      ),
    );
    const bill = value<{ totalCents: number }>(await call(kiosk, 'tables.session', { sessionId }, waiter));
    const pay = async (amountCents: number, method: string, tipCents: number) =>
      value(
        await call(
          kiosk,
          'tables.pay',
          { sessionId, paymentKey: newId(), shareKey: 'all', amountCents, tipCents, method },
          waiter,
        ),
      );
    await pay(bill.totalCents - 1000, 'card', 300);
    await pay(1000, 'cash', 0);

    const owner = await signIn(kiosk, 'manager');
    const today = value<Sales>(await call(kiosk, 'tables.sales', { period: 'today' }, owner));
    expect(today).toMatchObject({
      takenCents: bill.totalCents,
      tipsCents: 300,
      bills: 1,
      averageBillCents: bill.totalCents,
      methods: { card: bill.totalCents - 1000, cash: 1000, voucher: 0 },
      ticketsReady: 1,
      voids: { count: 1, cents: 600 },
      comps: { count: 0, cents: 0 },
    });
    expect(today.ticketMinutes).toBe(12);
    expect(today.ticketsByStatus).toEqual({ new: 2, preparing: 0, ready: 1, served: 0 });
    // Two soups first, then the steak; the voided wine is not among what sold.
    expect(today.items.map((i) => [i.itemId, i.quantity])).toEqual([
      [FIXTURE.soup, 2],
      [FIXTURE.steak, 1],
    ]);
    expect(today.items.reduce((n, i) => n + i.cents, 0)).toBe(bill.totalCents);
    // The takings are in the site's current hour and day (10:12 in Paris).
    expect(today.byHour.at(-1)).toEqual({ label: '2026-11-22T10', cents: bill.totalCents });
    expect(today.byDay.at(-1)).toEqual({ label: '2026-11-22', cents: bill.totalCents });

    // A week on: nothing today, the same in the last 30 days, yesterday's sale in the daily chart.
    clock.advance(7 * 86_400_000);
    const later = value<Sales>(await call(kiosk, 'tables.sales', { period: 'today' }, await signIn(kiosk, 'manager')));
    expect(later).toMatchObject({ takenCents: 0, bills: 0, averageBillCents: null, ticketMinutes: null });
    const month = value<Sales>(await call(kiosk, 'tables.sales', { period: 'month' }, await signIn(kiosk, 'manager')));
    expect(month.takenCents).toBe(bill.totalCents);
    expect(month.byDay.find((d) => d.label === '2026-11-22')!.cents).toBe(bill.totalCents);

    // No money for the waiter or the consultant-like roles; bad input names the field.
    expect(codeOf(await call(kiosk, 'tables.sales', { period: 'today' }, await signIn(kiosk, 'waiter')))).toBe(
      'FORBIDDEN',
    );
    const bad = await call(kiosk, 'tables.sales', { period: 'year' }, await signIn(kiosk, 'manager'));
    expect(codeOf(bad)).toBe('VALIDATION_FAILED');
  });

  it('are refused on a vessel, which has no table service', async () => {
    const { kiosk } = await makeKiosk({ siteKey: 'vessel' });
    const admin = await signIn(kiosk, 'admin', 'vessel');
    expect(codeOf(await call(kiosk, 'tables.sales', {}, admin))).toBe('FORBIDDEN');
  });
});
