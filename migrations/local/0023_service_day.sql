-- The service day (issue 15 §5, shared/tables/service-mutations.ts): whether a restaurant takes
-- orders, and its shifts with the opening float, the cash counted at the close, what was expected
-- (float plus cash taken during the shift, tips included) and the difference.
-- service_settings: one row per site, its id derived from the site.

CREATE TABLE service_settings (
  id               TEXT PRIMARY KEY,
  site_id          TEXT NOT NULL,
  accepting_orders INTEGER NOT NULL CHECK (accepting_orders IN (0, 1)),
  changed_by       TEXT NOT NULL,
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL
) STRICT;
-- @synced service_settings

CREATE TABLE service_shifts (
  id               TEXT PRIMARY KEY,
  site_id          TEXT NOT NULL,
  opened_at        TEXT NOT NULL,
  opened_by        TEXT NOT NULL,
  float_cents      INTEGER NOT NULL CHECK (float_cents >= 0),
  closed_at        TEXT,
  closed_by        TEXT,
  counted_cents    INTEGER CHECK (counted_cents >= 0),
  expected_cents   INTEGER,
  difference_cents INTEGER,
  note             TEXT,
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL
) STRICT;
CREATE INDEX service_shifts_site ON service_shifts (site_id, opened_at);
-- @synced service_shifts
