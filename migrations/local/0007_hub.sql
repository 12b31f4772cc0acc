-- Site hub (issue 11): a kiosk that serves the other kiosks of its site on the LAN and relays their
-- mutations to shore. The hub's bookkeeping lives in the hub's own kiosk database, so it has the
-- same crash guarantees as the outbox. None of these tables is synced.

-- Kiosks the hub has seen shore accept, by the SHA-256 of their bearer token. The token itself is
-- kept so that mutations held while shore was away can be relayed in that device's own name (shore
-- re-checks every one); per-device signatures (issue 11 section 3) are meant to replace this.
CREATE TABLE hub_devices (
  token_hash TEXT PRIMARY KEY,
  device_id  TEXT NOT NULL,
  token      TEXT NOT NULL,
  seen_at    TEXT NOT NULL
) STRICT;
CREATE INDEX hub_devices_device ON hub_devices (device_id);

-- Each relayed mutation, as the exact JSON text the kiosk sent (never re-encoded), until shore
-- answered it. `settle_mark` orders the answers so kiosks can be told which ones they missed.
CREATE TABLE hub_relay (
  device_id   TEXT NOT NULL,
  seq         INTEGER NOT NULL,
  json        TEXT NOT NULL,
  writes      TEXT NOT NULL DEFAULT '',
  client_time INTEGER NOT NULL,
  received_at INTEGER NOT NULL,
  status      TEXT NOT NULL DEFAULT 'held' CHECK (status IN ('held', 'applied', 'duplicate', 'rejected', 'dead')),
  settle_mark INTEGER,
  PRIMARY KEY (device_id, seq)
) STRICT;
CREATE INDEX hub_relay_held ON hub_relay (status, device_id, seq);
CREATE INDEX hub_relay_settled ON hub_relay (settle_mark);

-- The site's confirmed stream as the hub pulled it from shore: the newest version of each row,
-- stamped with the stream version of the page that brought it (never lower than the row's own).
CREATE TABLE hub_stream (
  tbl     TEXT NOT NULL,
  id      TEXT NOT NULL,
  stream  TEXT NOT NULL CHECK (stream IN ('site', 'org')),
  version INTEGER NOT NULL,
  row     TEXT NOT NULL,
  PRIMARY KEY (tbl, id)
) STRICT;
CREATE INDEX hub_stream_version ON hub_stream (stream, version);

-- On every kiosk synced through a hub: other kiosks' mutations shore has not confirmed yet, applied
-- on top of confirmed rows (like this kiosk's own pending ones) until shore answers them.
CREATE TABLE tentative_mutations (
  device_id TEXT NOT NULL,
  seq       INTEGER NOT NULL,
  name      TEXT NOT NULL,
  version   INTEGER NOT NULL,
  args      TEXT NOT NULL,
  hlc       TEXT NOT NULL,
  user_id   TEXT,
  rows      TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (device_id, seq)
) STRICT;
CREATE INDEX tentative_mutations_hlc ON tentative_mutations (hlc);
