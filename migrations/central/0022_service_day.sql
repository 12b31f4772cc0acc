-- The service day (issue 15 §5): the kiosk's 0023_service_day (service_settings, service_shifts)
-- with PostgreSQL types, `_version` for pulls, `_hlc` and `_field_hlc`, row-level security by
-- site and grants. Neither is ever deleted: a shift is closed, a setting changed.

CREATE TABLE service_settings (
  id               uuid PRIMARY KEY,
  site_id          uuid NOT NULL,
  accepting_orders integer NOT NULL CHECK (accepting_orders IN (0, 1)),
  changed_by       uuid NOT NULL,
  created_at       timestamptz NOT NULL,
  updated_at       timestamptz NOT NULL,
  _version         bigint NOT NULL,
  _hlc             text,
  _field_hlc       jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX service_settings_version ON service_settings (site_id, _version);

CREATE TABLE service_shifts (
  id               uuid PRIMARY KEY,
  site_id          uuid NOT NULL,
  opened_at        timestamptz NOT NULL,
  opened_by        uuid NOT NULL,
  float_cents      integer NOT NULL CHECK (float_cents >= 0),
  closed_at        timestamptz,
  closed_by        uuid,
  counted_cents    integer CHECK (counted_cents >= 0),
  expected_cents   integer,
  difference_cents integer,
  note             text,
  created_at       timestamptz NOT NULL,
  updated_at       timestamptz NOT NULL,
  _version         bigint NOT NULL,
  _hlc             text,
  _field_hlc       jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX service_shifts_version ON service_shifts (site_id, _version);
CREATE INDEX service_shifts_site ON service_shifts (site_id, opened_at);

DO $$
DECLARE
  t text;
  writable text := '(site_id = shiftdeck_site())';
BEGIN
  FOREACH t IN ARRAY ARRAY['service_settings', 'service_shifts'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY %I ON %I FOR SELECT USING (site_id = shiftdeck_site())', t || '_read', t);
    EXECUTE format('CREATE POLICY %I ON %I FOR INSERT WITH CHECK %s', t || '_insert', t, writable);
    EXECUTE format('CREATE POLICY %I ON %I FOR UPDATE USING %s WITH CHECK %s', t || '_update', t, writable, writable);
  END LOOP;
END
$$;

GRANT SELECT, INSERT, UPDATE ON service_settings, service_shifts TO shiftdeck_service;
