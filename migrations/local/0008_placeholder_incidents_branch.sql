-- Placeholder: stands in for another branch's local migration 0008 so that the incidents branch
-- runs on its own (numbers must have no gaps). Replace it with that branch's file at merge.
SELECT 1;
