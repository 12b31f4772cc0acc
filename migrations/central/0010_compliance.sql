-- Compliance reports and checklists (issue 13): the kiosk's compliance tables (0010_compliance.sql in
-- migrations/local) with PostgreSQL types, `_version` for pulls, `_hlc` and `_field_hlc` on mutable
-- tables, row-level security by site as in 0004 and the service role's grants (no UPDATE on the
-- insert-only history and approvals).
CREATE TABLE compliance_templates (
  id                uuid PRIMARY KEY,
  site_id           uuid,
  code              text NOT NULL,
  version           integer NOT NULL CHECK (version > 0),
  status            text NOT NULL CHECK (status IN ('draft', 'published', 'retired')),
  report_type       text NOT NULL CHECK (report_type IN ('audit', 'inspection', 'safety', 'environmental', 'training', 'incident', 'custom')),
  site_kind         text NOT NULL CHECK (site_kind IN ('restaurant', 'vessel', 'any')),
  title_en          text NOT NULL,
  title_fr          text NOT NULL,
  method            text NOT NULL CHECK (method IN ('percentage', 'weighted', 'pass_fail', 'points')),
  content           text NOT NULL CONSTRAINT compliance_templates_content_json CHECK (content::json IS NOT NULL),
  content_hash      text NOT NULL,
  published_at      timestamptz,
  deleted_at        timestamptz,
  created_at        timestamptz NOT NULL,
  updated_at        timestamptz NOT NULL,
  _version          bigint NOT NULL,
  _hlc              text,
  _field_hlc        jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX compliance_templates_version ON compliance_templates (site_id, _version);
CREATE INDEX compliance_templates_code_version ON compliance_templates (code, version);

CREATE TABLE compliance_schedules (
  id                uuid PRIMARY KEY,
  site_id           uuid NOT NULL,
  template_code     text NOT NULL,
  frequency         text NOT NULL CHECK (frequency IN ('daily', 'weekly', 'monthly', 'quarterly', 'yearly')),
  role_code         text NOT NULL,
  starts_on         text NOT NULL,
  due_time          text NOT NULL,
  deleted_at        timestamptz,
  created_at        timestamptz NOT NULL,
  updated_at        timestamptz NOT NULL,
  _version          bigint NOT NULL,
  _hlc              text,
  _field_hlc        jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX compliance_schedules_version ON compliance_schedules (site_id, _version);
CREATE INDEX compliance_schedules_site ON compliance_schedules (site_id);

CREATE TABLE compliance_reports (
  id                uuid PRIMARY KEY,
  site_id           uuid NOT NULL,
  template_id       uuid NOT NULL,
  template_code     text NOT NULL,
  template_version  integer NOT NULL,
  schedule_id       uuid,
  period            text,
  status            text NOT NULL CHECK (status IN ('draft', 'submitted', 'reviewed', 'approved', 'returned', 'countersigned')),
  started_by        uuid NOT NULL,
  score             double precision,
  max_score         double precision,
  passed            integer,
  submitted_at      timestamptz,
  deleted_at        timestamptz,
  created_at        timestamptz NOT NULL,
  updated_at        timestamptz NOT NULL,
  _version          bigint NOT NULL,
  _hlc              text,
  _field_hlc        jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX compliance_reports_version ON compliance_reports (site_id, _version);
CREATE INDEX compliance_reports_site_template ON compliance_reports (site_id, template_code, created_at);
CREATE INDEX compliance_reports_schedule_period ON compliance_reports (schedule_id, period);

CREATE TABLE compliance_answers (
  id                uuid PRIMARY KEY,
  site_id           uuid NOT NULL,
  report_id         uuid NOT NULL,
  item_id           text NOT NULL,
  value             text NOT NULL CONSTRAINT compliance_answers_value_json CHECK (value::json IS NOT NULL),
  answered_by       uuid NOT NULL,
  answered_at       timestamptz NOT NULL,
  device_id         text NOT NULL,
  created_at        timestamptz NOT NULL,
  updated_at        timestamptz NOT NULL,
  _version          bigint NOT NULL,
  _hlc              text,
  _field_hlc        jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX compliance_answers_version ON compliance_answers (site_id, _version);
CREATE INDEX compliance_answers_report ON compliance_answers (report_id);

CREATE TABLE compliance_answer_history (
  id                uuid PRIMARY KEY,
  site_id           uuid NOT NULL,
  report_id         uuid NOT NULL,
  item_id           text NOT NULL,
  old_value         text CONSTRAINT compliance_answer_history_old_value_json CHECK (old_value IS NULL OR old_value::json IS NOT NULL),
  new_value         text NOT NULL CONSTRAINT compliance_answer_history_new_value_json CHECK (new_value::json IS NOT NULL),
  user_id           uuid NOT NULL,
  device_id         text NOT NULL,
  hlc               text NOT NULL,
  reason            text,
  base_ids          text NOT NULL CONSTRAINT compliance_answer_history_base_ids_json CHECK (base_ids::json IS NOT NULL),
  created_at        timestamptz NOT NULL,
  updated_at        timestamptz NOT NULL,
  _version          bigint NOT NULL
);
CREATE INDEX compliance_answer_history_version ON compliance_answer_history (site_id, _version);
CREATE INDEX compliance_answer_history_report ON compliance_answer_history (report_id, item_id);
CREATE TRIGGER compliance_answer_history_insert_only BEFORE UPDATE OR DELETE ON compliance_answer_history
  FOR EACH ROW EXECUTE FUNCTION shiftdeck_refuse_change();

CREATE TABLE compliance_approvals (
  id                uuid PRIMARY KEY,
  site_id           uuid NOT NULL,
  report_id         uuid NOT NULL,
  step              text NOT NULL CHECK (step IN ('submit', 'review', 'approve', 'return', 'countersign')),
  from_status       text NOT NULL,
  to_status         text NOT NULL,
  user_id           uuid NOT NULL,
  role_code         text NOT NULL,
  comment           text,
  score             double precision,
  answers_hash      text NOT NULL,
  device_id         text NOT NULL,
  created_at        timestamptz NOT NULL,
  updated_at        timestamptz NOT NULL,
  _version          bigint NOT NULL
);
CREATE INDEX compliance_approvals_version ON compliance_approvals (site_id, _version);
CREATE INDEX compliance_approvals_report ON compliance_approvals (report_id, created_at);
CREATE TRIGGER compliance_approvals_insert_only BEFORE UPDATE OR DELETE ON compliance_approvals
  FOR EACH ROW EXECUTE FUNCTION shiftdeck_refuse_change();

DO $$
DECLARE
  t text;
  writable text := '(site_id = shiftdeck_site() OR (site_id IS NULL AND shiftdeck_org_write()))';
BEGIN
  FOREACH t IN ARRAY ARRAY['compliance_templates', 'compliance_schedules', 'compliance_reports', 'compliance_answers', 'compliance_answer_history', 'compliance_approvals'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY %I ON %I FOR SELECT USING (site_id IS NULL OR site_id = shiftdeck_site())', t || '_read', t);
    EXECUTE format('CREATE POLICY %I ON %I FOR INSERT WITH CHECK %s', t || '_insert', t, writable);
    EXECUTE format('CREATE POLICY %I ON %I FOR UPDATE USING %s WITH CHECK %s', t || '_update', t, writable, writable);
    EXECUTE format('CREATE POLICY %I ON %I FOR DELETE USING %s', t || '_delete', t, writable);
  END LOOP;
END
$$;

GRANT SELECT, INSERT, UPDATE ON compliance_templates, compliance_schedules, compliance_reports, compliance_answers TO shiftdeck_service;
GRANT SELECT, INSERT ON compliance_answer_history, compliance_approvals TO shiftdeck_service;
