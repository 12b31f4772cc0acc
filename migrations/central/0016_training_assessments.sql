-- Training additions (issue 18): the kiosk's 0015_training_assessments.sql with PostgreSQL types,
-- `_version` for pulls, `_hlc` and `_field_hlc` on the mutable practical items, row-level
-- security by site and least-privilege grants (sign-offs are insert-only).

ALTER TABLE training_modules ADD COLUMN category text NOT NULL DEFAULT 'general';
ALTER TABLE training_questions ADD COLUMN scenario_en text;
ALTER TABLE training_questions ADD COLUMN scenario_fr text;
ALTER TABLE training_responses ADD COLUMN confidence integer CHECK (confidence BETWEEN 1 AND 5);
ALTER TABLE training_attempts ADD COLUMN answered_at timestamptz;

CREATE TABLE training_practical_items (
  id                  uuid PRIMARY KEY,
  site_id             uuid,
  module_id           uuid NOT NULL,
  position            integer NOT NULL,
  title_en            text NOT NULL,
  title_fr            text NOT NULL,
  weight              integer NOT NULL CHECK (weight > 0),
  critical            integer NOT NULL CHECK (critical IN (0, 1)),
  deleted_at          timestamptz,
  created_at          timestamptz NOT NULL,
  updated_at          timestamptz NOT NULL,
  _version            bigint NOT NULL,
  _hlc                text,
  _field_hlc          jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX training_practical_items_version ON training_practical_items (site_id, _version);
CREATE INDEX training_practical_items_module_id_position ON training_practical_items (module_id, position);

CREATE TABLE training_practical_signoffs (
  id                  uuid PRIMARY KEY,
  site_id             uuid NOT NULL,
  attempt_id          uuid NOT NULL,
  item_id             uuid NOT NULL,
  instructor_id       uuid NOT NULL,
  competent           integer NOT NULL CHECK (competent IN (0, 1)),
  note                text NOT NULL,
  created_at          timestamptz NOT NULL,
  updated_at          timestamptz NOT NULL,
  _version            bigint NOT NULL
);
CREATE INDEX training_practical_signoffs_version ON training_practical_signoffs (site_id, _version);
CREATE INDEX training_practical_signoffs_attempt_id ON training_practical_signoffs (attempt_id);
CREATE TRIGGER training_practical_signoffs_insert_only BEFORE UPDATE OR DELETE ON training_practical_signoffs
  FOR EACH ROW EXECUTE FUNCTION shiftdeck_refuse_change();

DO $$
DECLARE
  t text;
  writable text := '(site_id = shiftdeck_site() OR (site_id IS NULL AND shiftdeck_org_write()))';
BEGIN
  FOREACH t IN ARRAY ARRAY['training_practical_items', 'training_practical_signoffs'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY %I ON %I FOR SELECT USING (site_id IS NULL OR site_id = shiftdeck_site())', t || '_read', t);
    EXECUTE format('CREATE POLICY %I ON %I FOR INSERT WITH CHECK %s', t || '_insert', t, writable);
    EXECUTE format('CREATE POLICY %I ON %I FOR UPDATE USING %s WITH CHECK %s', t || '_update', t, writable, writable);
    EXECUTE format('CREATE POLICY %I ON %I FOR DELETE USING %s', t || '_delete', t, writable);
  END LOOP;
END
$$;

GRANT SELECT, INSERT, UPDATE ON training_practical_items TO shiftdeck_service;
GRANT SELECT, INSERT ON training_practical_signoffs TO shiftdeck_service;
