-- People management: the kiosk's person_security (0016_people.sql in migrations/local) with
-- PostgreSQL types, `_version` for pulls, `_hlc` and `_field_hlc`, row-level security by site.
CREATE TABLE person_security (
  id              uuid PRIMARY KEY REFERENCES users (id),
  site_id         uuid NOT NULL,
  pin_history     text NOT NULL CONSTRAINT person_security_pin_history_json CHECK (pin_history::json IS NOT NULL),
  pin_must_change integer NOT NULL DEFAULT 0 CHECK (pin_must_change IN (0, 1)),
  anonymised_at   timestamptz,
  created_at      timestamptz NOT NULL,
  updated_at      timestamptz NOT NULL,
  _version        bigint NOT NULL,
  _hlc            text,
  _field_hlc      jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX person_security_version ON person_security (site_id, _version);

ALTER TABLE person_security ENABLE ROW LEVEL SECURITY;
CREATE POLICY person_security_read ON person_security FOR SELECT USING (site_id = shiftdeck_site());
CREATE POLICY person_security_insert ON person_security FOR INSERT WITH CHECK (site_id = shiftdeck_site());
CREATE POLICY person_security_update ON person_security FOR UPDATE USING (site_id = shiftdeck_site())
  WITH CHECK (site_id = shiftdeck_site());
GRANT SELECT, INSERT, UPDATE ON person_security TO shiftdeck_service;
