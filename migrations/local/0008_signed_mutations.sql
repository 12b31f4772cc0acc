-- Signed mutations: each queued mutation carries the device's Ed25519 signature over its canonical
-- encoding (shared/sync/mutation-signature.ts), made when it is written, so a relay (the site
-- hub) that alters it on the way to shore gets it refused. Kept with settled mutations too: a
-- restored shore is sent them again, and a resend must verify like the first send. Entries queued
-- before this migration have '' and are signed at the kiosk's next start (their seq, device and
-- site are known then, and the key is this kiosk's own).
ALTER TABLE outbox ADD COLUMN sig TEXT NOT NULL DEFAULT '';
ALTER TABLE settled_mutations ADD COLUMN sig TEXT NOT NULL DEFAULT '';
