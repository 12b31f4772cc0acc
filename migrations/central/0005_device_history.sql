-- The HLC of the newest mutation a device's pushes settled, beside its last_seq. A resent mutation
-- (its first answer lost) is never newer than it; a mutation reusing an applied seq with a newer
-- HLC comes from a kiosk whose database went back to an older copy, and is renumbered, not
-- acknowledged as a duplicate and lost.
ALTER TABLE devices ADD COLUMN last_hlc text;
