-- The sync service now records an attempt it did not make (the notification was acknowledged on
-- board first) as outcome 'skipped' (central 0020). SQLite cannot alter a CHECK, so the table is
-- rebuilt with the same columns, order and rows, and goes back behind the write gate.
CREATE TABLE notification_deliveries_rebuilt (
  id              TEXT PRIMARY KEY,
  site_id         TEXT NOT NULL,
  notification_id TEXT NOT NULL,
  channel         TEXT NOT NULL CHECK (channel IN ('email', 'webhook')),
  address         TEXT NOT NULL,
  attempt         INTEGER NOT NULL CHECK (attempt >= 1),
  outcome         TEXT NOT NULL CHECK (outcome = 'sending' OR outcome = 'sent' OR outcome = 'failed' OR outcome = 'skipped'),
  error           TEXT NOT NULL,
  message_id      TEXT NOT NULL,
  at              TEXT NOT NULL,
  next_attempt_at TEXT,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL
) STRICT;
INSERT INTO notification_deliveries_rebuilt
  SELECT id, site_id, notification_id, channel, address, attempt, outcome, error, message_id, at, next_attempt_at,
         created_at, updated_at
  FROM notification_deliveries;
DROP TABLE notification_deliveries;
ALTER TABLE notification_deliveries_rebuilt RENAME TO notification_deliveries;
CREATE INDEX notification_deliveries_notification ON notification_deliveries (notification_id);
-- @synced notification_deliveries
