-- Sync: the write set of each queued mutation (to undo it if the server refuses it), and the
-- conflicts table the server fills and supervisors read.

-- `rows`: the rows the mutation wrote, as "table:id" joined by ",".
ALTER TABLE outbox ADD COLUMN rows TEXT NOT NULL DEFAULT '';

CREATE TABLE conflicts (
  id          TEXT PRIMARY KEY,
  site_id     TEXT NOT NULL,
  device_id   TEXT,
  seq         INTEGER,
  mutation    TEXT NOT NULL,
  args        TEXT NOT NULL,
  user_id     TEXT,
  kind        TEXT NOT NULL CHECK (kind IN ('rejected', 'overwritten', 'dead_letter')),
  code        TEXT NOT NULL,
  message     TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  resolved_at TEXT,
  resolved_by TEXT
) STRICT;
CREATE INDEX conflicts_open ON conflicts (site_id, resolved_at, created_at);
-- @synced conflicts
