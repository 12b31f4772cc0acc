-- Number reserved for the site hub (issue 11, branch hub), which may need a local migration; the
-- runner accepts no gaps, so this placeholder keeps 0008 (signed mutations) next. It changes
-- nothing. If the hub branch brings its own 0007, that file replaces this one at the merge.
SELECT 1;
