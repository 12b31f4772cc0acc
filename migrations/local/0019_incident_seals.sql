-- Incidents, issue 12 §9 and §6: signed seals of each incident's history (insert-only; a seal
-- lists the entries it saw with their hashes, the head of their chain, and the writing kiosk's
-- Ed25519 signature, shared/incidents/chain.ts) and the regulatory log, one row per incident
-- (id derived from the incident, merged per field).

CREATE TABLE incident_seals (
  id          TEXT PRIMARY KEY,
  site_id     TEXT NOT NULL,
  incident_id TEXT NOT NULL,
  device_id   TEXT NOT NULL,
  key_id      TEXT NOT NULL,
  public_key  TEXT NOT NULL,
  head        TEXT NOT NULL,
  entries     TEXT NOT NULL,
  signature   TEXT NOT NULL,
  sealed_at   TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
) STRICT;
CREATE INDEX incident_seals_incident ON incident_seals (incident_id, sealed_at);
-- @insert-only incident_seals

CREATE TABLE incident_regulatory (
  id                     TEXT PRIMARY KEY,
  site_id                TEXT NOT NULL,
  incident_id            TEXT NOT NULL,
  frameworks             TEXT NOT NULL,
  authority_notify       INTEGER NOT NULL CHECK (authority_notify IN (0, 1)),
  authority_deadline     TEXT,
  report_status          TEXT NOT NULL CHECK (report_status IN ('not_required', 'to_report', 'reported')),
  report_reference       TEXT NOT NULL,
  investigation_required INTEGER NOT NULL CHECK (investigation_required IN (0, 1)),
  investigation_done     INTEGER NOT NULL CHECK (investigation_done IN (0, 1)),
  review_required        INTEGER NOT NULL CHECK (review_required IN (0, 1)),
  review_done            INTEGER NOT NULL CHECK (review_done IN (0, 1)),
  created_at             TEXT NOT NULL,
  updated_at             TEXT NOT NULL
) STRICT;
CREATE INDEX incident_regulatory_incident ON incident_regulatory (incident_id);
-- @synced incident_regulatory
