-- Notifications (shared/notifications/): one row per thing that happened for one recipient (a
-- person or a role at the site) with its urgency and message parameters, ids derived from (kind,
-- subject, recipient, period); delivery attempts ashore (written by the sync service only); each
-- person's preferences and who is on call per role.

CREATE TABLE notifications (
  id                TEXT PRIMARY KEY,
  site_id           TEXT NOT NULL,
  kind              TEXT NOT NULL,
  subject_kind      TEXT NOT NULL,
  subject_id        TEXT NOT NULL,
  recipient_user_id TEXT,
  recipient_role    TEXT,
  urgency           TEXT NOT NULL CHECK (urgency IN ('urgent', 'normal', 'low')),
  params            TEXT NOT NULL,
  period            TEXT NOT NULL,
  raised_at         TEXT NOT NULL,
  raised_by         TEXT,
  device_id         TEXT NOT NULL,
  acknowledged_at   TEXT,
  acknowledged_by   TEXT,
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL,
  CHECK ((recipient_user_id IS NULL) <> (recipient_role IS NULL))
) STRICT;
CREATE INDEX notifications_site_time ON notifications (site_id, raised_at);
CREATE INDEX notifications_subject ON notifications (subject_kind, subject_id);
-- @synced notifications

CREATE TABLE notification_deliveries (
  id              TEXT PRIMARY KEY,
  site_id         TEXT NOT NULL,
  notification_id TEXT NOT NULL,
  channel         TEXT NOT NULL CHECK (channel IN ('email', 'webhook')),
  address         TEXT NOT NULL,
  attempt         INTEGER NOT NULL CHECK (attempt >= 1),
  outcome         TEXT NOT NULL CHECK (outcome IN ('sending', 'sent', 'failed')),
  error           TEXT NOT NULL,
  message_id      TEXT NOT NULL,
  at              TEXT NOT NULL,
  next_attempt_at TEXT,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL
) STRICT;
CREATE INDEX notification_deliveries_notification ON notification_deliveries (notification_id);
-- @synced notification_deliveries

CREATE TABLE notification_preferences (
  id          TEXT PRIMARY KEY,
  site_id     TEXT NOT NULL,
  user_id     TEXT NOT NULL,
  channels    TEXT NOT NULL,
  email       TEXT,
  quiet_start TEXT,
  quiet_end   TEXT,
  digest      INTEGER NOT NULL CHECK (digest IN (0, 1)),
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
) STRICT;
-- @synced notification_preferences

CREATE TABLE notification_on_call (
  id         TEXT PRIMARY KEY,
  site_id    TEXT NOT NULL,
  role_code  TEXT NOT NULL,
  user_id    TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
-- @synced notification_on_call
