import type { ExportDocument, L10n } from '../exports/export-document.js';

/** What a receipt is made of: the bill as the `tables.session` read gives it, and where it was. */
export interface ReceiptBill {
  id: string;
  tableLabel: string;
  guests: number;
  lines: {
    seat: number;
    name: L10n;
    quantity: number;
    modifiers: { name: L10n }[];
    status: 'pending' | 'sent' | 'void';
    comped: boolean;
    totalCents: number;
  }[];
  totalCents: number;
  paidCents: number;
  tipCents: number;
  dueCents: number;
  payments: { amountCents: number; tipCents: number; method: 'cash' | 'card' | 'voucher' }[];
}

const METHOD_WORDS: Readonly<Record<string, L10n>> = {
  cash: { en: 'Cash', fr: 'Espèces' },
  card: { en: 'Card', fr: 'Carte' },
  voucher: { en: 'Voucher', fr: 'Bon' },
};
const LINE_WORDS: Readonly<Record<string, L10n>> = {
  charged: { en: '', fr: '' },
  comped: { en: 'Offered', fr: 'Offert' },
};

/** A name in both languages when they differ (Onion soup / Soupe à l'oignon). */
const both = (n: L10n) => (n.en === n.fr ? n.en : `${n.en} / ${n.fr}`);

/** Euros with two decimals, the same in both languages' PDF columns (12.50). */
const euros = (cents: number) => (cents / 100).toFixed(2);

/**
 * A guest's receipt as an export document (the shared PDF writer prints it in both languages):
 * the restaurant, the table, each line charged or offered (voided lines were never served and are
 * left out), the total, what was paid by which method, the tips and what is still due.
 *
 * @example receiptDocument(bill, { site: 'Le Petit Bistro' }, now).facts.find((f) => f.key === 'total')!.value // '34.00'
 */
export function receiptDocument(bill: ReceiptBill, where: { site: string }, now: string): ExportDocument {
  const served = bill.lines.filter((l) => l.status !== 'void');
  return {
    kind: 'table_receipt',
    subject: bill.id,
    title: { en: `Receipt · table ${bill.tableLabel}`, fr: `Reçu · table ${bill.tableLabel}` },
    generatedAt: now,
    facts: [
      { key: 'site', label: { en: 'Restaurant', fr: 'Restaurant' }, value: where.site },
      { key: 'table', label: { en: 'Table', fr: 'Table' }, value: bill.tableLabel },
      { key: 'guests', label: { en: 'Guests', fr: 'Couverts' }, value: bill.guests },
      { key: 'total', label: { en: 'Total (EUR)', fr: 'Total (EUR)' }, value: euros(bill.totalCents) },
      { key: 'paid', label: { en: 'Paid (EUR)', fr: 'Payé (EUR)' }, value: euros(bill.paidCents) },
      { key: 'tips', label: { en: 'Tips (EUR)', fr: 'Pourboires (EUR)' }, value: euros(bill.tipCents) },
      { key: 'due', label: { en: 'Still due (EUR)', fr: 'Reste dû (EUR)' }, value: euros(bill.dueCents) },
    ],
    tables: [
      {
        id: 'lines',
        title: { en: 'What was served', fr: 'Ce qui a été servi' },
        columns: [
          { key: 'quantity', label: { en: 'Qty', fr: 'Qté' }, width: 0.5 },
          { key: 'item', label: { en: 'Item', fr: 'Article' }, width: 2.2 },
          { key: 'seat', label: { en: 'Seat', fr: 'Place' }, width: 0.5 },
          { key: 'amount', label: { en: 'Amount (EUR)', fr: 'Montant (EUR)' }, width: 0.9 },
          { key: 'offered', label: { en: 'Note', fr: 'Remarque' }, width: 0.8, codes: LINE_WORDS },
        ],
        rows: served.map((l) => ({
          quantity: l.quantity,
          item: [l.name, ...l.modifiers.map((m) => m.name)].map(both).join(' + '),
          seat: l.seat,
          amount: euros(l.totalCents),
          offered: l.comped ? 'comped' : 'charged',
        })),
      },
      {
        id: 'payments',
        title: { en: 'Payments', fr: 'Paiements' },
        columns: [
          { key: 'method', label: { en: 'Method', fr: 'Moyen' }, codes: METHOD_WORDS },
          { key: 'amount', label: { en: 'Amount (EUR)', fr: 'Montant (EUR)' } },
          { key: 'tip', label: { en: 'Tip (EUR)', fr: 'Pourboire (EUR)' } },
        ],
        rows: bill.payments.map((p) => ({ method: p.method, amount: euros(p.amountCents), tip: euros(p.tipCents) })),
      },
    ],
  };
}
