-- Devices (issue 16 §6): the kiosk's 0024_devices (device_status) with PostgreSQL types,
-- `_version` for pulls, `_hlc` and `_field_hlc`, row-level security by site and grants.
-- A device's first report takes its enrolment's name; a name or a revocation an administrator set on a device_status row is carried to the device's
-- enrolment (`devices`) by a trigger, in the same transaction: from then on shore refuses a
-- revoked device's token, and its relayed pushes. Only a device of the row's own site is touched.

CREATE TABLE device_status (
  id                uuid PRIMARY KEY,
  site_id           uuid NOT NULL,
  name              text NOT NULL,
  app_version       text NOT NULL,
  online            integer NOT NULL CHECK (online IN (0, 1)),
  route             text,
  last_sync_at      timestamptz,
  pending           integer NOT NULL CHECK (pending >= 0),
  oldest_pending_at timestamptz,
  reported_at       timestamptz NOT NULL,
  revoked_at        timestamptz,
  revoked_by        uuid,
  created_at        timestamptz NOT NULL,
  updated_at        timestamptz NOT NULL,
  _version          bigint NOT NULL,
  _hlc              text,
  _field_hlc        jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX device_status_version ON device_status (site_id, _version);

ALTER TABLE device_status ENABLE ROW LEVEL SECURITY;
CREATE POLICY device_status_read ON device_status FOR SELECT USING (site_id = shiftdeck_site());
CREATE POLICY device_status_insert ON device_status FOR INSERT WITH CHECK (site_id = shiftdeck_site());
CREATE POLICY device_status_update ON device_status FOR UPDATE
  USING (site_id = shiftdeck_site()) WITH CHECK (site_id = shiftdeck_site());

GRANT SELECT, INSERT, UPDATE ON device_status TO shiftdeck_service;

-- A device's first report takes the name it was enrolled under (the kiosk may not know it).
CREATE FUNCTION device_status_name_from_enrolment() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  enrolled text;
BEGIN
  SELECT name INTO enrolled FROM devices WHERE id = NEW.id AND site_id = NEW.site_id;
  IF enrolled IS NOT NULL THEN
    NEW.name := enrolled;
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER device_status_name_from_enrolment BEFORE INSERT ON device_status
  FOR EACH ROW EXECUTE FUNCTION device_status_name_from_enrolment();

CREATE FUNCTION device_status_to_enrolment() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE devices
     SET name = NEW.name,
         revoked_at = COALESCE(devices.revoked_at, NEW.revoked_at)
   WHERE id = NEW.id
     AND site_id = NEW.site_id
     AND (name IS DISTINCT FROM NEW.name OR (revoked_at IS NULL AND NEW.revoked_at IS NOT NULL));
  RETURN NULL;
END
$$;

CREATE TRIGGER device_status_to_enrolment AFTER UPDATE OF name, revoked_at ON device_status
  FOR EACH ROW EXECUTE FUNCTION device_status_to_enrolment();
