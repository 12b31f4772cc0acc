-- Table sessions opened by a kiosk that had not heard of the table's last service (issue 15).
-- A session's id is derived from how many services the kiosk has seen at that table, so a stale
-- kiosk can derive the id of a session that already ended, or of one moved to another table.
-- The opening then lands on a free id (or joins the table's open session) and records here that
-- the id this device used stands for that session, so its later orders and payments follow.
-- Insert-only: an alias once made never changes.

CREATE TABLE table_session_aliases (
  id          TEXT PRIMARY KEY,
  site_id     TEXT NOT NULL,
  used_id     TEXT NOT NULL,
  device_id   TEXT NOT NULL,
  session_id  TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
) STRICT;
CREATE INDEX table_session_aliases_used ON table_session_aliases (used_id, device_id);
-- @insert-only table_session_aliases
