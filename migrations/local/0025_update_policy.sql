-- Staged updates (issue 16 §8, shared/updates/): each site's update policy, on its synced `sites`
-- row, so every kiosk of the site follows what an administrator set, through the hub when shore is
-- gone. ring: which feed folder (pilot first, broad after); percent: the share of the site's
-- kiosks that take an update now; pinned version: stay on, or go back to, this one; the install
-- window in the site's time zone.

ALTER TABLE sites ADD COLUMN update_ring TEXT NOT NULL DEFAULT 'broad' CHECK (update_ring IN ('pilot', 'broad'));
ALTER TABLE sites ADD COLUMN update_percent INTEGER NOT NULL DEFAULT 100 CHECK (update_percent BETWEEN 0 AND 100);
ALTER TABLE sites ADD COLUMN update_pinned_version TEXT;
ALTER TABLE sites ADD COLUMN update_window_start TEXT NOT NULL DEFAULT '02:00';
ALTER TABLE sites ADD COLUMN update_window_end TEXT NOT NULL DEFAULT '05:00';
