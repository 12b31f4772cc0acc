-- Devices (issue 16 §6, shared/devices/): one row per enrolled kiosk of the site, its id the
-- device's. The kiosk reports its own state (app version, link, pending changes) every quarter of
-- an hour; an administrator renames or revokes it. Synced, so every kiosk of the site and shore
-- see the whole site's devices, through the hub when shore is gone. Never deleted: a revoked
-- device keeps its row and its history.

CREATE TABLE device_status (
  id                TEXT PRIMARY KEY,
  site_id           TEXT NOT NULL,
  name              TEXT NOT NULL,
  app_version       TEXT NOT NULL,
  online            INTEGER NOT NULL CHECK (online IN (0, 1)),
  route             TEXT,
  last_sync_at      TEXT,
  pending           INTEGER NOT NULL CHECK (pending >= 0),
  oldest_pending_at TEXT,
  reported_at       TEXT NOT NULL,
  revoked_at        TEXT,
  revoked_by        TEXT,
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL
) STRICT;
CREATE INDEX device_status_site ON device_status (site_id, name);
-- @synced device_status
