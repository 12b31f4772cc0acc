import { AppError } from '../errors.js';
import { apportion, billTotalCents, lineTotalCents, type BillLine } from './money.js';

export const SPLIT_MODES = ['whole', 'seat', 'item', 'equal', 'amount'] as const;
export type SplitMode = (typeof SPLIT_MODES)[number];

/** One part of a split bill: who pays it (a label the screen shows) and how much. */
export interface BillShare {
  key: string;
  amountCents: number;
  /** The lines this share pays for (by seat or by item); empty for equal and amount splits. */
  lineIds: string[];
}

export type SplitRequest =
  | { mode: 'whole' }
  | { mode: 'seat' }
  | { mode: 'equal'; ways: number }
  /** `assign`: line id -> the share keys that pay for it (a line shared by two guests is halved). */
  | { mode: 'item'; assign: Readonly<Record<string, readonly string[]>> }
  /** Amounts the guests name; what they leave is the last share ("the rest"). */
  | { mode: 'amount'; amounts: readonly number[] };

const invalid = (field: string, message: string) =>
  new AppError('VALIDATION_FAILED', message, { issues: [{ path: field, message }] });

/**
 * Splits a bill into shares that always add up to the bill, to the cent.
 *
 * @example splitBill(lines, { mode: 'equal', ways: 3 }) // 10.00 -> 3.34, 3.33, 3.33
 */
export function splitBill(lines: readonly BillLine[], req: SplitRequest): BillShare[] {
  const total = billTotalCents(lines);
  switch (req.mode) {
    case 'whole':
      return [{ key: 'all', amountCents: total, lineIds: lines.map((l) => l.id) }];
    case 'seat': {
      const seats = [...new Set(lines.map((l) => l.seat))].sort((a, b) => a - b);
      return seats.map((seat) => {
        const mine = lines.filter((l) => l.seat === seat);
        return { key: `seat-${seat}`, amountCents: billTotalCents(mine), lineIds: mine.map((l) => l.id) };
      });
    }
    case 'equal': {
      if (!Number.isInteger(req.ways) || req.ways < 1 || req.ways > 50)
        throw invalid('ways', 'Split equally between 1 and 50 guests.');
      return apportion(
        total,
        Array.from({ length: req.ways }, () => 1),
      ).map((amountCents, i) => ({
        key: `part-${i + 1}`,
        amountCents,
        lineIds: [],
      }));
    }
    case 'item': {
      const byKey = new Map<string, BillShare>();
      const share = (key: string) => {
        let s = byKey.get(key);
        if (!s) byKey.set(key, (s = { key, amountCents: 0, lineIds: [] }));
        return s;
      };
      for (const line of lines) {
        const payers = req.assign[line.id];
        if (!payers || payers.length === 0)
          throw invalid('assign', `Say who pays for every item: line ${line.id} has nobody.`);
        apportion(
          lineTotalCents(line),
          payers.map(() => 1),
        ).forEach((cents, i) => {
          const s = share(payers[i]!);
          s.amountCents += cents;
          s.lineIds.push(line.id);
        });
      }
      const unknown = Object.keys(req.assign).filter((id) => !lines.some((l) => l.id === id));
      if (unknown.length > 0) throw invalid('assign', `These items are not on the bill: ${unknown.join(', ')}.`);
      return [...byKey.values()];
    }
    case 'amount': {
      if (req.amounts.some((a) => !Number.isInteger(a) || a <= 0))
        throw invalid('amounts', 'Each amount is a positive number of cents.');
      const named = req.amounts.reduce((s, a) => s + a, 0);
      if (named > total)
        throw invalid('amounts', `The amounts (${named} cents) are more than the bill (${total} cents).`);
      const shares = req.amounts.map((amountCents, i) => ({ key: `part-${i + 1}`, amountCents, lineIds: [] }));
      if (named < total) shares.push({ key: 'rest', amountCents: total - named, lineIds: [] });
      return shares;
    }
  }
}

/** What is still owed once `paid` (cents, tips excluded) has been recorded; never below zero. */
export function balanceDue(totalCents: number, paidCents: readonly number[]): number {
  return Math.max(0, totalCents - paidCents.reduce((s, p) => s + p, 0));
}
