-- Shiftdeck central store, first migration: the synced tables (the kiosk's columns with
-- PostgreSQL types, plus `_version`), the per-site version streams, devices and enrollment codes,
-- and row-level security by site for the service's role.
--
-- JSON columns stay `text` so the same mutator code writes them on both sides; their CHECK casts
-- to json (works on PostgreSQL 12+, unlike `IS JSON`), so a malformed value fails the statement.
-- `_version` is the site stream's version of the transaction that last wrote the row (see
-- site_versions); pulls read `WHERE site_id = $1 AND _version > $cursor` on (site_id, _version).

-- The service's role. roles.ts gives it LOGIN and its password; creating it here too lets the
-- grants below run on a cluster where roles.ts has not run yet.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'shiftdeck_service') THEN
    CREATE ROLE shiftdeck_service NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
  END IF;
END
$$;

-- The site a transaction works for, set by inSiteTransaction with set_config(..., true). NULLIF:
-- once a pooled connection has run one site transaction the setting reads '' (not NULL) outside
-- it, and ''::uuid would raise instead of matching nothing.
CREATE FUNCTION shiftdeck_site() RETURNS uuid LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT NULLIF(pg_catalog.current_setting('shiftdeck.site_id', true), '')::uuid $$;

-- Whether this transaction may write organisation-wide rows (site_id NULL).
CREATE FUNCTION shiftdeck_org_write() RETURNS boolean LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT COALESCE(pg_catalog.current_setting('shiftdeck.org_write', true), '') = 'on' $$;

-- Insert-only tables refuse UPDATE and DELETE for everyone, the owner included, as on the kiosk.
CREATE FUNCTION shiftdeck_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is insert-only: write a new row instead of changing or deleting one', TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TABLE sites (
  id                uuid PRIMARY KEY,
  site_id           uuid,
  kind              text NOT NULL CHECK (kind IN ('restaurant', 'vessel')),
  name              text NOT NULL,
  timezone          text NOT NULL,
  idle_lock_seconds integer NOT NULL DEFAULT 120,
  created_at        timestamptz NOT NULL,
  updated_at        timestamptz NOT NULL,
  deleted_at        timestamptz,
  _version          bigint NOT NULL
);
CREATE INDEX sites_version ON sites (site_id, _version);

CREATE TABLE roles (
  id          uuid PRIMARY KEY,
  site_id     uuid,
  code        text NOT NULL UNIQUE,
  site_kind   text NOT NULL CHECK (site_kind IN ('restaurant', 'vessel', 'any')),
  name_en     text NOT NULL,
  name_fr     text NOT NULL,
  permissions text NOT NULL CONSTRAINT roles_permissions_json CHECK (permissions::json IS NOT NULL),
  created_at  timestamptz NOT NULL,
  updated_at  timestamptz NOT NULL,
  deleted_at  timestamptz,
  _version    bigint NOT NULL
);
CREATE INDEX roles_version ON roles (site_id, _version);

CREATE TABLE users (
  id           uuid PRIMARY KEY,
  site_id      uuid,
  display_name text NOT NULL,
  pin_hash     text NOT NULL,
  locale       text NOT NULL DEFAULT 'en' CHECK (locale IN ('en', 'fr')),
  active       smallint NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at   timestamptz NOT NULL,
  updated_at   timestamptz NOT NULL,
  deleted_at   timestamptz,
  _version     bigint NOT NULL
);
CREATE INDEX users_version ON users (site_id, _version);

CREATE TABLE user_roles (
  id         uuid PRIMARY KEY,
  site_id    uuid NOT NULL,
  user_id    uuid NOT NULL REFERENCES users (id),
  role_id    uuid NOT NULL REFERENCES roles (id),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  deleted_at timestamptz,
  _version   bigint NOT NULL
);
CREATE INDEX user_roles_site ON user_roles (site_id, user_id);
CREATE INDEX user_roles_version ON user_roles (site_id, _version);

CREATE TABLE audit_log (
  id              uuid PRIMARY KEY,
  site_id         uuid,
  action          text NOT NULL,
  actor_user_id   uuid,
  subject_user_id uuid,
  device_id       uuid NOT NULL,
  hlc             text NOT NULL,
  detail          text NOT NULL CONSTRAINT audit_log_detail_json CHECK (detail::json IS NOT NULL),
  created_at      timestamptz NOT NULL,
  updated_at      timestamptz NOT NULL,
  _version        bigint NOT NULL
);
CREATE INDEX audit_log_site_time ON audit_log (site_id, created_at);
CREATE INDEX audit_log_version ON audit_log (site_id, _version);
CREATE TRIGGER audit_log_insert_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION shiftdeck_refuse_change();

