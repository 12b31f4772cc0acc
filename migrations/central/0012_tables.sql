-- Table service (shared/tables/): the kiosk's tables (0012_tables.sql in migrations/local) with
-- PostgreSQL types, `_version` for pulls, `_hlc` and `_field_hlc` on mutable tables (payments are
-- insert-only), row-level security by site and least-privilege grants.

CREATE TABLE menu_categories (
  id         uuid PRIMARY KEY,
  site_id    uuid NOT NULL,
  name_en    text NOT NULL,
  name_fr    text NOT NULL,
  station    text,
  position   integer NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  deleted_at timestamptz,
  _version   bigint NOT NULL,
  _hlc       text,
  _field_hlc jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX menu_categories_version ON menu_categories (site_id, _version);

CREATE TABLE menu_items (
  id          uuid PRIMARY KEY,
  site_id     uuid NOT NULL,
  category_id uuid NOT NULL,
  name_en     text NOT NULL,
  name_fr     text NOT NULL,
  price_cents integer NOT NULL CHECK (price_cents >= 0),
  allergens   text NOT NULL CONSTRAINT menu_items_allergens_json CHECK (allergens::json IS NOT NULL),
  modifiers   text NOT NULL CONSTRAINT menu_items_modifiers_json CHECK (modifiers::json IS NOT NULL),
  station     text,
  available   integer NOT NULL,
  position    integer NOT NULL,
  created_at  timestamptz NOT NULL,
  updated_at  timestamptz NOT NULL,
  deleted_at  timestamptz,
  _version    bigint NOT NULL,
  _hlc        text,
  _field_hlc  jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX menu_items_version ON menu_items (site_id, _version);

CREATE TABLE floor_areas (
  id         uuid PRIMARY KEY,
  site_id    uuid NOT NULL,
  name       text NOT NULL,
  position   integer NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  deleted_at timestamptz,
  _version   bigint NOT NULL,
  _hlc       text,
  _field_hlc jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX floor_areas_version ON floor_areas (site_id, _version);

CREATE TABLE dining_tables (
  id         uuid PRIMARY KEY,
  site_id    uuid NOT NULL,
  area_id    uuid NOT NULL,
  label      text NOT NULL,
  seats      integer NOT NULL CHECK (seats BETWEEN 1 AND 40),
  position   integer NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  deleted_at timestamptz,
  _version   bigint NOT NULL,
  _hlc       text,
  _field_hlc jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX dining_tables_version ON dining_tables (site_id, _version);

CREATE TABLE table_sessions (
  id          uuid PRIMARY KEY,
  site_id     uuid NOT NULL,
  table_id    uuid NOT NULL,
  guests      integer NOT NULL CHECK (guests BETWEEN 1 AND 40),
  waiter_id   uuid NOT NULL,
  status      text NOT NULL CHECK (status IN ('open', 'closed', 'merged')),
  opened_at   timestamptz NOT NULL,
  closed_at   timestamptz,
  merged_into uuid,
  created_at  timestamptz NOT NULL,
  updated_at  timestamptz NOT NULL,
  deleted_at  timestamptz,
  _version    bigint NOT NULL,
  _hlc        text,
  _field_hlc  jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX table_sessions_version ON table_sessions (site_id, _version);
CREATE INDEX table_sessions_table ON table_sessions (table_id, status);

CREATE TABLE kitchen_tickets (
  id                uuid PRIMARY KEY,
  site_id           uuid NOT NULL,
  session_id        uuid NOT NULL,
  table_label       text NOT NULL,
  station           text NOT NULL,
  course            integer NOT NULL,
  status            text NOT NULL CHECK (status IN ('new', 'preparing', 'ready', 'served')),
  sent_at           timestamptz NOT NULL,
  sent_by           uuid NOT NULL,
  acknowledged_at   timestamptz,
  ready_at          timestamptz,
  served_at         timestamptz,
  status_changed_by uuid,
  created_at        timestamptz NOT NULL,
  updated_at        timestamptz NOT NULL,
  _version          bigint NOT NULL,
  _hlc              text,
  _field_hlc        jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX kitchen_tickets_version ON kitchen_tickets (site_id, _version);

CREATE TABLE order_lines (
  id               uuid PRIMARY KEY,
  site_id          uuid NOT NULL,
  session_id       uuid NOT NULL,
  seat             integer NOT NULL,
  item_id          uuid NOT NULL,
  name_en          text NOT NULL,
  name_fr          text NOT NULL,
  unit_price_cents integer NOT NULL CHECK (unit_price_cents >= 0),
  quantity         integer NOT NULL CHECK (quantity BETWEEN 1 AND 99),
  modifiers        text NOT NULL CONSTRAINT order_lines_modifiers_json CHECK (modifiers::json IS NOT NULL),
  note             text,
  course           integer NOT NULL,
  station          text NOT NULL,
  status           text NOT NULL CHECK (status IN ('pending', 'sent', 'void')),
  comped           integer NOT NULL,
  reason           text,
  approved_by      uuid,
  ticket_id        uuid,
  added_by         uuid NOT NULL,
  created_at       timestamptz NOT NULL,
  updated_at       timestamptz NOT NULL,
  deleted_at       timestamptz,
  _version         bigint NOT NULL,
  _hlc             text,
  _field_hlc       jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX order_lines_version ON order_lines (site_id, _version);
CREATE INDEX order_lines_session ON order_lines (session_id, seat);

CREATE TABLE payments (
  id           uuid PRIMARY KEY,
  site_id      uuid NOT NULL,
  session_id   uuid NOT NULL,
  share_key    text NOT NULL,
  amount_cents integer NOT NULL CHECK (amount_cents > 0),
  tip_cents    integer NOT NULL CHECK (tip_cents >= 0),
  method       text NOT NULL CHECK (method IN ('cash', 'card', 'voucher')),
  reference    text,
  recorded_by  uuid NOT NULL,
  created_at   timestamptz NOT NULL,
  updated_at   timestamptz NOT NULL,
  _version     bigint NOT NULL
);
CREATE INDEX payments_version ON payments (site_id, _version);
CREATE INDEX payments_session ON payments (session_id);
CREATE TRIGGER payments_insert_only BEFORE UPDATE OR DELETE ON payments
  FOR EACH ROW EXECUTE FUNCTION shiftdeck_refuse_change();

DO $$
DECLARE
  t text;
  writable text := '(site_id = shiftdeck_site() OR (site_id IS NULL AND shiftdeck_org_write()))';
BEGIN
  FOREACH t IN ARRAY ARRAY['menu_categories', 'menu_items', 'floor_areas', 'dining_tables', 'table_sessions',
                           'kitchen_tickets', 'order_lines', 'payments'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY %I ON %I FOR SELECT USING (site_id IS NULL OR site_id = shiftdeck_site())', t || '_read', t);
    EXECUTE format('CREATE POLICY %I ON %I FOR INSERT WITH CHECK %s', t || '_insert', t, writable);
    EXECUTE format('CREATE POLICY %I ON %I FOR UPDATE USING %s WITH CHECK %s', t || '_update', t, writable, writable);
    EXECUTE format('CREATE POLICY %I ON %I FOR DELETE USING %s', t || '_delete', t, writable);
  END LOOP;
END
$$;

GRANT SELECT, INSERT, UPDATE ON menu_categories, menu_items, floor_areas, dining_tables, table_sessions,
  kitchen_tickets, order_lines TO shiftdeck_service;
GRANT SELECT, INSERT ON payments TO shiftdeck_service;
