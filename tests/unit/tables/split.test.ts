import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors.js';
import { apportion, billTotalCents, lineTotalCents, type BillLine } from '../../../shared/tables/money.js';
import { balanceDue, splitBill } from '../../../shared/tables/split.js';
import { seededRandom } from '../../helpers/seeded-random.js';

const line = (id: string, seat: number, unit: number, extra: Partial<BillLine> = {}): BillLine => ({
  id,
  seat,
  unitPriceCents: unit,
  quantity: 1,
  modifiers: [],
  voided: false,
  comped: false,
  ...extra,
});

const sum = (xs: { amountCents: number }[]) => xs.reduce((s, x) => s + x.amountCents, 0);

describe('a bill', () => {
  it('charges price plus modifiers times quantity, and nothing for a voided or comped line', () => {
    expect(lineTotalCents(line('a', 1, 1250, { quantity: 2, modifiers: [{ id: 'x', priceCents: 150 }] }))).toBe(2800);
    expect(lineTotalCents(line('b', 1, 900, { voided: true }))).toBe(0);
    expect(lineTotalCents(line('c', 1, 900, { comped: true }))).toBe(0);
  });
});

describe('splitting a bill', () => {
  const lines = [line('a', 1, 1250), line('b', 1, 450), line('c', 2, 1999), line('d', 3, 333)];
  const total = billTotalCents(lines);

  it('equally: 10.00 between three is 3.34, 3.33, 3.33', () => {
    expect(apportion(1000, [1, 1, 1])).toEqual([334, 333, 333]);
    const shares = splitBill([line('a', 1, 1000)], { mode: 'equal', ways: 3 });
    expect(shares.map((s) => s.amountCents)).toEqual([334, 333, 333]);
  });

  it('by seat: each seat pays its own lines', () => {
    const shares = splitBill(lines, { mode: 'seat' });
    expect(shares).toEqual([
      { key: 'seat-1', amountCents: 1700, lineIds: ['a', 'b'] },
      { key: 'seat-2', amountCents: 1999, lineIds: ['c'] },
      { key: 'seat-3', amountCents: 333, lineIds: ['d'] },
    ]);
  });

  it('by item: a shared item is halved, the odd cent going to the first payer', () => {
    const shares = splitBill(lines, { mode: 'item', assign: { a: ['ann'], b: ['ann'], c: ['ann', 'bo'], d: ['bo'] } });
    expect(shares).toEqual([
      { key: 'ann', amountCents: 1250 + 450 + 1000, lineIds: ['a', 'b', 'c'] },
      { key: 'bo', amountCents: 999 + 333, lineIds: ['c', 'd'] },
    ]);
  });

  it('by item refuses an item nobody pays for, naming the field', () => {
    try {
      splitBill(lines, { mode: 'item', assign: { a: ['ann'] } });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).code).toBe('VALIDATION_FAILED');
      expect((e as AppError).details).toEqual({ issues: [{ path: 'assign', message: expect.stringContaining('b') }] });
    }
  });

  it('by amount: named amounts, then the rest; more than the bill is refused', () => {
    const shares = splitBill(lines, { mode: 'amount', amounts: [2000, 1000] });
    expect(shares.map((s) => [s.key, s.amountCents])).toEqual([
      ['part-1', 2000],
      ['part-2', 1000],
      ['rest', total - 3000],
    ]);
    expect(() => splitBill(lines, { mode: 'amount', amounts: [total + 1] })).toThrow(/more than the bill/);
    expect(() => splitBill(lines, { mode: 'amount', amounts: [12.5] })).toThrow(/positive number of cents/);
  });

  it('always adds up to the bill, to the cent, for any bill and any split (seeded)', () => {
    const rnd = seededRandom(15).next;
    const int = (n: number) => Math.floor(rnd() * n);
    for (let run = 0; run < 500; run++) {
      const ls = Array.from({ length: 1 + int(12) }, (_, i) =>
        line(`l${i}`, 1 + int(6), int(5000), {
          quantity: 1 + int(3),
          modifiers: int(2) ? [{ id: 'm', priceCents: int(300) }] : [],
          comped: int(10) === 0,
          voided: int(10) === 0,
        }),
      );
      const t = billTotalCents(ls);
      const guests = ['a', 'b', 'c', 'd'];
      const assign = Object.fromEntries(ls.map((l) => [l.id, guests.slice(0, 1 + int(4))]));
      expect(sum(splitBill(ls, { mode: 'whole' }))).toBe(t);
      expect(sum(splitBill(ls, { mode: 'seat' }))).toBe(t);
      expect(sum(splitBill(ls, { mode: 'equal', ways: 1 + int(9) }))).toBe(t);
      expect(sum(splitBill(ls, { mode: 'item', assign }))).toBe(t);
      if (t > 1) expect(sum(splitBill(ls, { mode: 'amount', amounts: [1 + int(t - 1)] }))).toBe(t);
      for (const s of splitBill(ls, { mode: 'equal', ways: 7 })) expect(Number.isInteger(s.amountCents)).toBe(true);
    }
  });

  it('equal shares differ by at most one cent', () => {
    const shares = apportion(10001, [1, 1, 1, 1, 1, 1, 1]);
    expect(Math.max(...shares) - Math.min(...shares)).toBeLessThanOrEqual(1);
  });

  it('what is left to pay never goes below zero', () => {
    expect(balanceDue(1000, [400, 300])).toBe(300);
    expect(balanceDue(1000, [600, 600])).toBe(0);
  });
});