-- Changes the server refused or overwrote, and mutations given up on: written by the server,
-- synced to the site's supervisors.
CREATE TABLE conflicts (
  id          uuid PRIMARY KEY,
  site_id     uuid NOT NULL,
  device_id   uuid,
  seq         bigint,
  mutation    text NOT NULL,
  args        text NOT NULL CONSTRAINT conflicts_args_json CHECK (args::json IS NOT NULL),
  user_id     uuid,
  kind        text NOT NULL CHECK (kind IN ('rejected', 'overwritten', 'dead_letter')),
  code        text NOT NULL,
  message     text NOT NULL,
  created_at  timestamptz NOT NULL,
  updated_at  timestamptz NOT NULL,
  resolved_at timestamptz,
  resolved_by uuid,
  _version    bigint NOT NULL
);
CREATE INDEX conflicts_open ON conflicts (site_id, created_at) WHERE resolved_at IS NULL;
CREATE INDEX conflicts_version ON conflicts (site_id, _version);

-- One version stream per site, plus the organisation's (site_id 00000000-...-000000000000) for
-- rows with site_id NULL. Every write transaction for a site takes the next version with
-- `UPDATE site_versions SET version = version + 1 ... RETURNING version` (server/db/site-versions.ts)
-- and stamps every row it writes with it. The row lock lasts until commit, so a site's writers
-- commit one after another and version order is commit order: a pull can never skip a change
-- committed late. Not under RLS (the service reads the org stream from every site), so bump it
-- only inside inSiteTransaction for that same site.
CREATE TABLE site_versions (
  site_id uuid PRIMARY KEY,
  version bigint NOT NULL DEFAULT 0
);
INSERT INTO site_versions (site_id, version) VALUES ('00000000-0000-0000-0000-000000000000', 0);

-- Enrolled kiosks. Only the SHA-256 of a device token is stored; `last_seq` is the highest outbox
-- seq applied or settled for the device (exactly-once push).
CREATE TABLE devices (
  id              uuid PRIMARY KEY,
  site_id         uuid NOT NULL,
  name            text NOT NULL,
  token_hash      text NOT NULL UNIQUE,
  created_at      timestamptz NOT NULL DEFAULT now(),
  revoked_at      timestamptz,
  last_seen_at    timestamptz,
  last_seq        bigint NOT NULL DEFAULT 0,
  clock_offset_ms bigint
);
CREATE INDEX devices_site ON devices (site_id);

-- One-time enrollment codes, stored as SHA-256 of the normalised code.
CREATE TABLE enrollment_codes (
  id         uuid PRIMARY KEY,
  site_id    uuid NOT NULL,
  code_hash  text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at    timestamptz,
  device_id  uuid REFERENCES devices (id)
);

-- Unexpected failures of one pushed mutation, counted towards dead-lettering it.
CREATE TABLE mutation_failures (
  device_id  uuid NOT NULL REFERENCES devices (id),
  seq        bigint NOT NULL,
  attempts   integer NOT NULL DEFAULT 0,
  last_error text,
  PRIMARY KEY (device_id, seq)
);

-- Row-level security: the second wall behind the service's own checks. The service's role reads
-- its site's rows and the organisation's, and writes only its site's rows; org-wide rows only in
-- a transaction that set shiftdeck.org_write. The owner (migrations, reference data) is exempt.
DO $$
DECLARE
  t text;
  writable text := '(site_id = shiftdeck_site() OR (site_id IS NULL AND shiftdeck_org_write()))';
BEGIN
  FOREACH t IN ARRAY ARRAY['sites', 'roles', 'users', 'user_roles', 'audit_log', 'conflicts'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY %I ON %I FOR SELECT USING (site_id IS NULL OR site_id = shiftdeck_site())', t || '_read', t);
    EXECUTE format('CREATE POLICY %I ON %I FOR INSERT WITH CHECK %s', t || '_insert', t, writable);
    EXECUTE format('CREATE POLICY %I ON %I FOR UPDATE USING %s WITH CHECK %s', t || '_update', t, writable, writable);
    EXECUTE format('CREATE POLICY %I ON %I FOR DELETE USING %s', t || '_delete', t, writable);
  END LOOP;
END
$$;

-- Least privilege: soft deletes only, so no DELETE on synced tables; audit_log is insert-only.
GRANT SELECT, INSERT, UPDATE ON sites, roles, users, user_roles, conflicts TO shiftdeck_service;
GRANT SELECT, INSERT ON audit_log TO shiftdeck_service;
GRANT SELECT, INSERT, UPDATE ON site_versions, devices, enrollment_codes TO shiftdeck_service;
GRANT SELECT, INSERT, UPDATE, DELETE ON mutation_failures TO shiftdeck_service;
