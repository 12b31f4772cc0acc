-- The mirror of the kiosk's 0019 (issue 12 §9 and §6): signed, insert-only seals of incident
-- histories, and the regulatory log merged per field. Row-level security by site, no DELETE.

CREATE TABLE incident_seals (
  id          uuid PRIMARY KEY,
  site_id     uuid NOT NULL,
  incident_id uuid NOT NULL,
  device_id   uuid NOT NULL,
  key_id      text NOT NULL CHECK (key_id ~ '^[0-9a-f]{16}$'),
  public_key  text NOT NULL CHECK (public_key ~ '^[A-Za-z0-9_-]{43}$'),
  head        text NOT NULL CHECK (head ~ '^[0-9a-f]{64}$'),
  entries     text NOT NULL,
  signature   text NOT NULL,
  sealed_at   timestamptz NOT NULL,
  created_at  timestamptz NOT NULL,
  updated_at  timestamptz NOT NULL,
  _version    bigint NOT NULL
);
CREATE INDEX incident_seals_version ON incident_seals (site_id, _version);
CREATE INDEX incident_seals_incident ON incident_seals (incident_id, sealed_at);
CREATE TRIGGER incident_seals_insert_only BEFORE UPDATE OR DELETE ON incident_seals
  FOR EACH ROW EXECUTE FUNCTION shiftdeck_refuse_change();

CREATE TABLE incident_regulatory (
  id                     uuid PRIMARY KEY,
  site_id                uuid NOT NULL,
  incident_id            uuid NOT NULL,
  frameworks             text NOT NULL,
  authority_notify       integer NOT NULL CHECK (authority_notify IN (0, 1)),
  authority_deadline     timestamptz,
  report_status          text NOT NULL CHECK (report_status IN ('not_required', 'to_report', 'reported')),
  report_reference       text NOT NULL,
  investigation_required integer NOT NULL CHECK (investigation_required IN (0, 1)),
  investigation_done     integer NOT NULL CHECK (investigation_done IN (0, 1)),
  review_required        integer NOT NULL CHECK (review_required IN (0, 1)),
  review_done            integer NOT NULL CHECK (review_done IN (0, 1)),
  created_at             timestamptz NOT NULL,
  updated_at             timestamptz NOT NULL,
  _version               bigint NOT NULL,
  _hlc                   text,
  _field_hlc             jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX incident_regulatory_version ON incident_regulatory (site_id, _version);
CREATE INDEX incident_regulatory_incident ON incident_regulatory (incident_id);

DO $$
DECLARE
  t text;
  writable text := '(site_id = shiftdeck_site() OR (site_id IS NULL AND shiftdeck_org_write()))';
BEGIN
  FOREACH t IN ARRAY ARRAY['incident_seals', 'incident_regulatory'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY %I ON %I FOR SELECT USING (site_id IS NULL OR site_id = shiftdeck_site())', t || '_read', t);
    EXECUTE format('CREATE POLICY %I ON %I FOR INSERT WITH CHECK %s', t || '_insert', t, writable);
  END LOOP;
END
$$;
CREATE POLICY incident_regulatory_update ON incident_regulatory FOR UPDATE
  USING (site_id = shiftdeck_site()) WITH CHECK (site_id = shiftdeck_site());

GRANT SELECT, INSERT ON incident_seals TO shiftdeck_service;
GRANT SELECT, INSERT, UPDATE ON incident_regulatory TO shiftdeck_service;
