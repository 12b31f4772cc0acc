-- Training and certification (issue 4): the kiosk's training tables (0004_training.sql in
-- migrations/local) with PostgreSQL types, `_version` for pulls, `_hlc` on mutable tables, row-level
-- security by site as in 0001 and the service role's grants (no UPDATE on insert-only tables).

CREATE TABLE training_modules (
  id                  uuid PRIMARY KEY,
  site_id             uuid,
  code                text NOT NULL,
  version             integer NOT NULL,
  status              text NOT NULL CHECK (status IN ('draft', 'published', 'retired')),
  title_en            text NOT NULL,
  title_fr            text NOT NULL,
  description_en      text NOT NULL,
  description_fr      text NOT NULL,
  objectives          text NOT NULL CONSTRAINT training_modules_objectives_json CHECK (objectives::json IS NOT NULL),
  difficulty          integer NOT NULL CHECK (difficulty BETWEEN 1 AND 5),
  estimated_minutes   integer NOT NULL,
  prerequisites       text NOT NULL CONSTRAINT training_modules_prerequisites_json CHECK (prerequisites::json IS NOT NULL),
  pass_threshold      integer NOT NULL CHECK (pass_threshold BETWEEN 0 AND 100),
  max_attempts        integer NOT NULL,
  cooldown_minutes    integer NOT NULL,
  validity_days       integer NOT NULL,
  published_at        timestamptz,
  deleted_at          timestamptz,
  created_at          timestamptz NOT NULL,
  updated_at          timestamptz NOT NULL,
  _version            bigint NOT NULL,
  _hlc                text
);
CREATE INDEX training_modules_version ON training_modules (site_id, _version);
CREATE INDEX training_modules_code_version ON training_modules (code, version);

CREATE TABLE training_sections (
  id                  uuid PRIMARY KEY,
  site_id             uuid,
  module_id           uuid NOT NULL,
  position            integer NOT NULL,
  title_en            text NOT NULL,
  title_fr            text NOT NULL,
  body_en             text NOT NULL,
  body_fr             text NOT NULL,
  image               text,
  deleted_at          timestamptz,
  created_at          timestamptz NOT NULL,
  updated_at          timestamptz NOT NULL,
  _version            bigint NOT NULL,
  _hlc                text
);
CREATE INDEX training_sections_version ON training_sections (site_id, _version);
CREATE INDEX training_sections_module_id_position ON training_sections (module_id, position);

CREATE TABLE training_questions (
  id                  uuid PRIMARY KEY,
  site_id             uuid,
  module_id           uuid NOT NULL,
  position            integer NOT NULL,
  kind                text NOT NULL CHECK (kind IN ('single', 'multiple')),
  prompt_en           text NOT NULL,
  prompt_fr           text NOT NULL,
  options             text NOT NULL CONSTRAINT training_questions_options_json CHECK (options::json IS NOT NULL),
  correct             text NOT NULL CONSTRAINT training_questions_correct_json CHECK (correct::json IS NOT NULL),
  weight              integer NOT NULL CHECK (weight > 0),
  explanation_en      text NOT NULL,
  explanation_fr      text NOT NULL,
  deleted_at          timestamptz,
  created_at          timestamptz NOT NULL,
  updated_at          timestamptz NOT NULL,
  _version            bigint NOT NULL,
  _hlc                text
);
CREATE INDEX training_questions_version ON training_questions (site_id, _version);
CREATE INDEX training_questions_module_id_position ON training_questions (module_id, position);

CREATE TABLE training_paths (
  id                  uuid PRIMARY KEY,
  site_id             uuid,
  code                text NOT NULL,
  kind                text NOT NULL CHECK (kind IN ('onboarding', 'role_specific', 'compliance', 'professional_development')),
  title_en            text NOT NULL,
  title_fr            text NOT NULL,
  module_codes        text NOT NULL CONSTRAINT training_paths_module_codes_json CHECK (module_codes::json IS NOT NULL),
  role_codes          text NOT NULL CONSTRAINT training_paths_role_codes_json CHECK (role_codes::json IS NOT NULL),
  deleted_at          timestamptz,
  created_at          timestamptz NOT NULL,
  updated_at          timestamptz NOT NULL,
  _version            bigint NOT NULL,
  _hlc                text
);
CREATE INDEX training_paths_version ON training_paths (site_id, _version);

