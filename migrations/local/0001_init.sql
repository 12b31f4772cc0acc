-- Shiftdeck kiosk store, first migration: device identity, outbox, people and permissions.
-- `-- @synced T` lines add the write-gate triggers of table T; `-- @insert-only T` the same, and
-- refuse UPDATE and DELETE on T for everyone.

CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

-- Outbox: one row per mutation, written in the mutation's own transaction. `seq` is the rowid;
-- pruning always keeps the newest row so a seq is never reused.
CREATE TABLE outbox (
  seq        INTEGER PRIMARY KEY,
  name       TEXT NOT NULL,
  version    INTEGER NOT NULL,
  args       TEXT NOT NULL,
  hlc        TEXT NOT NULL,
  user_id    TEXT,
  status     TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'applied', 'rejected', 'dead')),
  attempts   INTEGER NOT NULL DEFAULT 0,
  last_error TEXT
) STRICT;
-- Pending rows are the common case and stay out of this index, so capturing a mutation adds no
-- index insert; the index finds the few rejected and dead ones a supervisor must see.
CREATE INDEX outbox_settled ON outbox (status, seq) WHERE status <> 'pending';

CREATE TABLE sites (
  id                TEXT PRIMARY KEY,
  site_id           TEXT,
  kind              TEXT NOT NULL CHECK (kind IN ('restaurant', 'vessel')),
  name              TEXT NOT NULL,
  timezone          TEXT NOT NULL,
  idle_lock_seconds INTEGER NOT NULL DEFAULT 120,
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL,
  deleted_at        TEXT
) STRICT;
-- @synced sites

CREATE TABLE roles (
  id          TEXT PRIMARY KEY,
  site_id     TEXT,
  code        TEXT NOT NULL UNIQUE,
  site_kind   TEXT NOT NULL CHECK (site_kind IN ('restaurant', 'vessel', 'any')),
  name_en     TEXT NOT NULL,
  name_fr     TEXT NOT NULL,
  permissions TEXT NOT NULL CHECK (json_valid(permissions)),
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  deleted_at  TEXT
) STRICT;
-- @synced roles

CREATE TABLE users (
  id           TEXT PRIMARY KEY,
  site_id      TEXT,
  display_name TEXT NOT NULL,
  pin_hash     TEXT NOT NULL,
  locale       TEXT NOT NULL DEFAULT 'en' CHECK (locale IN ('en', 'fr')),
  active       INTEGER NOT NULL DEFAULT 1,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  deleted_at   TEXT
) STRICT;
-- @synced users

CREATE TABLE user_roles (
  id         TEXT PRIMARY KEY,
  site_id    TEXT NOT NULL,
  user_id    TEXT NOT NULL REFERENCES users (id),
  role_id    TEXT NOT NULL REFERENCES roles (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
) STRICT;
CREATE INDEX user_roles_site ON user_roles (site_id, user_id);
-- @synced user_roles

CREATE TABLE audit_log (
  id              TEXT PRIMARY KEY,
  site_id         TEXT,
  action          TEXT NOT NULL,
  actor_user_id   TEXT,
  subject_user_id TEXT,
  device_id       TEXT NOT NULL,
  hlc             TEXT NOT NULL,
  detail          TEXT NOT NULL CHECK (json_valid(detail)),
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL
) STRICT;
CREATE INDEX audit_log_site_time ON audit_log (site_id, created_at);
-- @insert-only audit_log

-- Local only, never synced: failed PIN attempts per user on this device. Kept in the database so a
-- lockout survives a restart.
CREATE TABLE pin_attempts (
  user_id      TEXT PRIMARY KEY,
  failures     INTEGER NOT NULL,
  locked_until TEXT
) STRICT;
