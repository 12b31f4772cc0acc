-- Incidents (shared/incidents/): the site's places, SLA targets per severity, incidents, their
-- insert-only history (every workflow move and SLA pause, who, when, why), escalations with ids
-- derived from (incident, level), and corrective/preventive actions with a generic source.

CREATE TABLE incident_places (
  id         TEXT PRIMARY KEY,
  site_id    TEXT NOT NULL,
  name_en    TEXT NOT NULL,
  name_fr    TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
) STRICT;
-- @synced incident_places

CREATE TABLE incident_sla_targets (
  id              TEXT PRIMARY KEY,
  site_id         TEXT NOT NULL,
  severity        TEXT NOT NULL CHECK (severity IN ('low', 'medium', 'high', 'critical')),
  ack_minutes     INTEGER NOT NULL CHECK (ack_minutes > 0),
  resolve_minutes INTEGER NOT NULL CHECK (resolve_minutes > 0),
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL
) STRICT;
-- @synced incident_sla_targets

CREATE TABLE incidents (
  id                TEXT PRIMARY KEY,
  site_id           TEXT NOT NULL,
  type              TEXT NOT NULL CHECK (type IN ('injury', 'near_miss', 'fire', 'pollution', 'security', 'food_safety', 'equipment', 'other')),
  severity          TEXT NOT NULL CHECK (severity IN ('low', 'medium', 'high', 'critical')),
  place_id          TEXT NOT NULL,
  occurred_at       TEXT NOT NULL,
  what_happened     TEXT NOT NULL,
  people_involved   TEXT NOT NULL,
  immediate_actions TEXT NOT NULL,
  reporter_id       TEXT NOT NULL,
  confidential      INTEGER NOT NULL CHECK (confidential IN (0, 1)),
  stage             TEXT NOT NULL,
  stage_changed_at  TEXT NOT NULL,
  stage_changed_by  TEXT,
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL,
  deleted_at        TEXT
) STRICT;
CREATE INDEX incidents_site_time ON incidents (site_id, created_at);
-- @synced incidents

CREATE TABLE incident_events (
  id          TEXT PRIMARY KEY,
  site_id     TEXT NOT NULL,
  incident_id TEXT NOT NULL,
  kind        TEXT NOT NULL CHECK (kind = 'reported' OR kind = 'move' OR kind = 'sla_paused' OR kind = 'sla_resumed'),
  from_stage  TEXT,
  to_stage    TEXT,
  reason      TEXT NOT NULL,
  user_id     TEXT,
  device_id   TEXT NOT NULL,
  at          TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
) STRICT;
CREATE INDEX incident_events_incident ON incident_events (incident_id, at);
-- @insert-only incident_events

CREATE TABLE incident_escalations (
  id              TEXT PRIMARY KEY,
  site_id         TEXT NOT NULL,
  incident_id     TEXT NOT NULL,
  level           INTEGER NOT NULL CHECK (level BETWEEN 1 AND 3),
  reason          TEXT NOT NULL CHECK (reason IN ('critical', 'sla_breach', 'manual')),
  note            TEXT NOT NULL,
  raised_at       TEXT NOT NULL,
  raised_by       TEXT,
  device_id       TEXT NOT NULL,
  acknowledged_at TEXT,
  acknowledged_by TEXT,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL
) STRICT;
CREATE INDEX incident_escalations_incident ON incident_escalations (incident_id, level);
-- @synced incident_escalations

CREATE TABLE actions (
  id          TEXT PRIMARY KEY,
  site_id     TEXT NOT NULL,
  source_kind TEXT,
  source_id   TEXT,
  kind        TEXT NOT NULL CHECK (kind IN ('corrective', 'preventive')),
  title       TEXT NOT NULL,
  owner_id    TEXT,
  due_date    TEXT NOT NULL,
  status      TEXT NOT NULL CHECK (status IN ('open', 'in_progress', 'done', 'cancelled')),
  created_by  TEXT,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  deleted_at  TEXT
) STRICT;
CREATE INDEX actions_source ON actions (source_kind, source_id);
-- @synced actions