CREATE TABLE training_signing_keys (
  id                  uuid PRIMARY KEY,
  site_id             uuid,
  key_id              text NOT NULL,
  device_id           uuid NOT NULL,
  public_key          text NOT NULL,
  revoked_at          timestamptz,
  created_at          timestamptz NOT NULL,
  updated_at          timestamptz NOT NULL,
  _version            bigint NOT NULL,
  _hlc                text
);
CREATE INDEX training_signing_keys_version ON training_signing_keys (site_id, _version);

CREATE TABLE training_section_progress (
  id                  uuid PRIMARY KEY,
  site_id             uuid NOT NULL,
  user_id             uuid NOT NULL,
  module_id           uuid NOT NULL,
  section_id          uuid NOT NULL,
  module_version      integer NOT NULL,
  completed_at        timestamptz,
  time_spent_seconds  integer NOT NULL,
  bookmarked          integer NOT NULL,
  last_viewed_at      timestamptz NOT NULL,
  created_at          timestamptz NOT NULL,
  updated_at          timestamptz NOT NULL,
  _version            bigint NOT NULL,
  _hlc                text
);
CREATE INDEX training_section_progress_version ON training_section_progress (site_id, _version);
CREATE INDEX training_section_progress_user_id_module_id ON training_section_progress (user_id, module_id);

CREATE TABLE training_attempts (
  id                  uuid PRIMARY KEY,
  site_id             uuid NOT NULL,
  user_id             uuid NOT NULL,
  module_id           uuid NOT NULL,
  module_version      integer NOT NULL,
  started_at          timestamptz NOT NULL,
  submitted_at        timestamptz,
  score               double precision,
  passed              integer,
  created_at          timestamptz NOT NULL,
  updated_at          timestamptz NOT NULL,
  _version            bigint NOT NULL,
  _hlc                text
);
CREATE INDEX training_attempts_version ON training_attempts (site_id, _version);
CREATE INDEX training_attempts_user_id_module_id ON training_attempts (user_id, module_id);

CREATE TABLE training_responses (
  id                  uuid PRIMARY KEY,
  site_id             uuid NOT NULL,
  attempt_id          uuid NOT NULL,
  question_id         uuid NOT NULL,
  selected            text NOT NULL CONSTRAINT training_responses_selected_json CHECK (selected::json IS NOT NULL),
  correct             integer NOT NULL,
  response_ms         integer NOT NULL,
  created_at          timestamptz NOT NULL,
  updated_at          timestamptz NOT NULL,
  _version            bigint NOT NULL
);
CREATE INDEX training_responses_version ON training_responses (site_id, _version);
CREATE INDEX training_responses_attempt_id ON training_responses (attempt_id);
CREATE TRIGGER training_responses_insert_only BEFORE UPDATE OR DELETE ON training_responses
  FOR EACH ROW EXECUTE FUNCTION shiftdeck_refuse_change();

CREATE TABLE training_certificates (
  id                  uuid PRIMARY KEY,
  site_id             uuid NOT NULL,
  user_id             uuid NOT NULL,
  module_id           uuid NOT NULL,
  attempt_id          uuid,
  number              text NOT NULL,
  verification_code   text NOT NULL,
  issued_at           timestamptz NOT NULL,
  expires_at          timestamptz,
  payload             text NOT NULL CONSTRAINT training_certificates_payload_json CHECK (payload::json IS NOT NULL),
  signature           text NOT NULL,
  key_id              text NOT NULL,
  created_at          timestamptz NOT NULL,
  updated_at          timestamptz NOT NULL,
  _version            bigint NOT NULL
);
CREATE INDEX training_certificates_version ON training_certificates (site_id, _version);
CREATE INDEX training_certificates_user_id ON training_certificates (user_id);
CREATE INDEX training_certificates_number ON training_certificates (number);
CREATE TRIGGER training_certificates_insert_only BEFORE UPDATE OR DELETE ON training_certificates
  FOR EACH ROW EXECUTE FUNCTION shiftdeck_refuse_change();

CREATE TABLE training_certificate_revocations (
  id                  uuid PRIMARY KEY,
  site_id             uuid NOT NULL,
  certificate_id      uuid NOT NULL,
  reason              text NOT NULL,
  revoked_by          uuid,
  created_at          timestamptz NOT NULL,
  updated_at          timestamptz NOT NULL,
  _version            bigint NOT NULL
);
CREATE INDEX training_certificate_revocations_version ON training_certificate_revocations (site_id, _version);
CREATE TRIGGER training_certificate_revocations_insert_only BEFORE UPDATE OR DELETE ON training_certificate_revocations
  FOR EACH ROW EXECUTE FUNCTION shiftdeck_refuse_change();

