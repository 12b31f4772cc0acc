-- Fuel (shared/fuel/): the kiosk's synced fuel tables with PostgreSQL types, `_version` for pulls,
-- row-level security by site. Every table but the anomalies is insert-only (readings are
-- corrected by new rows); raw instrument samples never come here over sync.

CREATE TABLE fuel_minutes (
  id          uuid PRIMARY KEY,
  site_id     uuid NOT NULL,
  minute      timestamptz NOT NULL,
  engine      integer NOT NULL,
  samples     integer NOT NULL,
  rpm         double precision,
  fuel_lph    double precision,
  fuel_l      double precision,
  sog_kn      double precision,
  stw_kn      double precision,
  distance_nm double precision,
  gps_time    integer NOT NULL CHECK (gps_time IN (0, 1)),
  created_at  timestamptz NOT NULL,
  updated_at  timestamptz NOT NULL,
  _version    bigint NOT NULL
);
CREATE INDEX fuel_minutes_version ON fuel_minutes (site_id, _version);
CREATE INDEX fuel_minutes_site_minute ON fuel_minutes (site_id, minute, engine);
CREATE TRIGGER fuel_minutes_insert_only BEFORE UPDATE OR DELETE ON fuel_minutes
  FOR EACH ROW EXECUTE FUNCTION shiftdeck_refuse_change();

CREATE TABLE fuel_bunkerings (
  id            uuid PRIMARY KEY,
  site_id       uuid NOT NULL,
  delivered_at  timestamptz NOT NULL,
  port          text NOT NULL,
  supplier      text NOT NULL,
  fuel_type     text NOT NULL,
  quantity_t    double precision NOT NULL,
  density_kg_m3 double precision NOT NULL,
  sulphur_pct   double precision NOT NULL,
  note_number   text NOT NULL,
  corrects_id   uuid,
  reason        text,
  entered_by    uuid,
  created_at    timestamptz NOT NULL,
  updated_at    timestamptz NOT NULL,
  _version      bigint NOT NULL
);
CREATE INDEX fuel_bunkerings_version ON fuel_bunkerings (site_id, _version);
CREATE TRIGGER fuel_bunkerings_insert_only BEFORE UPDATE OR DELETE ON fuel_bunkerings
  FOR EACH ROW EXECUTE FUNCTION shiftdeck_refuse_change();

CREATE TABLE fuel_soundings (
  id            uuid PRIMARY KEY,
  site_id       uuid NOT NULL,
  measured_at   timestamptz NOT NULL,
  tank          text NOT NULL,
  fuel_type     text NOT NULL,
  volume_m3     double precision NOT NULL,
  density_kg_m3 double precision NOT NULL,
  corrects_id   uuid,
  reason        text,
  entered_by    uuid,
  created_at    timestamptz NOT NULL,
  updated_at    timestamptz NOT NULL,
  _version      bigint NOT NULL
);
CREATE INDEX fuel_soundings_version ON fuel_soundings (site_id, _version);
CREATE TRIGGER fuel_soundings_insert_only BEFORE UPDATE OR DELETE ON fuel_soundings
  FOR EACH ROW EXECUTE FUNCTION shiftdeck_refuse_change();

CREATE TABLE fuel_noon_reports (
  id             uuid PRIMARY KEY,
  site_id        uuid NOT NULL,
  report_date    text NOT NULL,
  loading        text NOT NULL CHECK (loading IN ('laden', 'ballast')),
  distance_nm    double precision NOT NULL,
  hours_steaming double precision NOT NULL,
  consumption    text NOT NULL CONSTRAINT fuel_noon_reports_consumption_json CHECK (consumption::json IS NOT NULL),
  corrects_id    uuid,
  reason         text,
  entered_by     uuid,
  created_at     timestamptz NOT NULL,
  updated_at     timestamptz NOT NULL,
  _version       bigint NOT NULL
);
CREATE INDEX fuel_noon_reports_version ON fuel_noon_reports (site_id, _version);
CREATE TRIGGER fuel_noon_reports_insert_only BEFORE UPDATE OR DELETE ON fuel_noon_reports
  FOR EACH ROW EXECUTE FUNCTION shiftdeck_refuse_change();

CREATE TABLE fuel_anomalies (
  id          uuid PRIMARY KEY,
  site_id     uuid NOT NULL,
  kind        text NOT NULL CHECK (kind IN ('excessive_consumption', 'efficiency_drop', 'unusual_pattern', 'suspect_sensor')),
  sensor      text NOT NULL,
  engine      integer,
  expected    double precision NOT NULL,
  seen        double precision NOT NULL,
  unit        text NOT NULL,
  since       timestamptz NOT NULL,
  detected_at timestamptz NOT NULL,
  status      text NOT NULL CHECK (status IN ('open', 'investigating', 'resolved', 'dismissed')),
  root_cause  text,
  resolution  text,
  action      text,
  created_at  timestamptz NOT NULL,
  updated_at  timestamptz NOT NULL,
  _version    bigint NOT NULL,
  _hlc        text,
  _field_hlc  jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX fuel_anomalies_version ON fuel_anomalies (site_id, _version);

DO $$
DECLARE
  t text;
  writable text := '(site_id = shiftdeck_site() OR (site_id IS NULL AND shiftdeck_org_write()))';
BEGIN
  FOREACH t IN ARRAY ARRAY['fuel_minutes', 'fuel_bunkerings', 'fuel_soundings', 'fuel_noon_reports', 'fuel_anomalies'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY %I ON %I FOR SELECT USING (site_id IS NULL OR site_id = shiftdeck_site())', t || '_read', t);
    EXECUTE format('CREATE POLICY %I ON %I FOR INSERT WITH CHECK %s', t || '_insert', t, writable);
    EXECUTE format('CREATE POLICY %I ON %I FOR UPDATE USING %s WITH CHECK %s', t || '_update', t, writable, writable);
    EXECUTE format('CREATE POLICY %I ON %I FOR DELETE USING %s', t || '_delete', t, writable);
  END LOOP;
END
$$;

GRANT SELECT, INSERT, UPDATE ON fuel_anomalies TO shiftdeck_service;
GRANT SELECT, INSERT ON fuel_minutes, fuel_bunkerings, fuel_soundings, fuel_noon_reports TO shiftdeck_service;
