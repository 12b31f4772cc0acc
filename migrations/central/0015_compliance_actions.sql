-- Corrective actions raised by compliance reports (issue 13): the mirror of the kiosk's 0018.
-- `actions` gains owner_role and source_item; action_steps is insert-only, one row per signed move.

ALTER TABLE actions ADD COLUMN owner_role text;
ALTER TABLE actions ADD COLUMN source_item text;

CREATE TABLE action_steps (
  id          uuid PRIMARY KEY,
  site_id     uuid NOT NULL,
  action_id   uuid NOT NULL,
  from_status text NOT NULL,
  to_status   text NOT NULL CHECK (to_status IN ('open', 'in_progress', 'done', 'cancelled')),
  note        text,
  user_id     uuid NOT NULL,
  role_code   text NOT NULL,
  device_id   text NOT NULL,
  created_at  timestamptz NOT NULL,
  updated_at  timestamptz NOT NULL,
  _version    bigint NOT NULL
);
CREATE INDEX action_steps_version ON action_steps (site_id, _version);
CREATE INDEX action_steps_action ON action_steps (action_id, created_at);
CREATE TRIGGER action_steps_insert_only BEFORE UPDATE OR DELETE ON action_steps
  FOR EACH ROW EXECUTE FUNCTION shiftdeck_refuse_change();

ALTER TABLE action_steps ENABLE ROW LEVEL SECURITY;
-- The same walls as every synced table (0009): read and write one's own site only.
CREATE POLICY action_steps_read ON action_steps FOR SELECT USING (site_id IS NULL OR site_id = shiftdeck_site());
CREATE POLICY action_steps_insert ON action_steps FOR INSERT
  WITH CHECK (site_id = shiftdeck_site() OR (site_id IS NULL AND shiftdeck_org_write()));
GRANT SELECT, INSERT ON action_steps TO shiftdeck_service;
