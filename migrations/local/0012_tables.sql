-- Table service (shared/tables/): the menu, the floor plan, table sessions with their order
-- lines, kitchen tickets and payments. Payments are insert-only, with ids derived from the
-- session and the share's payment key, so a retried payment is the same row.

CREATE TABLE menu_categories (
  id         TEXT PRIMARY KEY,
  site_id    TEXT NOT NULL,
  name_en    TEXT NOT NULL,
  name_fr    TEXT NOT NULL,
  station    TEXT,
  position   INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
) STRICT;
-- @synced menu_categories

CREATE TABLE menu_items (
  id          TEXT PRIMARY KEY,
  site_id     TEXT NOT NULL,
  category_id TEXT NOT NULL,
  name_en     TEXT NOT NULL,
  name_fr     TEXT NOT NULL,
  price_cents INTEGER NOT NULL CHECK (price_cents >= 0),
  allergens   TEXT NOT NULL CHECK (json_valid(allergens)),
  modifiers   TEXT NOT NULL CHECK (json_valid(modifiers)),
  station     TEXT,
  available   INTEGER NOT NULL,
  position    INTEGER NOT NULL,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  deleted_at  TEXT
) STRICT;
CREATE INDEX menu_items_category ON menu_items (category_id, position);
-- @synced menu_items

CREATE TABLE floor_areas (
  id         TEXT PRIMARY KEY,
  site_id    TEXT NOT NULL,
  name       TEXT NOT NULL,
  position   INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
) STRICT;
-- @synced floor_areas

CREATE TABLE dining_tables (
  id         TEXT PRIMARY KEY,
  site_id    TEXT NOT NULL,
  area_id    TEXT NOT NULL,
  label      TEXT NOT NULL,
  seats      INTEGER NOT NULL CHECK (seats BETWEEN 1 AND 40),
  position   INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
) STRICT;
-- @synced dining_tables

CREATE TABLE table_sessions (
  id          TEXT PRIMARY KEY,
  site_id     TEXT NOT NULL,
  table_id    TEXT NOT NULL,
  guests      INTEGER NOT NULL CHECK (guests BETWEEN 1 AND 40),
  waiter_id   TEXT NOT NULL,
  status      TEXT NOT NULL CHECK (status IN ('open', 'closed', 'merged')),
  opened_at   TEXT NOT NULL,
  closed_at   TEXT,
  merged_into TEXT,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  deleted_at  TEXT
) STRICT;
CREATE INDEX table_sessions_table ON table_sessions (table_id, status);
-- @synced table_sessions

CREATE TABLE kitchen_tickets (
  id                TEXT PRIMARY KEY,
  site_id           TEXT NOT NULL,
  session_id        TEXT NOT NULL,
  table_label       TEXT NOT NULL,
  station           TEXT NOT NULL,
  course            INTEGER NOT NULL,
  status            TEXT NOT NULL CHECK (status IN ('new', 'preparing', 'ready', 'served')),
  sent_at           TEXT NOT NULL,
  sent_by           TEXT NOT NULL,
  acknowledged_at   TEXT,
  ready_at          TEXT,
  served_at         TEXT,
  status_changed_by TEXT,
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL
) STRICT;
CREATE INDEX kitchen_tickets_site_status ON kitchen_tickets (site_id, status, sent_at);
-- @synced kitchen_tickets

CREATE TABLE order_lines (
  id               TEXT PRIMARY KEY,
  site_id          TEXT NOT NULL,
  session_id       TEXT NOT NULL,
  seat             INTEGER NOT NULL,
  item_id          TEXT NOT NULL,
  name_en          TEXT NOT NULL,
  name_fr          TEXT NOT NULL,
  unit_price_cents INTEGER NOT NULL CHECK (unit_price_cents >= 0),
  quantity         INTEGER NOT NULL CHECK (quantity BETWEEN 1 AND 99),
  modifiers        TEXT NOT NULL CHECK (json_valid(modifiers)),
  note             TEXT,
  course           INTEGER NOT NULL,
  station          TEXT NOT NULL,
  status           TEXT NOT NULL CHECK (status IN ('pending', 'sent', 'void')),
  comped           INTEGER NOT NULL,
  reason           TEXT,
  approved_by      TEXT,
  ticket_id        TEXT,
  added_by         TEXT NOT NULL,
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL,
  deleted_at       TEXT
) STRICT;
CREATE INDEX order_lines_session ON order_lines (session_id, seat);
CREATE INDEX order_lines_ticket ON order_lines (ticket_id);
-- @synced order_lines

CREATE TABLE payments (
  id           TEXT PRIMARY KEY,
  site_id      TEXT NOT NULL,
  session_id   TEXT NOT NULL,
  share_key    TEXT NOT NULL,
  amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
  tip_cents    INTEGER NOT NULL CHECK (tip_cents >= 0),
  method       TEXT NOT NULL CHECK (method IN ('cash', 'card', 'voucher')),
  reference    TEXT,
  recorded_by  TEXT NOT NULL,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL
) STRICT;
CREATE INDEX payments_session ON payments (session_id);
-- @insert-only payments