CREATE TABLE training_sessions (
  id                  uuid PRIMARY KEY,
  site_id             uuid NOT NULL,
  module_id           uuid,
  title               text NOT NULL,
  instructor_id       uuid NOT NULL,
  location            text NOT NULL,
  starts_at           timestamptz NOT NULL,
  ends_at             timestamptz NOT NULL,
  capacity            integer NOT NULL CHECK (capacity > 0),
  status              text NOT NULL CHECK (status IN ('scheduled', 'completed', 'cancelled')),
  deleted_at          timestamptz,
  created_at          timestamptz NOT NULL,
  updated_at          timestamptz NOT NULL,
  _version            bigint NOT NULL,
  _hlc                text
);
CREATE INDEX training_sessions_version ON training_sessions (site_id, _version);
CREATE INDEX training_sessions_starts_at ON training_sessions (starts_at);

CREATE TABLE training_enrollments (
  id                  uuid PRIMARY KEY,
  site_id             uuid NOT NULL,
  session_id          uuid NOT NULL,
  user_id             uuid NOT NULL,
  status              text NOT NULL CHECK (status IN ('enrolled', 'waitlisted', 'cancelled')),
  requested_at        timestamptz NOT NULL,
  attended            integer,
  practical_score     double precision,
  written_score       double precision,
  created_at          timestamptz NOT NULL,
  updated_at          timestamptz NOT NULL,
  _version            bigint NOT NULL,
  _hlc                text
);
CREATE INDEX training_enrollments_version ON training_enrollments (site_id, _version);
CREATE INDEX training_enrollments_session_id_requested_at ON training_enrollments (session_id, requested_at);

CREATE TABLE training_assignments (
  id                  uuid PRIMARY KEY,
  site_id             uuid NOT NULL,
  user_id             uuid NOT NULL,
  path_id             uuid,
  module_code         text,
  due_at              timestamptz,
  assigned_by         uuid,
  deleted_at          timestamptz,
  created_at          timestamptz NOT NULL,
  updated_at          timestamptz NOT NULL,
  _version            bigint NOT NULL,
  _hlc                text
);
CREATE INDEX training_assignments_version ON training_assignments (site_id, _version);
CREATE INDEX training_assignments_user_id ON training_assignments (user_id);

CREATE TABLE training_feedback (
  id                  uuid PRIMARY KEY,
  site_id             uuid NOT NULL,
  user_id             uuid NOT NULL,
  module_id           uuid NOT NULL,
  content_rating      integer NOT NULL CHECK (content_rating BETWEEN 1 AND 5),
  instructor_rating   integer,
  materials_rating    integer NOT NULL CHECK (materials_rating BETWEEN 1 AND 5),
  comment             text NOT NULL,
  created_at          timestamptz NOT NULL,
  updated_at          timestamptz NOT NULL,
  _version            bigint NOT NULL
);
CREATE INDEX training_feedback_version ON training_feedback (site_id, _version);
CREATE INDEX training_feedback_module_id ON training_feedback (module_id);
CREATE TRIGGER training_feedback_insert_only BEFORE UPDATE OR DELETE ON training_feedback
  FOR EACH ROW EXECUTE FUNCTION shiftdeck_refuse_change();

DO $$
DECLARE
  t text;
  writable text := '(site_id = shiftdeck_site() OR (site_id IS NULL AND shiftdeck_org_write()))';
BEGIN
  FOREACH t IN ARRAY ARRAY['training_modules', 'training_sections', 'training_questions', 'training_paths', 'training_signing_keys', 'training_section_progress', 'training_attempts', 'training_responses', 'training_certificates', 'training_certificate_revocations', 'training_sessions', 'training_enrollments', 'training_assignments', 'training_feedback'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY %I ON %I FOR SELECT USING (site_id IS NULL OR site_id = shiftdeck_site())', t || '_read', t);
    EXECUTE format('CREATE POLICY %I ON %I FOR INSERT WITH CHECK %s', t || '_insert', t, writable);
    EXECUTE format('CREATE POLICY %I ON %I FOR UPDATE USING %s WITH CHECK %s', t || '_update', t, writable, writable);
    EXECUTE format('CREATE POLICY %I ON %I FOR DELETE USING %s', t || '_delete', t, writable);
  END LOOP;
END
$$;

GRANT SELECT, INSERT, UPDATE ON training_modules, training_sections, training_questions, training_paths, training_signing_keys, training_section_progress, training_attempts, training_sessions, training_enrollments, training_assignments TO shiftdeck_service;
GRANT SELECT, INSERT ON training_responses, training_certificates, training_certificate_revocations, training_feedback TO shiftdeck_service;
