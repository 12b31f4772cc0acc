-- A certificate template per site (issue 18 §3): the logo drawn on the site's certificates and the
-- signatory (name and title) signed into them. One row per site, its id derived from the site, so
-- two kiosks setting it offline edit one row (the later edit wins, field by field). The logo is a
-- PNG or JPEG checked by its magic bytes and kept small (at most 256 KiB) inside the row.

CREATE TABLE training_certificate_templates (
  id                  TEXT PRIMARY KEY,
  site_id             TEXT NOT NULL,
  signatory_name      TEXT NOT NULL,
  signatory_title     TEXT NOT NULL,
  logo_mime           TEXT CHECK (logo_mime IN ('image/png', 'image/jpeg')),
  logo_base64         TEXT,
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX training_certificate_templates_site ON training_certificate_templates (site_id);
-- @synced training_certificate_templates
