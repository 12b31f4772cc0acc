-- Placeholder: stands in for another branch's central migration 0014 so that the training branch
-- runs on its own (numbers must have no gaps). Replace it with that branch's file at merge.
SELECT 1;
