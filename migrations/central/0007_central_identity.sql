-- The central database's identity and history, which kiosks check to notice that shore went back
-- in time (restored from a backup). `epoch` names the current life of this database; it changes
-- whenever the service finds itself on a copy (server/db/central-identity.ts): a restored dump
-- carries the old epoch's rows but not the database-level setting `shiftdeck.instance` (pg_dump
-- leaves database settings out unless --create) and gets a new database OID. A kiosk seeing
-- another epoch re-sends what it had acknowledged and re-pulls from the start.
CREATE TABLE central_epochs (
  epoch       uuid PRIMARY KEY,
  instance    uuid NOT NULL,
  database_oid bigint NOT NULL,
  started_at  timestamptz NOT NULL DEFAULT now(),
  -- 'created' for the first life, 'copy' when the service found itself on a restored or copied database.
  reason      text NOT NULL CHECK (reason IN ('created', 'copy')),
  previous    uuid REFERENCES central_epochs (epoch)
);
-- The current epoch: the newest row.
CREATE INDEX central_epochs_started ON central_epochs (started_at DESC);
GRANT SELECT ON central_epochs TO shiftdeck_service;
