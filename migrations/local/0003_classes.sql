-- Class tracking: students on a fixed weekly schedule, the classes generated from it, a per-site
-- horizon setting and the generation log. Class ids are derived from (student, date, start), so
-- replicas generating offline converge; see shared/classes/.
-- The generation log is synced but not insert-only: its retention job soft-deletes entries after
-- 30 days, and insert-only tables refuse every change.

CREATE TABLE class_settings (
  id            TEXT PRIMARY KEY,
  site_id       TEXT NOT NULL,
  horizon_weeks INTEGER NOT NULL CHECK (horizon_weeks BETWEEN 1 AND 26),
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
) STRICT;
-- @synced class_settings

CREATE TABLE students (
  id             TEXT PRIMARY KEY,
  site_id        TEXT NOT NULL,
  first_name     TEXT NOT NULL,
  last_name      TEXT NOT NULL,
  course         TEXT NOT NULL,
  start_date     TEXT NOT NULL,
  end_date       TEXT,
  schedule       TEXT NOT NULL,
  schedule_since TEXT,
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL,
  deleted_at     TEXT
) STRICT;
CREATE INDEX students_site ON students (site_id, last_name, first_name);
-- @synced students

CREATE TABLE classes (
  id                 TEXT PRIMARY KEY,
  site_id            TEXT NOT NULL,
  student_id         TEXT NOT NULL,
  course             TEXT NOT NULL,
  date               TEXT NOT NULL,
  start              TEXT NOT NULL,
  duration_minutes   INTEGER NOT NULL,
  starts_at          TEXT NOT NULL,
  status             TEXT NOT NULL CHECK (status IN ('scheduled', 'completed', 'cancelled', 'no_show')),
  payment_status     TEXT NOT NULL CHECK (payment_status IN ('pending', 'paid', 'waived', 'refunded')),
  status_changed_by  TEXT,
  status_changed_at  TEXT,
  payment_changed_by TEXT,
  payment_changed_at TEXT,
  created_at         TEXT NOT NULL,
  updated_at         TEXT NOT NULL,
  deleted_at         TEXT
) STRICT;
CREATE INDEX classes_site_date ON classes (site_id, date, start);
CREATE INDEX classes_student ON classes (student_id, date);
-- @synced classes

CREATE TABLE class_generation_logs (
  id              TEXT PRIMARY KEY,
  site_id         TEXT NOT NULL,
  student_id      TEXT,
  operation       TEXT NOT NULL CHECK (operation IN ('created', 'updated', 'scheduled', 'catch-up', 'manual', 'fix')),
  status          TEXT NOT NULL CHECK (status IN ('success', 'skipped', 'failed')),
  message         TEXT NOT NULL,
  classes_created INTEGER NOT NULL DEFAULT 0,
  classes_removed INTEGER NOT NULL DEFAULT 0,
  error_detail    TEXT CHECK (error_detail IS NULL OR json_valid(error_detail)),
  device_id       TEXT NOT NULL,
  user_id         TEXT,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  deleted_at      TEXT
) STRICT;
CREATE INDEX class_generation_logs_site_time ON class_generation_logs (site_id, created_at);
-- @synced class_generation_logs
