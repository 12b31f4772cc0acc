-- The sync service's delivery worker (server/notifications/). Two central-only tables, beside the
-- synced `notification_deliveries` (0013) where every attempt is recorded for the site:
--
-- * notification_plan_queue: a trigger queues every notification that reaches central (a new row,
--   never a re-push of one already here), so the worker plans it once, whichever instance runs.
-- * notification_sends: one work row per (notification, channel, recipient person), id derived from
--   those three, due at the time the shared delivery plan gives (quiet hours, digest). A worker
--   claims due rows with FOR UPDATE SKIP LOCKED under a lease (lease_until); see
--   docs/architecture.md "Notifications ashore" for why nothing is sent twice.
--
-- Neither table has row-level security: the worker claims across sites, as site_versions is bumped
-- across sites. They hold ids, times and counters only; every address, name and text is read in a
-- site-scoped transaction. Neither is pulled by kiosks.

CREATE TABLE notification_plan_queue (
  notification_id uuid PRIMARY KEY,
  site_id         uuid NOT NULL,
  queued_at       timestamptz NOT NULL DEFAULT now()
);

CREATE FUNCTION shiftdeck_queue_notification() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO notification_plan_queue (notification_id, site_id) VALUES (NEW.id, NEW.site_id)
    ON CONFLICT (notification_id) DO NOTHING;
  RETURN NULL;
END
$$;
CREATE TRIGGER notifications_queue_plan AFTER INSERT ON notifications
  FOR EACH ROW EXECUTE FUNCTION shiftdeck_queue_notification();

CREATE TABLE notification_sends (
  id              uuid PRIMARY KEY,
  site_id         uuid NOT NULL,
  notification_id uuid NOT NULL,
  channel         text NOT NULL CHECK (channel IN ('email', 'webhook')),
  user_id         uuid NOT NULL,
  -- The site date of the daily digest it travels in, or NULL for a message of its own.
  digest_date     date,
  due_at          timestamptz NOT NULL,
  state           text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'skipped', 'gave_up')),
  attempts        integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  lease_owner     text,
  lease_until     timestamptz,
  last_error      text,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX notification_sends_due ON notification_sends (due_at) WHERE state = 'pending';
CREATE INDEX notification_sends_digest ON notification_sends (user_id, channel, digest_date) WHERE state = 'pending';

-- An attempt that was not made, because the notification was acknowledged on board first.
ALTER TABLE notification_deliveries DROP CONSTRAINT notification_deliveries_outcome_check;
ALTER TABLE notification_deliveries ADD CONSTRAINT notification_deliveries_outcome_check
  CHECK (outcome IN ('sending', 'sent', 'failed', 'skipped'));

-- UPDATE only because SELECT ... FOR UPDATE asks for it; rows are never changed, only deleted.
GRANT SELECT, INSERT, UPDATE, DELETE ON notification_plan_queue TO shiftdeck_service;
GRANT SELECT, INSERT, UPDATE ON notification_sends TO shiftdeck_service;
