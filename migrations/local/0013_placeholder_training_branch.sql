-- Placeholder: stands in for another branch's local migration 0013 so that the training branch
-- runs on its own (numbers must have no gaps). Replace it with that branch's file at merge.
SELECT 1;
