-- Placeholder: stands in for another branch's central migration 0009 so that the incidents branch
-- runs on its own (numbers must have no gaps). Replace it with that branch's file at merge.
SELECT 1;
