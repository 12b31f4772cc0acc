-- The hybrid logical timestamp of the newest write to each mutable row. An update applied later
-- in commit order but stamped earlier than this overwrote a newer change: the server keeps
-- last-writer-wins in commit order and records the overwritten values as a conflict.
ALTER TABLE sites ADD COLUMN _hlc text;
ALTER TABLE roles ADD COLUMN _hlc text;
ALTER TABLE users ADD COLUMN _hlc text;
ALTER TABLE user_roles ADD COLUMN _hlc text;
ALTER TABLE conflicts ADD COLUMN _hlc text;
