-- Capture cost: the outbox's status CHECK was written `status IN (...)`. SQLite evaluates a
-- constant IN list of more than two values by building a small temporary index each time the
-- INSERT statement runs, which is once per mutation: measured, it was half the cost of appending an
-- outbox entry. The same rule as a chain of `=` costs nothing measurable. SQLite cannot alter a
-- CHECK, so the table is rebuilt with the same columns, order, defaults, rows and seqs.
CREATE TABLE outbox_rebuilt (
  seq        INTEGER PRIMARY KEY,
  name       TEXT NOT NULL,
  version    INTEGER NOT NULL,
  args       TEXT NOT NULL,
  hlc        TEXT NOT NULL,
  user_id    TEXT,
  status     TEXT NOT NULL DEFAULT 'pending' CHECK (status = 'pending' OR status = 'applied' OR status = 'rejected' OR status = 'dead'),
  attempts   INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  rows       TEXT NOT NULL DEFAULT ''
) STRICT;
INSERT INTO outbox_rebuilt (seq, name, version, args, hlc, user_id, status, attempts, last_error, rows)
  SELECT seq, name, version, args, hlc, user_id, status, attempts, last_error, rows FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_rebuilt RENAME TO outbox;
-- As in 0001: pending rows stay out of the index, so capturing a mutation adds no index insert.
CREATE INDEX outbox_settled ON outbox (status, seq) WHERE status <> 'pending';
