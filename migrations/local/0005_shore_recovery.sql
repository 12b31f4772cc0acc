-- Shore can go back in time (a restore from a backup). To re-send what a restored shore lacks, a
-- kiosk keeps its settled mutations for a retention window instead of deleting them when shore
-- acknowledges them. They live beside the outbox, not in it, so capturing and pushing still walk
-- a short table.
CREATE TABLE settled_mutations (
  seq        INTEGER PRIMARY KEY,
  name       TEXT NOT NULL,
  version    INTEGER NOT NULL,
  args       TEXT NOT NULL,
  hlc        TEXT NOT NULL,
  user_id    TEXT,
  rows       TEXT NOT NULL DEFAULT '',
  -- When shore acknowledged it, by this kiosk's clock (ISO-8601): the retention window counts from here.
  settled_at TEXT NOT NULL
) STRICT;
CREATE INDEX settled_mutations_age ON settled_mutations (settled_at);

-- While a full re-pull after a restore runs: the rows shore sent, so that at its end the rows
-- shore no longer has can be removed here too (pages apply in separate transactions).
CREATE TABLE resync_seen (
  tbl TEXT NOT NULL,
  id  TEXT NOT NULL,
  PRIMARY KEY (tbl, id)
) STRICT;
