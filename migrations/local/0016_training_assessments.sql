-- Training additions (issue 18): a module's category; scenario questions (a situation text shared
-- by a chain of questions); the learner's confidence on each response; practical assessments,
-- whose items an instructor signs off one by one (insert-only, one row per attempt and item, its id
-- derived from both so two kiosks signing the same item write one row); and when an attempt's
-- written part was answered (a practical attempt is scored only once every item is signed off).

ALTER TABLE training_modules ADD COLUMN category TEXT NOT NULL DEFAULT 'general';
ALTER TABLE training_questions ADD COLUMN scenario_en TEXT;
ALTER TABLE training_questions ADD COLUMN scenario_fr TEXT;
ALTER TABLE training_responses ADD COLUMN confidence INTEGER CHECK (confidence BETWEEN 1 AND 5);
ALTER TABLE training_attempts ADD COLUMN answered_at TEXT;

CREATE TABLE training_practical_items (
  id                  TEXT PRIMARY KEY,
  site_id             TEXT,
  module_id           TEXT NOT NULL,
  position            INTEGER NOT NULL,
  title_en            TEXT NOT NULL,
  title_fr            TEXT NOT NULL,
  weight              INTEGER NOT NULL CHECK (weight > 0),
  critical            INTEGER NOT NULL CHECK (critical IN (0, 1)),
  deleted_at          TEXT,
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL
) STRICT;
CREATE INDEX training_practical_items_module_id_position ON training_practical_items (module_id, position);
-- @synced training_practical_items

CREATE TABLE training_practical_signoffs (
  id                  TEXT PRIMARY KEY,
  site_id             TEXT NOT NULL,
  attempt_id          TEXT NOT NULL,
  item_id             TEXT NOT NULL,
  instructor_id       TEXT NOT NULL,
  competent           INTEGER NOT NULL CHECK (competent IN (0, 1)),
  note                TEXT NOT NULL,
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL
) STRICT;
CREATE INDEX training_practical_signoffs_attempt_id ON training_practical_signoffs (attempt_id);
-- @insert-only training_practical_signoffs
