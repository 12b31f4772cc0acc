-- Corrective actions raised by compliance reports (issue 13): the incidents area's `actions` table
-- gains the role that owns an action and the report item it answers (source_kind
-- 'compliance_report', source_id the report); every move of an action (started, done with a note)
-- is an insert-only step signed with the person's PIN, so who closed it and why stays on record.

ALTER TABLE actions ADD COLUMN owner_role TEXT;
ALTER TABLE actions ADD COLUMN source_item TEXT;

CREATE TABLE action_steps (
  id          TEXT PRIMARY KEY,
  site_id     TEXT NOT NULL,
  action_id   TEXT NOT NULL,
  from_status TEXT NOT NULL,
  to_status   TEXT NOT NULL CHECK (to_status IN ('open', 'in_progress', 'done', 'cancelled')),
  note        TEXT,
  user_id     TEXT NOT NULL,
  role_code   TEXT NOT NULL,
  device_id   TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
) STRICT;
CREATE INDEX action_steps_action ON action_steps (action_id, created_at);
-- @insert-only action_steps
