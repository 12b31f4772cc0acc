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

-- Backups the service knows of (`tsx server/cli.ts backup`): each records, before the dump starts,
-- the last seq of every device, so everything up to those seqs is in the dump. Kiosks are told
-- the seq of the newest completed backup and may then let settled mutations up to it go once
-- they are past their retention window.
CREATE TABLE central_backups (
  id           uuid PRIMARY KEY,
  epoch        uuid NOT NULL REFERENCES central_epochs (epoch),
  started_at   timestamptz NOT NULL DEFAULT now(),
  completed_at timestamptz,
  device_seqs  jsonb NOT NULL
);
CREATE INDEX central_backups_done ON central_backups (epoch, completed_at DESC) WHERE completed_at IS NOT NULL;
GRANT SELECT ON central_backups TO shiftdeck_service;
