-- Notifications (shared/notifications/): the kiosk's tables (0014_notifications.sql in
-- migrations/local) with PostgreSQL types, `_version` for pulls, `_hlc` and `_field_hlc` (the
-- merge rule), row-level security by site and grants. The delivery worker claims a delivery row
-- (outcome 'sending') in a transaction before it sends, so a restart never sends twice.

CREATE TABLE notifications (
  id                uuid PRIMARY KEY,
  site_id           uuid NOT NULL,
  kind              text NOT NULL,
  subject_kind      text NOT NULL,
  subject_id        uuid NOT NULL,
  recipient_user_id uuid,
  recipient_role    text,
  urgency           text NOT NULL CHECK (urgency IN ('urgent', 'normal', 'low')),
  params            text NOT NULL,
  period            text NOT NULL,
  raised_at         timestamptz NOT NULL,
  raised_by         uuid,
  device_id         uuid NOT NULL,
  acknowledged_at   timestamptz,
  acknowledged_by   uuid,
  created_at        timestamptz NOT NULL,
  updated_at        timestamptz NOT NULL,
  _version          bigint NOT NULL,
  _hlc              text,
  _field_hlc        jsonb NOT NULL DEFAULT '{}'::jsonb,
  CHECK ((recipient_user_id IS NULL) <> (recipient_role IS NULL))
);
CREATE INDEX notifications_version ON notifications (site_id, _version);
CREATE INDEX notifications_site_time ON notifications (site_id, raised_at);
CREATE INDEX notifications_subject ON notifications (subject_kind, subject_id);

CREATE TABLE notification_deliveries (
  id              uuid PRIMARY KEY,
  site_id         uuid NOT NULL,
  notification_id uuid NOT NULL,
  channel         text NOT NULL CHECK (channel IN ('email', 'webhook')),
  address         text NOT NULL,
  attempt         integer NOT NULL CHECK (attempt >= 1),
  outcome         text NOT NULL CHECK (outcome IN ('sending', 'sent', 'failed')),
  error           text NOT NULL,
  message_id      text NOT NULL,
  at              timestamptz NOT NULL,
  next_attempt_at timestamptz,
  created_at      timestamptz NOT NULL,
  updated_at      timestamptz NOT NULL,
  _version        bigint NOT NULL,
  _hlc            text,
  _field_hlc      jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX notification_deliveries_version ON notification_deliveries (site_id, _version);
CREATE INDEX notification_deliveries_notification ON notification_deliveries (notification_id);

CREATE TABLE notification_preferences (
  id          uuid PRIMARY KEY,
  site_id     uuid NOT NULL,
  user_id     uuid NOT NULL,
  channels    text NOT NULL,
  email       text,
  quiet_start text,
  quiet_end   text,
  digest      integer NOT NULL CHECK (digest IN (0, 1)),
  created_at  timestamptz NOT NULL,
  updated_at  timestamptz NOT NULL,
  _version    bigint NOT NULL,
  _hlc        text,
  _field_hlc  jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX notification_preferences_version ON notification_preferences (site_id, _version);

CREATE TABLE notification_on_call (
  id         uuid PRIMARY KEY,
  site_id    uuid NOT NULL,
  role_code  text NOT NULL,
  user_id    uuid,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  _version   bigint NOT NULL,
  _hlc       text,
  _field_hlc jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX notification_on_call_version ON notification_on_call (site_id, _version);

DO $$
DECLARE
  t text;
  writable text := '(site_id = shiftdeck_site() OR (site_id IS NULL AND shiftdeck_org_write()))';
BEGIN
  FOREACH t IN ARRAY ARRAY['notifications', 'notification_deliveries', 'notification_preferences', 'notification_on_call'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY %I ON %I FOR SELECT USING (site_id IS NULL OR site_id = shiftdeck_site())', t || '_read', t);
    EXECUTE format('CREATE POLICY %I ON %I FOR INSERT WITH CHECK %s', t || '_insert', t, writable);
    EXECUTE format('CREATE POLICY %I ON %I FOR UPDATE USING %s WITH CHECK %s', t || '_update', t, writable, writable);
    EXECUTE format('CREATE POLICY %I ON %I FOR DELETE USING %s', t || '_delete', t, writable);
  END LOOP;
END
$$;

GRANT SELECT, INSERT, UPDATE ON notifications, notification_deliveries, notification_preferences, notification_on_call
  TO shiftdeck_service;
