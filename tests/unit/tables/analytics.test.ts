import { describe, expect, it } from 'vitest';
import { salesFigures, type SalesLine } from '../../../shared/tables/analytics.js';

// Sunday 22 Nov 2026, 10:00 in Paris (UTC+1).
const NOW = Date.parse('2026-11-22T09:00:00Z');
const at = (iso: string) => Date.parse(iso);
const line = (
  id: string,
  o: Partial<SalesLine['bill']> & { itemId?: string; sent?: boolean; at?: number },
): SalesLine => ({
  bill: {
    id,
    seat: 1,
    unitPriceCents: o.unitPriceCents ?? 1000,
    quantity: o.quantity ?? 1,
    modifiers: o.modifiers ?? [],
    voided: o.voided ?? false,
    comped: o.comped ?? false,
  },
  itemId: o.itemId ?? 'soup',
  nameEn: o.itemId ?? 'soup',
  nameFr: o.itemId ?? 'soupe',
  sent: o.sent ?? true,
  at: o.at ?? at('2026-11-22T08:00:00Z'),
});
const pay = (session: string, cents: number, method: 'cash' | 'card' | 'voucher', iso: string, tip = 0) => ({
  session_id: session,
  amount_cents: cents,
  tip_cents: tip,
  method,
  created_at: iso,
});

describe('sales figures', () => {
  const input = {
    payments: [
      pay('s1', 3000, 'card', '2026-11-22T08:30:00Z', 200), // 09:30 today
      pay('s1', 1000, 'cash', '2026-11-22T08:40:00Z'),
      pay('s2', 2500, 'voucher', '2026-11-21T22:30:00Z'), // 23:30 yesterday in Paris
      pay('s3', 9999, 'cash', '2026-11-22T09:30:00Z'), // after now: not yet
    ],
    lines: [
      line('a', { itemId: 'soup', quantity: 2, unitPriceCents: 750 }),
      line('b', { itemId: 'steak', unitPriceCents: 2400, modifiers: [{ id: 'm', priceCents: 250 }] }),
      line('c', { itemId: 'wine', unitPriceCents: 600, voided: true }),
      line('d', { itemId: 'soup', unitPriceCents: 750, comped: true }),
      line('e', { itemId: 'steak', sent: false }), // still on the waiter's pad
      line('f', { itemId: 'wine', at: at('2026-11-21T20:00:00Z') }), // yesterday
    ],
    tickets: [
      { status: 'ready' as const, sent_at: '2026-11-22T08:00:00Z', ready_at: '2026-11-22T08:10:00Z' },
      { status: 'served' as const, sent_at: '2026-11-22T08:05:00Z', ready_at: '2026-11-22T08:25:00Z' },
      { status: 'new' as const, sent_at: '2026-11-22T08:50:00Z', ready_at: null },
      { status: 'ready' as const, sent_at: '2026-11-21T19:00:00Z', ready_at: '2026-11-21T20:00:00Z' },
    ],
  };

  it("count today's takings, bills, methods, items, voids, comps and ticket times in the site's day", () => {
    const f = salesFigures(input, { now: NOW, timeZone: 'Europe/Paris', period: 'today' });
    expect(f).toMatchObject({
      takenCents: 4000,
      tipsCents: 200,
      bills: 1,
      averageBillCents: 4000,
      methods: { cash: 1000, card: 3000, voucher: 0 },
      voids: { count: 1, cents: 600 },
      comps: { count: 1, cents: 750 },
      ticketsReady: 2,
      ticketsByStatus: { new: 1, preparing: 0, ready: 1, served: 1 },
    });
    expect(f.ticketMinutes).toBe(15);
    // Three soups (one comped, so not charged), then the steak with its sauce.
    expect(f.items).toEqual([
      { itemId: 'soup', nameEn: 'soup', nameFr: 'soup', quantity: 3, cents: 1500 },
      { itemId: 'steak', nameEn: 'steak', nameFr: 'steak', quantity: 1, cents: 2650 },
    ]);
    expect(f.byHour.at(-1)!.label).toBe('2026-11-22T10');
    expect(f.byHour.find((h) => h.label === '2026-11-22T09')!.cents).toBe(4000);
    expect(f.byHour.find((h) => h.label === '2026-11-21T23')!.cents).toBe(2500);
    expect(f.byDay.slice(-2)).toEqual([
      { label: '2026-11-21', cents: 2500 },
      { label: '2026-11-22', cents: 4000 },
    ]);
  });

  it('take in the days before for a week, and show nothing where nothing was paid', () => {
    const week = salesFigures(input, { now: NOW, timeZone: 'Europe/Paris', period: 'week' });
    expect(week).toMatchObject({ takenCents: 6500, bills: 2, averageBillCents: 3250 });
    expect(week.items.map((i) => [i.itemId, i.quantity])).toEqual([
      ['soup', 3],
      ['steak', 1],
      ['wine', 1],
    ]);
    expect(week.ticketMinutes).toBe((10 + 20 + 60) / 3);
    const empty = salesFigures(
      { payments: [], lines: [], tickets: [] },
      { now: NOW, timeZone: 'UTC', period: 'month' },
    );
    expect(empty).toMatchObject({ takenCents: 0, bills: 0, averageBillCents: null, ticketMinutes: null, items: [] });
    expect(empty.byDay).toHaveLength(30);
    expect(empty.byHour).toHaveLength(24);
  });
});
