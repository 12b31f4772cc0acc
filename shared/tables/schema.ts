import type { SyncedRowBase } from '../synced-row.js';

/** A section of the menu (starters, mains, drinks); its station is where its items go by default. */
export interface MenuCategoryRow extends SyncedRowBase {
  name_en: string;
  name_fr: string;
  station: string | null;
  position: number;
  deleted_at: string | null;
}

export interface MenuItemRow extends SyncedRowBase {
  category_id: string;
  name_en: string;
  name_fr: string;
  price_cents: number;
  /** JSON array of allergen codes (shared/tables/allergens.ts). */
  allergens: string;
  /** JSON array of { id, nameEn, nameFr, priceCents }. */
  modifiers: string;
  /** Overrides the category's station; null: the category's. */
  station: string | null;
  /** 0 when the item is "86": sold out, on every kiosk once it syncs. */
  available: number;
  position: number;
  deleted_at: string | null;
}

export interface FloorAreaRow extends SyncedRowBase {
  name: string;
  position: number;
  deleted_at: string | null;
}

export interface DiningTableRow extends SyncedRowBase {
  area_id: string;
  label: string;
  /** Seats are numbered 1..seats. */
  seats: number;
  position: number;
  deleted_at: string | null;
}

/** A table's service from its opening to its close: the order is its lines. */
export interface TableSessionRow extends SyncedRowBase {
  table_id: string;
  guests: number;
  waiter_id: string;
  status: 'open' | 'closed' | 'merged';
  opened_at: string;
  closed_at: string | null;
  /** The session this one was merged into. */
  merged_into: string | null;
  deleted_at: string | null;
}

export interface OrderLineRow extends SyncedRowBase {
  session_id: string;
  seat: number;
  item_id: string;
  /** Name and prices as they were when ordered: a later menu change reprices nothing. */
  name_en: string;
  name_fr: string;
  unit_price_cents: number;
  quantity: number;
  /** JSON array of { id, nameEn, nameFr, priceCents }. */
  modifiers: string;
  note: string | null;
  course: number;
  station: string;
  status: 'pending' | 'sent' | 'void';
  comped: number;
  /** Why it was voided or comped, and the manager who approved it with their PIN. */
  reason: string | null;
  approved_by: string | null;
  ticket_id: string | null;
  added_by: string;
  deleted_at: string | null;
}

export interface KitchenTicketRow extends SyncedRowBase {
  session_id: string;
  table_label: string;
  station: string;
  course: number;
  status: 'new' | 'preparing' | 'ready' | 'served';
  sent_at: string;
  sent_by: string;
  acknowledged_at: string | null;
  ready_at: string | null;
  served_at: string | null;
  status_changed_by: string | null;
}

/** Insert-only: a payment once recorded is never changed nor removed (a refund would be a new row). */
export interface PaymentRow extends SyncedRowBase {
  session_id: string;
  /** Which part of the split it pays (seat-2, part-1, all). */
  share_key: string;
  amount_cents: number;
  tip_cents: number;
  method: 'cash' | 'card' | 'voucher';
  /** The voucher's code or the external terminal's receipt number. */
  reference: string | null;
  recorded_by: string;
}

/**
 * Insert-only: the session an id stands for when the device that used it had derived the id of a
 * service it had not heard of (shared/tables/session-aliases.ts). Keyed by (used id, device).
 */
export interface TableSessionAliasRow extends SyncedRowBase {
  used_id: string;
  device_id: string;
  session_id: string;
}

/** Whether the restaurant takes orders now (one row per site, id derived from it). */
export interface ServiceSettingRow extends SyncedRowBase {
  accepting_orders: number;
  changed_by: string;
}

/**
 * A shift of the service day: opened with a cash float, closed with the cash counted, what was
 * expected (the float and the cash taken during the shift, tips included) and the difference.
 */
export interface ServiceShiftRow extends SyncedRowBase {
  opened_at: string;
  opened_by: string;
  float_cents: number;
  closed_at: string | null;
  closed_by: string | null;
  counted_cents: number | null;
  expected_cents: number | null;
  difference_cents: number | null;
  note: string | null;
}

/** Synced tables of the table-service area, merged into SyncedDatabase (shared/schema.ts). */
export interface TablesTables {
  menu_categories: MenuCategoryRow;
  menu_items: MenuItemRow;
  floor_areas: FloorAreaRow;
  dining_tables: DiningTableRow;
  table_sessions: TableSessionRow;
  table_session_aliases: TableSessionAliasRow;
  kitchen_tickets: KitchenTicketRow;
  order_lines: OrderLineRow;
  payments: PaymentRow;
  service_settings: ServiceSettingRow;
  service_shifts: ServiceShiftRow;
}

/** In dependency order (referenced tables first): pulled pages apply in this order. */
export const TABLES_TABLES: readonly (keyof TablesTables)[] = [
  'menu_categories',
  'menu_items',
  'floor_areas',
  'dining_tables',
  'table_sessions',
  'table_session_aliases',
  'kitchen_tickets',
  'order_lines',
  'payments',
  'service_settings',
  'service_shifts',
];
export const TABLES_INSERT_ONLY: readonly (keyof TablesTables)[] = ['payments', 'table_session_aliases'];
