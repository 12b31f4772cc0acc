-- The mirror of the kiosk's 0018: one certificate template per site (logo, signatory), set by
-- administrators, read and written by its own site only.

CREATE TABLE training_certificate_templates (
  id                  uuid PRIMARY KEY,
  site_id             uuid NOT NULL,
  signatory_name      text NOT NULL,
  signatory_title     text NOT NULL,
  logo_mime           text CHECK (logo_mime IN ('image/png', 'image/jpeg')),
  logo_base64         text,
  created_at          timestamptz NOT NULL,
  updated_at          timestamptz NOT NULL,
  _version            bigint NOT NULL,
  _hlc                text,
  _field_hlc          jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX training_certificate_templates_version ON training_certificate_templates (site_id, _version);
CREATE UNIQUE INDEX training_certificate_templates_site ON training_certificate_templates (site_id);

ALTER TABLE training_certificate_templates ENABLE ROW LEVEL SECURITY;
CREATE POLICY training_certificate_templates_read ON training_certificate_templates FOR SELECT
  USING (site_id = shiftdeck_site());
CREATE POLICY training_certificate_templates_insert ON training_certificate_templates FOR INSERT
  WITH CHECK (site_id = shiftdeck_site());
CREATE POLICY training_certificate_templates_update ON training_certificate_templates FOR UPDATE
  USING (site_id = shiftdeck_site()) WITH CHECK (site_id = shiftdeck_site());
GRANT SELECT, INSERT, UPDATE ON training_certificate_templates TO shiftdeck_service;
