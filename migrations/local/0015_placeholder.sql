-- Placeholder: this number belongs to another branch's migration this round; removed when the branches merge.
SELECT 1;
