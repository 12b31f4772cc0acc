import type { Kysely } from 'kysely';
import type { SyncedDatabase } from '../schema.js';
import type { BillLine, PricedModifier } from './money.js';
import type { OrderLineRow } from './schema.js';

export interface StoredModifier {
  id: string;
  nameEn: string;
  nameFr: string;
  priceCents: number;
}

export function parseModifiers(json: string): StoredModifier[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? (v as StoredModifier[]) : [];
  } catch {
    return [];
  }
}

export const billLineOf = (l: OrderLineRow): BillLine => ({
  id: l.id,
  seat: l.seat,
  unitPriceCents: l.unit_price_cents,
  quantity: l.quantity,
  modifiers: parseModifiers(l.modifiers).map((m): PricedModifier => ({ id: m.id, priceCents: m.priceCents })),
  voided: l.status === 'void',
  comped: l.comped === 1,
});

/** A session's live lines (not removed), in the order they were taken. */
export const sessionLines = (db: Kysely<SyncedDatabase>, siteId: string, sessionId: string) =>
  db
    .selectFrom('order_lines')
    .selectAll()
    .where('site_id', '=', siteId)
    .where('session_id', '=', sessionId)
    .where('deleted_at', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .execute();

export const sessionPayments = (db: Kysely<SyncedDatabase>, siteId: string, sessionId: string) =>
  db
    .selectFrom('payments')
    .selectAll()
    .where('site_id', '=', siteId)
    .where('session_id', '=', sessionId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
