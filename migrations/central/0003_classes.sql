-- Class tracking (shared/classes/): the kiosk's tables with PostgreSQL types, `_version` for
-- pulls, `_hlc` for last-writer-wins (every table here is mutable: the generation log only for
-- its 30-day retention soft delete), row-level security by site and least-privilege grants.

CREATE TABLE class_settings (
  id            uuid PRIMARY KEY,
  site_id       uuid NOT NULL,
  horizon_weeks integer NOT NULL CHECK (horizon_weeks BETWEEN 1 AND 26),
  created_at    timestamptz NOT NULL,
  updated_at    timestamptz NOT NULL,
  _version      bigint NOT NULL,
  _hlc          text
);
CREATE INDEX class_settings_version ON class_settings (site_id, _version);

CREATE TABLE students (
  id             uuid PRIMARY KEY,
  site_id        uuid NOT NULL,
  first_name     text NOT NULL,
  last_name      text NOT NULL,
  course         text NOT NULL,
  start_date     text NOT NULL,
  end_date       text,
  schedule       text NOT NULL CONSTRAINT students_schedule_json CHECK (schedule::json IS NOT NULL),
  schedule_since timestamptz,
  created_at     timestamptz NOT NULL,
  updated_at     timestamptz NOT NULL,
  deleted_at     timestamptz,
  _version       bigint NOT NULL,
  _hlc           text
);
CREATE INDEX students_version ON students (site_id, _version);

CREATE TABLE classes (
  id                 uuid PRIMARY KEY,
  site_id            uuid NOT NULL,
  student_id         uuid NOT NULL,
  course             text NOT NULL,
  date               text NOT NULL,
  start              text NOT NULL,
  duration_minutes   integer NOT NULL,
  starts_at          timestamptz NOT NULL,
  status             text NOT NULL CHECK (status IN ('scheduled', 'completed', 'cancelled', 'no_show')),
  payment_status     text NOT NULL CHECK (payment_status IN ('pending', 'paid', 'waived', 'refunded')),
  status_changed_by  uuid,
  status_changed_at  timestamptz,
  payment_changed_by uuid,
  payment_changed_at timestamptz,
  created_at         timestamptz NOT NULL,
  updated_at         timestamptz NOT NULL,
  deleted_at         timestamptz,
  _version           bigint NOT NULL,
  _hlc               text
);
CREATE INDEX classes_version ON classes (site_id, _version);
CREATE INDEX classes_site_date ON classes (site_id, date, start);
CREATE INDEX classes_student ON classes (student_id, date);

CREATE TABLE class_generation_logs (
  id              uuid PRIMARY KEY,
  site_id         uuid NOT NULL,
  student_id      uuid,
  operation       text NOT NULL CHECK (operation IN ('created', 'updated', 'scheduled', 'catch-up', 'manual', 'fix')),
  status          text NOT NULL CHECK (status IN ('success', 'skipped', 'failed')),
  message         text NOT NULL,
  classes_created integer NOT NULL DEFAULT 0,
  classes_removed integer NOT NULL DEFAULT 0,
  error_detail    text CONSTRAINT class_generation_logs_detail_json CHECK (error_detail IS NULL OR error_detail::json IS NOT NULL),
  device_id       uuid NOT NULL,
  user_id         uuid,
  created_at      timestamptz NOT NULL,
  updated_at      timestamptz NOT NULL,
  deleted_at      timestamptz,
  _version        bigint NOT NULL,
  _hlc            text
);
CREATE INDEX class_generation_logs_version ON class_generation_logs (site_id, _version);
CREATE INDEX class_generation_logs_site_time ON class_generation_logs (site_id, created_at);

DO $$
DECLARE
  t text;
  writable text := '(site_id = shiftdeck_site() OR (site_id IS NULL AND shiftdeck_org_write()))';
BEGIN
  FOREACH t IN ARRAY ARRAY['class_settings', 'students', 'classes', 'class_generation_logs'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY %I ON %I FOR SELECT USING (site_id IS NULL OR site_id = shiftdeck_site())', t || '_read', t);
    EXECUTE format('CREATE POLICY %I ON %I FOR INSERT WITH CHECK %s', t || '_insert', t, writable);
    EXECUTE format('CREATE POLICY %I ON %I FOR UPDATE USING %s WITH CHECK %s', t || '_update', t, writable, writable);
    EXECUTE format('CREATE POLICY %I ON %I FOR DELETE USING %s', t || '_delete', t, writable);
  END LOOP;
END
$$;

GRANT SELECT, INSERT, UPDATE ON class_settings, students, classes, class_generation_logs TO shiftdeck_service;
