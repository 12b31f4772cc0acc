-- Training and certification (issue 4): content (modules, sections, questions, learning paths),
-- per-person progress, assessment attempts and their responses, signed certificates and their
-- revocations, the devices' certificate-signing public keys, classroom sessions with enrollments,
-- assignments and feedback. site_id NULL is the organisation's content, seeded on every replica.

CREATE TABLE training_modules (
  id                  TEXT PRIMARY KEY,
  site_id             TEXT,
  code                TEXT NOT NULL,
  version             INTEGER NOT NULL,
  status              TEXT NOT NULL CHECK (status IN ('draft', 'published', 'retired')),
  title_en            TEXT NOT NULL,
  title_fr            TEXT NOT NULL,
  description_en      TEXT NOT NULL,
  description_fr      TEXT NOT NULL,
  objectives          TEXT NOT NULL CHECK (json_valid(objectives)),
  difficulty          INTEGER NOT NULL CHECK (difficulty BETWEEN 1 AND 5),
  estimated_minutes   INTEGER NOT NULL,
  prerequisites       TEXT NOT NULL CHECK (json_valid(prerequisites)),
  pass_threshold      INTEGER NOT NULL CHECK (pass_threshold BETWEEN 0 AND 100),
  max_attempts        INTEGER NOT NULL,
  cooldown_minutes    INTEGER NOT NULL,
  validity_days       INTEGER NOT NULL,
  published_at        TEXT,
  deleted_at          TEXT,
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL
) STRICT;
CREATE INDEX training_modules_code_version ON training_modules (code, version);
-- @synced training_modules

CREATE TABLE training_sections (
  id                  TEXT PRIMARY KEY,
  site_id             TEXT,
  module_id           TEXT NOT NULL,
  position            INTEGER NOT NULL,
  title_en            TEXT NOT NULL,
  title_fr            TEXT NOT NULL,
  body_en             TEXT NOT NULL,
  body_fr             TEXT NOT NULL,
  image               TEXT,
  deleted_at          TEXT,
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL
) STRICT;
CREATE INDEX training_sections_module_id_position ON training_sections (module_id, position);
-- @synced training_sections

CREATE TABLE training_questions (
  id                  TEXT PRIMARY KEY,
  site_id             TEXT,
  module_id           TEXT NOT NULL,
  position            INTEGER NOT NULL,
  kind                TEXT NOT NULL CHECK (kind IN ('single', 'multiple')),
  prompt_en           TEXT NOT NULL,
  prompt_fr           TEXT NOT NULL,
  options             TEXT NOT NULL CHECK (json_valid(options)),
  correct             TEXT NOT NULL CHECK (json_valid(correct)),
  weight              INTEGER NOT NULL CHECK (weight > 0),
  explanation_en      TEXT NOT NULL,
  explanation_fr      TEXT NOT NULL,
  deleted_at          TEXT,
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL
) STRICT;
CREATE INDEX training_questions_module_id_position ON training_questions (module_id, position);
-- @synced training_questions

CREATE TABLE training_paths (
  id                  TEXT PRIMARY KEY,
  site_id             TEXT,
  code                TEXT NOT NULL,
  kind                TEXT NOT NULL CHECK (kind IN ('onboarding', 'role_specific', 'compliance', 'professional_development')),
  title_en            TEXT NOT NULL,
  title_fr            TEXT NOT NULL,
  module_codes        TEXT NOT NULL CHECK (json_valid(module_codes)),
  role_codes          TEXT NOT NULL CHECK (json_valid(role_codes)),
  deleted_at          TEXT,
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL
) STRICT;
-- @synced training_paths

CREATE TABLE training_signing_keys (
  id                  TEXT PRIMARY KEY,
  site_id             TEXT,
  key_id              TEXT NOT NULL,
  device_id           TEXT NOT NULL,
  public_key          TEXT NOT NULL,
  revoked_at          TEXT,
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL
) STRICT;
-- @synced training_signing_keys

CREATE TABLE training_section_progress (
  id                  TEXT PRIMARY KEY,
  site_id             TEXT NOT NULL,
  user_id             TEXT NOT NULL,
  module_id           TEXT NOT NULL,
  section_id          TEXT NOT NULL,
  module_version      INTEGER NOT NULL,
  completed_at        TEXT,
  time_spent_seconds  INTEGER NOT NULL,
  bookmarked          INTEGER NOT NULL,
  last_viewed_at      TEXT NOT NULL,
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL
) STRICT;
CREATE INDEX training_section_progress_user_id_module_id ON training_section_progress (user_id, module_id);
-- @synced training_section_progress

