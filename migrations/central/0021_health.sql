-- Health (issue 16 §4): the kiosk's 0021_health (error_log, retention_settings) with PostgreSQL
-- types, `_version` for pulls, `_hlc` and `_field_hlc`, row-level security by site and grants.
-- An error_log row is never edited: only its retention (deleted_at) may change.

CREATE TABLE retention_settings (
  id          uuid PRIMARY KEY,
  site_id     uuid NOT NULL,
  kind        text NOT NULL,
  days        integer NOT NULL CHECK (days BETWEEN 1 AND 3650),
  created_at  timestamptz NOT NULL,
  updated_at  timestamptz NOT NULL,
  _version    bigint NOT NULL,
  _hlc        text,
  _field_hlc  jsonb NOT NULL DEFAULT '{}'::jsonb,
  UNIQUE (site_id, kind)
);
CREATE INDEX retention_settings_version ON retention_settings (site_id, _version);

CREATE TABLE error_log (
  id          uuid PRIMARY KEY,
  site_id     uuid NOT NULL,
  device_id   text NOT NULL,
  code        text NOT NULL,
  place       text NOT NULL,
  app_version text NOT NULL,
  occurred_at timestamptz NOT NULL,
  created_at  timestamptz NOT NULL,
  updated_at  timestamptz NOT NULL,
  deleted_at  timestamptz,
  _version    bigint NOT NULL,
  _hlc        text,
  _field_hlc  jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX error_log_version ON error_log (site_id, _version);
CREATE INDEX error_log_site_time ON error_log (site_id, occurred_at);

CREATE FUNCTION shiftdeck_error_log_no_edit() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' OR (NEW.site_id, NEW.device_id, NEW.code, NEW.place, NEW.app_version, NEW.occurred_at)
      IS DISTINCT FROM (OLD.site_id, OLD.device_id, OLD.code, OLD.place, OLD.app_version, OLD.occurred_at) THEN
    RAISE EXCEPTION 'error_log rows are never edited; only their retention removes them';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER error_log_no_edit BEFORE UPDATE OR DELETE ON error_log
  FOR EACH ROW EXECUTE FUNCTION shiftdeck_error_log_no_edit();

DO $$
DECLARE
  t text;
  writable text := '(site_id = shiftdeck_site())';
BEGIN
  FOREACH t IN ARRAY ARRAY['retention_settings', 'error_log'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY %I ON %I FOR SELECT USING (site_id = shiftdeck_site())', t || '_read', t);
    EXECUTE format('CREATE POLICY %I ON %I FOR INSERT WITH CHECK %s', t || '_insert', t, writable);
    EXECUTE format('CREATE POLICY %I ON %I FOR UPDATE USING %s WITH CHECK %s', t || '_update', t, writable, writable);
  END LOOP;
END
$$;

GRANT SELECT, INSERT, UPDATE ON retention_settings, error_log TO shiftdeck_service;
