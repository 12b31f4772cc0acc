-- Each device's Ed25519 public key (raw, base64url), against which shore checks the signature of
-- every mutation the device pushes, directly or through its site's hub. Registered at enrolment;
-- a device enrolled before signatures registers it once on a push over its own token (never a
-- relayed one), and then it cannot change without enrolling again.
ALTER TABLE devices ADD COLUMN public_key text
  CHECK (public_key IS NULL OR public_key ~ '^[A-Za-z0-9_-]{43}$');
ALTER TABLE devices ADD COLUMN key_registered_at timestamptz;
