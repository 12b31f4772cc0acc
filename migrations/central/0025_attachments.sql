-- Attachments (issue 12 §1): the kiosk's 0026_attachments with PostgreSQL types, `_version` for
-- pulls, insert-only, row-level security by site; and attachment_blobs, shore's copy of the bytes,
-- which never syncs as rows: a kiosk sends them (PUT /v1/attachments/:sha256) once shore holds a
-- reference to them, and fetches them (GET) once it knows they arrived.

CREATE TABLE attachments (
  id          uuid PRIMARY KEY,
  site_id     uuid NOT NULL,
  owner_kind  text NOT NULL CHECK (owner_kind IN ('incident', 'training_module')),
  owner_id    uuid NOT NULL,
  sha256      text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  mime        text NOT NULL CHECK (mime IN ('image/jpeg', 'image/png')),
  size        integer NOT NULL CHECK (size > 0),
  width       integer NOT NULL CHECK (width > 0),
  height      integer NOT NULL CHECK (height > 0),
  added_by    uuid,
  device_id   uuid NOT NULL,
  created_at  timestamptz NOT NULL,
  updated_at  timestamptz NOT NULL,
  _version    bigint NOT NULL
);
CREATE INDEX attachments_version ON attachments (site_id, _version);
CREATE INDEX attachments_hash ON attachments (site_id, sha256);
CREATE TRIGGER attachments_insert_only BEFORE UPDATE OR DELETE ON attachments
  FOR EACH ROW EXECUTE FUNCTION shiftdeck_refuse_change();

CREATE TABLE attachment_arrivals (
  id          uuid PRIMARY KEY,
  site_id     uuid NOT NULL,
  sha256      text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  size        integer NOT NULL CHECK (size > 0),
  arrived_at  timestamptz NOT NULL,
  device_id   uuid NOT NULL,
  created_at  timestamptz NOT NULL,
  updated_at  timestamptz NOT NULL,
  _version    bigint NOT NULL
);
CREATE INDEX attachment_arrivals_version ON attachment_arrivals (site_id, _version);
CREATE UNIQUE INDEX attachment_arrivals_hash ON attachment_arrivals (site_id, sha256);
CREATE TRIGGER attachment_arrivals_insert_only BEFORE UPDATE OR DELETE ON attachment_arrivals
  FOR EACH ROW EXECUTE FUNCTION shiftdeck_refuse_change();

CREATE TABLE attachment_blobs (
  site_id     uuid NOT NULL,
  sha256      text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  mime        text NOT NULL CHECK (mime IN ('image/jpeg', 'image/png')),
  size        integer NOT NULL CHECK (size > 0),
  content     bytea NOT NULL,
  received_at timestamptz NOT NULL,
  PRIMARY KEY (site_id, sha256)
);

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['attachments', 'attachment_arrivals', 'attachment_blobs'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY %I ON %I FOR SELECT USING (site_id = shiftdeck_site())', t || '_read', t);
    EXECUTE format('CREATE POLICY %I ON %I FOR INSERT WITH CHECK (site_id = shiftdeck_site())', t || '_insert', t);
  END LOOP;
END
$$;

GRANT SELECT, INSERT ON attachments, attachment_arrivals, attachment_blobs TO shiftdeck_service;
