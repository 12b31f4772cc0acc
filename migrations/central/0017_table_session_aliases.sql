-- The mirror of the kiosk's 0017: which session an id a stale kiosk derived stands for (issue 15).
-- Insert-only, read and written by one's own site only, like every synced table.

CREATE TABLE table_session_aliases (
  id          uuid PRIMARY KEY,
  site_id     uuid NOT NULL,
  used_id     uuid NOT NULL,
  device_id   text NOT NULL,
  session_id  uuid NOT NULL,
  created_at  timestamptz NOT NULL,
  updated_at  timestamptz NOT NULL,
  _version    bigint NOT NULL
);
CREATE INDEX table_session_aliases_version ON table_session_aliases (site_id, _version);
CREATE INDEX table_session_aliases_used ON table_session_aliases (used_id, device_id);
CREATE TRIGGER table_session_aliases_insert_only BEFORE UPDATE OR DELETE ON table_session_aliases
  FOR EACH ROW EXECUTE FUNCTION shiftdeck_refuse_change();

ALTER TABLE table_session_aliases ENABLE ROW LEVEL SECURITY;
CREATE POLICY table_session_aliases_read ON table_session_aliases FOR SELECT
  USING (site_id IS NULL OR site_id = shiftdeck_site());
CREATE POLICY table_session_aliases_insert ON table_session_aliases FOR INSERT
  WITH CHECK (site_id = shiftdeck_site() OR (site_id IS NULL AND shiftdeck_org_write()));
GRANT SELECT, INSERT ON table_session_aliases TO shiftdeck_service;
