-- Fuel (vessel sites; see shared/fuel/): minute summaries of the ship's instruments, the logs kept
-- by hand (bunkerings, tank soundings, noon reports) and the anomalies found in them.
-- Readings are insert-only: a correction is a new row naming the row it corrects (`corrects_id`).
-- Raw instrument samples stay on board in `fuel_raw_samples`, a local table outside sync: they
-- travel only in the bulk lane, over a link not marked expensive.

CREATE TABLE fuel_minutes (
  id          TEXT PRIMARY KEY,
  site_id     TEXT NOT NULL,
  minute      TEXT NOT NULL,
  engine      INTEGER NOT NULL,
  samples     INTEGER NOT NULL,
  rpm         REAL,
  fuel_lph    REAL,
  fuel_l      REAL,
  sog_kn      REAL,
  stw_kn      REAL,
  distance_nm REAL,
  gps_time    INTEGER NOT NULL CHECK (gps_time IN (0, 1)),
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
) STRICT;
CREATE INDEX fuel_minutes_site_minute ON fuel_minutes (site_id, minute, engine);
-- @insert-only fuel_minutes

CREATE TABLE fuel_bunkerings (
  id            TEXT PRIMARY KEY,
  site_id       TEXT NOT NULL,
  delivered_at  TEXT NOT NULL,
  port          TEXT NOT NULL,
  supplier      TEXT NOT NULL,
  fuel_type     TEXT NOT NULL,
  quantity_t    REAL NOT NULL,
  density_kg_m3 REAL NOT NULL,
  sulphur_pct   REAL NOT NULL,
  note_number   TEXT NOT NULL,
  corrects_id   TEXT,
  reason        TEXT,
  entered_by    TEXT,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
) STRICT;
CREATE INDEX fuel_bunkerings_site ON fuel_bunkerings (site_id, delivered_at);
-- @insert-only fuel_bunkerings

CREATE TABLE fuel_soundings (
  id          TEXT PRIMARY KEY,
  site_id     TEXT NOT NULL,
  measured_at TEXT NOT NULL,
  tank        TEXT NOT NULL,
  fuel_type   TEXT NOT NULL,
  volume_m3   REAL NOT NULL,
  density_kg_m3 REAL NOT NULL,
  corrects_id TEXT,
  reason      TEXT,
  entered_by  TEXT,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
) STRICT;
CREATE INDEX fuel_soundings_site ON fuel_soundings (site_id, measured_at);
-- @insert-only fuel_soundings

CREATE TABLE fuel_noon_reports (
  id             TEXT PRIMARY KEY,
  site_id        TEXT NOT NULL,
  report_date    TEXT NOT NULL,
  loading        TEXT NOT NULL CHECK (loading IN ('laden', 'ballast')),
  distance_nm    REAL NOT NULL,
  hours_steaming REAL NOT NULL,
  consumption    TEXT NOT NULL,
  corrects_id    TEXT,
  reason         TEXT,
  entered_by     TEXT,
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL
) STRICT;
CREATE INDEX fuel_noon_reports_site ON fuel_noon_reports (site_id, report_date);
-- @insert-only fuel_noon_reports

CREATE TABLE fuel_anomalies (
  id          TEXT PRIMARY KEY,
  site_id     TEXT NOT NULL,
  kind        TEXT NOT NULL CHECK (kind IN ('excessive_consumption', 'efficiency_drop', 'unusual_pattern', 'suspect_sensor')),
  sensor      TEXT NOT NULL,
  engine      INTEGER,
  expected    REAL NOT NULL,
  seen        REAL NOT NULL,
  unit        TEXT NOT NULL,
  since       TEXT NOT NULL,
  detected_at TEXT NOT NULL,
  status      TEXT NOT NULL CHECK (status IN ('open', 'investigating', 'resolved', 'dismissed')),
  root_cause  TEXT,
  resolution  TEXT,
  action      TEXT,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
) STRICT;
CREATE INDEX fuel_anomalies_site ON fuel_anomalies (site_id, detected_at);
-- @synced fuel_anomalies

-- Not synced: every decoded reading as it arrived, kept on board.
CREATE TABLE fuel_raw_samples (
  seq         INTEGER PRIMARY KEY,
  site_id     TEXT NOT NULL,
  kind        TEXT NOT NULL,
  talker      TEXT NOT NULL,
  source_time TEXT,
  received_at TEXT NOT NULL,
  data        TEXT NOT NULL
) STRICT;
CREATE INDEX fuel_raw_samples_received ON fuel_raw_samples (site_id, received_at);
