-- Compliance reports and checklists (issue 13, shared/compliance/): versioned templates (site_id
-- NULL for the shipped ones, seeded on every replica), schedules per site and role, reports pinned
-- to a template version, one answer row per (report, item), and the insert-only answer history and
-- signed approval steps.

CREATE TABLE compliance_templates (
  id              TEXT PRIMARY KEY,
  site_id         TEXT,
  code            TEXT NOT NULL,
  version         INTEGER NOT NULL CHECK (version > 0),
  status          TEXT NOT NULL CHECK (status IN ('draft', 'published', 'retired')),
  report_type     TEXT NOT NULL CHECK (report_type IN ('audit', 'inspection', 'safety', 'environmental', 'training', 'incident', 'custom')),
  site_kind       TEXT NOT NULL CHECK (site_kind IN ('restaurant', 'vessel', 'any')),
  title_en        TEXT NOT NULL,
  title_fr        TEXT NOT NULL,
  method          TEXT NOT NULL CHECK (method IN ('percentage', 'weighted', 'pass_fail', 'points')),
  content         TEXT NOT NULL CHECK (json_valid(content)),
  content_hash    TEXT NOT NULL,
  published_at    TEXT,
  deleted_at      TEXT,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL
) STRICT;
CREATE INDEX compliance_templates_code_version ON compliance_templates (code, version);
-- @synced compliance_templates

CREATE TABLE compliance_schedules (
  id              TEXT PRIMARY KEY,
  site_id         TEXT NOT NULL,
  template_code   TEXT NOT NULL,
  frequency       TEXT NOT NULL CHECK (frequency IN ('daily', 'weekly', 'monthly', 'quarterly', 'yearly')),
  role_code       TEXT NOT NULL,
  starts_on       TEXT NOT NULL,
  due_time        TEXT NOT NULL,
  deleted_at      TEXT,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL
) STRICT;
CREATE INDEX compliance_schedules_site ON compliance_schedules (site_id);
-- @synced compliance_schedules

CREATE TABLE compliance_reports (
  id                TEXT PRIMARY KEY,
  site_id           TEXT NOT NULL,
  template_id       TEXT NOT NULL,
  template_code     TEXT NOT NULL,
  template_version  INTEGER NOT NULL,
  schedule_id       TEXT,
  period            TEXT,
  status            TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'reviewed', 'approved', 'returned', 'countersigned')),
  started_by        TEXT NOT NULL,
  score             REAL,
  max_score         REAL,
  passed            INTEGER,
  submitted_at      TEXT,
  deleted_at        TEXT,
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL
) STRICT;
CREATE INDEX compliance_reports_site_template ON compliance_reports (site_id, template_code, created_at);
CREATE INDEX compliance_reports_schedule_period ON compliance_reports (schedule_id, period);
-- @synced compliance_reports

CREATE TABLE compliance_answers (
  id              TEXT PRIMARY KEY,
  site_id         TEXT NOT NULL,
  report_id       TEXT NOT NULL,
  item_id         TEXT NOT NULL,
  value           TEXT NOT NULL CHECK (json_valid(value)),
  answered_by     TEXT NOT NULL,
  answered_at     TEXT NOT NULL,
  device_id       TEXT NOT NULL,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL
) STRICT;
CREATE INDEX compliance_answers_report ON compliance_answers (report_id);
-- @synced compliance_answers

CREATE TABLE compliance_answer_history (
  id              TEXT PRIMARY KEY,
  site_id         TEXT NOT NULL,
  report_id       TEXT NOT NULL,
  item_id         TEXT NOT NULL,
  old_value       TEXT CHECK (old_value IS NULL OR json_valid(old_value)),
  new_value       TEXT NOT NULL CHECK (json_valid(new_value)),
  user_id         TEXT NOT NULL,
  device_id       TEXT NOT NULL,
  hlc             TEXT NOT NULL,
  reason          TEXT,
  base_ids        TEXT NOT NULL CHECK (json_valid(base_ids)),
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL
) STRICT;
CREATE INDEX compliance_answer_history_report ON compliance_answer_history (report_id, item_id);
-- @insert-only compliance_answer_history

CREATE TABLE compliance_approvals (
  id              TEXT PRIMARY KEY,
  site_id         TEXT NOT NULL,
  report_id       TEXT NOT NULL,
  step            TEXT NOT NULL CHECK (step IN ('submit', 'review', 'approve', 'return', 'countersign')),
  from_status     TEXT NOT NULL,
  to_status       TEXT NOT NULL,
  user_id         TEXT NOT NULL,
  role_code       TEXT NOT NULL,
  comment         TEXT,
  score           REAL,
  answers_hash    TEXT NOT NULL,
  device_id       TEXT NOT NULL,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL
) STRICT;
CREATE INDEX compliance_approvals_report ON compliance_approvals (report_id, created_at);
-- @insert-only compliance_approvals
