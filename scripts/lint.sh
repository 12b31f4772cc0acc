#!/usr/bin/env bash
# The lint check: import cycles, ESLint and Prettier over the project's own files. In a git checkout
# that means the files git tracks, so a file a CI harness, an editor or a tool drops into the tree
# (a report, a log, a copy) can never fail the run; outside git (an unpacked archive), the whole tree.
set -euo pipefail
cd "$(dirname "$0")/.."
node scripts/check-import-cycles.mjs
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  files=()
  while IFS= read -r -d '' f; do
    [[ -f "$f" ]] && files+=("$f")
  done < <(git ls-files -z --cached)
  code=()
  for f in "${files[@]}"; do
    [[ "$f" =~ \.(ts|tsx|mts|cts|js|mjs|cjs)$ ]] && code+=("$f")
  done
  npx eslint --no-warn-ignored "${code[@]}"
  npx prettier --check --ignore-unknown "${files[@]}"
else
  npx eslint .
  npx prettier --check .
fi
