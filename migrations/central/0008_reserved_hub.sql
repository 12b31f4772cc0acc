-- Number reserved for the site hub (issue 11, branch hub), which may need a central migration; the
-- runner accepts no gaps, so this placeholder keeps 0009 (device keys) next. It changes
-- nothing. If the hub branch brings its own 0008, that file replaces this one at the merge.
SELECT 1;
