-- Placeholder on the compliance branch only: the number belongs to another branch's migration.
-- Delete this file when merging (the runner refuses two files with one number).
SELECT 1;
