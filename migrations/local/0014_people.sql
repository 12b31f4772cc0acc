-- People management (shared/people/): per person, what sign-in needs beyond the users row. One
-- row per person, its id the user's id. `pin_history` holds the hashes of the person's previous
-- PINs (newest first, at most PIN_HISTORY_KEPT), never a PIN; `pin_must_change` makes the next
-- sign-in ask for a new PIN; `anonymised_at` marks a former person whose name was replaced (GDPR).
CREATE TABLE person_security (
  id              TEXT PRIMARY KEY REFERENCES users (id),
  site_id         TEXT NOT NULL,
  pin_history     TEXT NOT NULL CHECK (json_valid(pin_history)),
  pin_must_change INTEGER NOT NULL DEFAULT 0 CHECK (pin_must_change IN (0, 1)),
  anonymised_at   TEXT,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL
) STRICT;
-- @synced person_security
