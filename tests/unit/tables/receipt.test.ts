import { describe, expect, it } from 'vitest';
import { documentHash } from '../../../shared/exports/export-document.js';
import { receiptDocument, type ReceiptBill } from '../../../shared/tables/receipt.js';

const name = (en: string, fr = en) => ({ en, fr });
const bill: ReceiptBill = {
  id: '0190b2c4-1d2e-7f00-8a00-000000000001',
  tableLabel: 'T3',
  guests: 2,
  lines: [
    {
      seat: 1,
      name: name('Onion soup', 'Soupe à l’oignon'),
      quantity: 2,
      modifiers: [],
      status: 'sent',
      comped: false,
      totalCents: 1500,
    },
    {
      seat: 2,
      name: name('Steak'),
      quantity: 1,
      modifiers: [{ name: name('Pepper sauce', 'Sauce poivre') }],
      status: 'sent',
      comped: false,
      totalCents: 2650,
    },
    { seat: 2, name: name('Wine', 'Vin'), quantity: 1, modifiers: [], status: 'void', comped: false, totalCents: 0 },
    { seat: 1, name: name('Coffee', 'Café'), quantity: 1, modifiers: [], status: 'sent', comped: true, totalCents: 0 },
  ],
  totalCents: 4150,
  paidCents: 4150,
  tipCents: 300,
  dueCents: 0,
  payments: [
    { amountCents: 3000, tipCents: 300, method: 'card' },
    { amountCents: 1150, tipCents: 0, method: 'cash' },
  ],
};

describe('the receipt', () => {
  it('lists what was served in both languages (voided lines left out, offered ones marked), the payments and the totals', () => {
    const doc = receiptDocument(bill, { site: 'Le Petit Bistro' }, '2026-11-22T21:00:00.000Z');
    expect(doc.kind).toBe('table_receipt');
    expect(Object.fromEntries(doc.facts.map((f) => [f.key, f.value]))).toEqual({
      site: 'Le Petit Bistro',
      table: 'T3',
      guests: 2,
      total: '41.50',
      paid: '41.50',
      tips: '3.00',
      due: '0.00',
    });
    const lines = doc.tables.find((x) => x.id === 'lines')!.rows;
    expect(lines.map((r) => [r.quantity, r.item, r.amount, r.offered])).toEqual([
      [2, 'Onion soup / Soupe à l’oignon', '15.00', 'charged'],
      [1, 'Steak + Pepper sauce / Sauce poivre', '26.50', 'charged'],
      [1, 'Coffee / Café', '0.00', 'comped'],
    ]);
    expect(doc.tables.find((x) => x.id === 'payments')!.rows).toEqual([
      { method: 'card', amount: '30.00', tip: '3.00' },
      { method: 'cash', amount: '11.50', tip: '0.00' },
    ]);
    // The same bill printed later is the same document.
    expect(documentHash(receiptDocument(bill, { site: 'Le Petit Bistro' }, '2026-11-23T08:00:00.000Z'))).toBe(
      documentHash(doc),
    );
  });
});
