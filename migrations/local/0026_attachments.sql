-- Attachments (issue 12 §1, issue 18 §2; shared/attachments/): photos of incidents and pictures of
-- training modules, referenced by records. The rows are the
-- references and the word of shore that it holds the bytes; the bytes themselves are files named
-- by their SHA-256 in the kiosk's data folder (attachments/), sent and fetched in the bulk lane.
-- Both tables are insert-only: a photo taken is part of the record, and an arrival is a fact.

CREATE TABLE attachments (
  id          TEXT PRIMARY KEY,
  site_id     TEXT NOT NULL,
  owner_kind  TEXT NOT NULL CHECK (owner_kind IN ('incident', 'training_module')),
  owner_id    TEXT NOT NULL,
  sha256      TEXT NOT NULL CHECK (length(sha256) = 64),
  mime        TEXT NOT NULL CHECK (mime IN ('image/jpeg', 'image/png')),
  size        INTEGER NOT NULL CHECK (size > 0),
  width       INTEGER NOT NULL CHECK (width > 0),
  height      INTEGER NOT NULL CHECK (height > 0),
  added_by    TEXT,
  device_id   TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
) STRICT;
CREATE INDEX attachments_owner ON attachments (site_id, owner_kind, owner_id, created_at);
CREATE INDEX attachments_hash ON attachments (site_id, sha256);
-- @insert-only attachments

CREATE TABLE attachment_arrivals (
  id          TEXT PRIMARY KEY,
  site_id     TEXT NOT NULL,
  sha256      TEXT NOT NULL CHECK (length(sha256) = 64),
  size        INTEGER NOT NULL CHECK (size > 0),
  arrived_at  TEXT NOT NULL,
  device_id   TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX attachment_arrivals_hash ON attachment_arrivals (site_id, sha256);
-- @insert-only attachment_arrivals