CREATE TABLE training_attempts (
  id                  TEXT PRIMARY KEY,
  site_id             TEXT NOT NULL,
  user_id             TEXT NOT NULL,
  module_id           TEXT NOT NULL,
  module_version      INTEGER NOT NULL,
  started_at          TEXT NOT NULL,
  submitted_at        TEXT,
  score               REAL,
  passed              INTEGER,
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL
) STRICT;
CREATE INDEX training_attempts_user_id_module_id ON training_attempts (user_id, module_id);
-- @synced training_attempts

CREATE TABLE training_responses (
  id                  TEXT PRIMARY KEY,
  site_id             TEXT NOT NULL,
  attempt_id          TEXT NOT NULL,
  question_id         TEXT NOT NULL,
  selected            TEXT NOT NULL CHECK (json_valid(selected)),
  correct             INTEGER NOT NULL,
  response_ms         INTEGER NOT NULL,
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL
) STRICT;
CREATE INDEX training_responses_attempt_id ON training_responses (attempt_id);
-- @insert-only training_responses

CREATE TABLE training_certificates (
  id                  TEXT PRIMARY KEY,
  site_id             TEXT NOT NULL,
  user_id             TEXT NOT NULL,
  module_id           TEXT NOT NULL,
  attempt_id          TEXT,
  number              TEXT NOT NULL,
  verification_code   TEXT NOT NULL,
  issued_at           TEXT NOT NULL,
  expires_at          TEXT,
  payload             TEXT NOT NULL CHECK (json_valid(payload)),
  signature           TEXT NOT NULL,
  key_id              TEXT NOT NULL,
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL
) STRICT;
CREATE INDEX training_certificates_user_id ON training_certificates (user_id);
CREATE INDEX training_certificates_number ON training_certificates (number);
-- @insert-only training_certificates

CREATE TABLE training_certificate_revocations (
  id                  TEXT PRIMARY KEY,
  site_id             TEXT NOT NULL,
  certificate_id      TEXT NOT NULL,
  reason              TEXT NOT NULL,
  revoked_by          TEXT,
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL
) STRICT;
-- @insert-only training_certificate_revocations

CREATE TABLE training_sessions (
  id                  TEXT PRIMARY KEY,
  site_id             TEXT NOT NULL,
  module_id           TEXT,
  title               TEXT NOT NULL,
  instructor_id       TEXT NOT NULL,
  location            TEXT NOT NULL,
  starts_at           TEXT NOT NULL,
  ends_at             TEXT NOT NULL,
  capacity            INTEGER NOT NULL CHECK (capacity > 0),
  status              TEXT NOT NULL CHECK (status IN ('scheduled', 'completed', 'cancelled')),
  deleted_at          TEXT,
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL
) STRICT;
CREATE INDEX training_sessions_starts_at ON training_sessions (starts_at);
-- @synced training_sessions

CREATE TABLE training_enrollments (
  id                  TEXT PRIMARY KEY,
  site_id             TEXT NOT NULL,
  session_id          TEXT NOT NULL,
  user_id             TEXT NOT NULL,
  status              TEXT NOT NULL CHECK (status IN ('enrolled', 'waitlisted', 'cancelled')),
  requested_at        TEXT NOT NULL,
  attended            INTEGER,
  practical_score     REAL,
  written_score       REAL,
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL
) STRICT;
CREATE INDEX training_enrollments_session_id_requested_at ON training_enrollments (session_id, requested_at);
-- @synced training_enrollments

CREATE TABLE training_assignments (
  id                  TEXT PRIMARY KEY,
  site_id             TEXT NOT NULL,
  user_id             TEXT NOT NULL,
  path_id             TEXT,
  module_code         TEXT,
  due_at              TEXT,
  assigned_by         TEXT,
  deleted_at          TEXT,
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL
) STRICT;
CREATE INDEX training_assignments_user_id ON training_assignments (user_id);
-- @synced training_assignments

CREATE TABLE training_feedback (
  id                  TEXT PRIMARY KEY,
  site_id             TEXT NOT NULL,
  user_id             TEXT NOT NULL,
  module_id           TEXT NOT NULL,
  content_rating      INTEGER NOT NULL CHECK (content_rating BETWEEN 1 AND 5),
  instructor_rating   INTEGER,
  materials_rating    INTEGER NOT NULL CHECK (materials_rating BETWEEN 1 AND 5),
  comment             TEXT NOT NULL,
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL
) STRICT;
CREATE INDEX training_feedback_module_id ON training_feedback (module_id);
-- @insert-only training_feedback

