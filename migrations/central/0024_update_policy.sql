-- Staged updates (issue 16 §8): the kiosk's 0025_update_policy, the site's update policy on its
-- synced `sites` row, with PostgreSQL types. Row-level security and grants of `sites` cover them.

ALTER TABLE sites ADD COLUMN update_ring text NOT NULL DEFAULT 'broad' CHECK (update_ring IN ('pilot', 'broad'));
ALTER TABLE sites ADD COLUMN update_percent integer NOT NULL DEFAULT 100 CHECK (update_percent BETWEEN 0 AND 100);
ALTER TABLE sites ADD COLUMN update_pinned_version text;
ALTER TABLE sites ADD COLUMN update_window_start text NOT NULL DEFAULT '02:00';
ALTER TABLE sites ADD COLUMN update_window_end text NOT NULL DEFAULT '05:00';
