-- Health (issue 16 §4, shared/health/): the error log and the per-site retention settings.
-- error_log keeps an unexpected error's code and place only, never its message (which may name a
-- person). Its rows never change except for their retention (a soft delete), so it is gated as
-- synced, not insert-only, and a trigger refuses any other change.
-- retention_settings: one row per site and kind of data (its id derives from both), the days the
-- retention jobs keep; no row means the kind's default (shared/health/retention.ts).

CREATE TABLE retention_settings (
  id          TEXT PRIMARY KEY,
  site_id     TEXT NOT NULL,
  kind        TEXT NOT NULL,
  days        INTEGER NOT NULL CHECK (days BETWEEN 1 AND 3650),
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX retention_settings_kind ON retention_settings (site_id, kind);
-- @synced retention_settings

CREATE TABLE error_log (
  id          TEXT PRIMARY KEY,
  site_id     TEXT NOT NULL,
  device_id   TEXT NOT NULL,
  code        TEXT NOT NULL,
  place       TEXT NOT NULL,
  app_version TEXT NOT NULL,
  occurred_at TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  deleted_at  TEXT
) STRICT;
CREATE INDEX error_log_site_time ON error_log (site_id, occurred_at);
-- @synced error_log
CREATE TRIGGER error_log_no_edit BEFORE UPDATE ON error_log
  WHEN NEW.device_id IS NOT OLD.device_id OR NEW.code IS NOT OLD.code OR NEW.place IS NOT OLD.place
    OR NEW.app_version IS NOT OLD.app_version OR NEW.occurred_at IS NOT OLD.occurred_at
    OR NEW.site_id IS NOT OLD.site_id
BEGIN
  SELECT RAISE(ABORT, 'error_log rows are never edited; only their retention removes them');
END;
