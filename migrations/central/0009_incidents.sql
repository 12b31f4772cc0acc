-- Incidents (shared/incidents/): the kiosk's tables (0009_incidents.sql in migrations/local) with
-- PostgreSQL types, `_version` for pulls, `_hlc` and `_field_hlc` on mutable tables (the merge
-- rule), the insert-only history refusing every change, row-level security by site and grants.

CREATE TABLE incident_places (
  id         uuid PRIMARY KEY,
  site_id    uuid NOT NULL,
  name_en    text NOT NULL,
  name_fr    text NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  deleted_at timestamptz,
  _version   bigint NOT NULL,
  _hlc       text,
  _field_hlc jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX incident_places_version ON incident_places (site_id, _version);

CREATE TABLE incident_sla_targets (
  id              uuid PRIMARY KEY,
  site_id         uuid NOT NULL,
  severity        text NOT NULL CHECK (severity IN ('low', 'medium', 'high', 'critical')),
  ack_minutes     integer NOT NULL CHECK (ack_minutes > 0),
  resolve_minutes integer NOT NULL CHECK (resolve_minutes > 0),
  created_at      timestamptz NOT NULL,
  updated_at      timestamptz NOT NULL,
  _version        bigint NOT NULL,
  _hlc            text,
  _field_hlc      jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX incident_sla_targets_version ON incident_sla_targets (site_id, _version);

CREATE TABLE incidents (
  id                uuid PRIMARY KEY,
  site_id           uuid NOT NULL,
  type              text NOT NULL CHECK (type IN ('injury', 'near_miss', 'fire', 'pollution', 'security', 'food_safety', 'equipment', 'other')),
  severity          text NOT NULL CHECK (severity IN ('low', 'medium', 'high', 'critical')),
  place_id          uuid NOT NULL,
  occurred_at       timestamptz NOT NULL,
  what_happened     text NOT NULL,
  people_involved   text NOT NULL,
  immediate_actions text NOT NULL,
  reporter_id       uuid NOT NULL,
  confidential      integer NOT NULL CHECK (confidential IN (0, 1)),
  stage             text NOT NULL,
  stage_changed_at  timestamptz NOT NULL,
  stage_changed_by  uuid,
  created_at        timestamptz NOT NULL,
  updated_at        timestamptz NOT NULL,
  deleted_at        timestamptz,
  _version          bigint NOT NULL,
  _hlc              text,
  _field_hlc        jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX incidents_version ON incidents (site_id, _version);
CREATE INDEX incidents_site_time ON incidents (site_id, created_at);

CREATE TABLE incident_events (
  id          uuid PRIMARY KEY,
  site_id     uuid NOT NULL,
  incident_id uuid NOT NULL,
  kind        text NOT NULL CHECK (kind IN ('reported', 'move', 'sla_paused', 'sla_resumed')),
  from_stage  text,
  to_stage    text,
  reason      text NOT NULL,
  user_id     uuid,
  device_id   uuid NOT NULL,
  at          timestamptz NOT NULL,
  created_at  timestamptz NOT NULL,
  updated_at  timestamptz NOT NULL,
  _version    bigint NOT NULL
);
CREATE INDEX incident_events_version ON incident_events (site_id, _version);
CREATE INDEX incident_events_incident ON incident_events (incident_id, at);
CREATE TRIGGER incident_events_insert_only BEFORE UPDATE OR DELETE ON incident_events
  FOR EACH ROW EXECUTE FUNCTION shiftdeck_refuse_change();

CREATE TABLE incident_escalations (
  id              uuid PRIMARY KEY,
  site_id         uuid NOT NULL,
  incident_id     uuid NOT NULL,
  level           integer NOT NULL CHECK (level BETWEEN 1 AND 3),
  reason          text NOT NULL CHECK (reason IN ('critical', 'sla_breach', 'manual')),
  note            text NOT NULL,
  raised_at       timestamptz NOT NULL,
  raised_by       uuid,
  device_id       uuid NOT NULL,
  acknowledged_at timestamptz,
  acknowledged_by uuid,
  created_at      timestamptz NOT NULL,
  updated_at      timestamptz NOT NULL,
  _version        bigint NOT NULL,
  _hlc            text,
  _field_hlc      jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX incident_escalations_version ON incident_escalations (site_id, _version);
CREATE INDEX incident_escalations_incident ON incident_escalations (incident_id, level);

CREATE TABLE actions (
  id          uuid PRIMARY KEY,
  site_id     uuid NOT NULL,
  source_kind text,
  source_id   uuid,
  kind        text NOT NULL CHECK (kind IN ('corrective', 'preventive')),
  title       text NOT NULL,
  owner_id    uuid,
  due_date    text NOT NULL,
  status      text NOT NULL CHECK (status IN ('open', 'in_progress', 'done', 'cancelled')),
  created_by  uuid,
  created_at  timestamptz NOT NULL,
  updated_at  timestamptz NOT NULL,
  deleted_at  timestamptz,
  _version    bigint NOT NULL,
  _hlc        text,
  _field_hlc  jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX actions_version ON actions (site_id, _version);
CREATE INDEX actions_source ON actions (source_kind, source_id);

DO $$
DECLARE
  t text;
  writable text := '(site_id = shiftdeck_site() OR (site_id IS NULL AND shiftdeck_org_write()))';
BEGIN
  FOREACH t IN ARRAY ARRAY['incident_places', 'incident_sla_targets', 'incidents', 'incident_events', 'incident_escalations', 'actions'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY %I ON %I FOR SELECT USING (site_id IS NULL OR site_id = shiftdeck_site())', t || '_read', t);
    EXECUTE format('CREATE POLICY %I ON %I FOR INSERT WITH CHECK %s', t || '_insert', t, writable);
    EXECUTE format('CREATE POLICY %I ON %I FOR UPDATE USING %s WITH CHECK %s', t || '_update', t, writable, writable);
    EXECUTE format('CREATE POLICY %I ON %I FOR DELETE USING %s', t || '_delete', t, writable);
  END LOOP;
END
$$;

GRANT SELECT, INSERT, UPDATE ON incident_places, incident_sla_targets, incidents, incident_escalations, actions TO shiftdeck_service;
GRANT SELECT, INSERT ON incident_events TO shiftdeck_service;
