#!/usr/bin/env bash
# The whole test run: type-check, build, unit + integration (Vitest, real SQLite and PostgreSQL),
# browser end-to-end (Playwright in Debian's Chromium), the Electron smoke suite (skipped where no
# Electron binary exists), then the unit and browser suites once more with the system clock 400 days
# ahead and TZ far from UTC (nothing may depend on today's date or the zone). Ends with one line:
# "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p .tmp
rm -f .tmp/lint.json .tmp/vitest.json .tmp/e2e.json .tmp/electron.json .tmp/vitest-shifted.json .tmp/e2e-shifted.json
status=0

bash scripts/ensure-test-tools.sh || { echo "Could not install Chromium/poppler/zbar from Debian"; status=1; }

echo "== type-check"
npx tsc -p tsconfig.json --noEmit || status=1

echo "== lint (import cycles, ESLint, Prettier)"
# Counted as one check in the summary line (.tmp/lint.json), so a lint error fails the run.
if npm run --silent lint; then lint_ok=true; else lint_ok=false; status=1; fi
echo "{\"check\": \"lint\", \"ok\": $lint_ok}" >.tmp/lint.json

echo "== build (main, preload, renderer)"
npx electron-vite build >.tmp/build.log 2>&1 || { cat .tmp/build.log; status=1; }

echo "== unit + integration (Vitest)"
npx vitest run --reporter=default --reporter=json --outputFile.json=.tmp/vitest.json || status=1

echo "== end-to-end (Playwright, Chromium)"
PLAYWRIGHT_JSON_OUTPUT_FILE=.tmp/e2e.json npx playwright test -c tests/e2e/playwright.config.ts --reporter=list,json || status=1

echo "== Electron smoke"
PLAYWRIGHT_JSON_OUTPUT_FILE=.tmp/electron.json npx playwright test -c tests/electron/playwright.config.ts --reporter=list,json || status=1

# libfaketime moves the clock of every process it starts (Node, the kiosk hosts, Chromium); the
# tests' own clocks are injected, so they must see the same dates as above.
SHIFT=(env TZ=Pacific/Chatham faketime -f +400d)
"${SHIFT[@]}" node -e 'if (Date.now() - Number(process.argv[1]) < 399 * 864e5) { console.error("faketime did not move the clock"); process.exit(1); }' "$(node -p 'Date.now()')" || status=1
echo "== unit again, 400 days ahead in Pacific/Chatham"
"${SHIFT[@]}" npx vitest run --project unit --reporter=dot --reporter=json --outputFile.json=.tmp/vitest-shifted.json || status=1

echo "== end-to-end again, 400 days ahead in Pacific/Chatham"
# The shifted run is for behaviour that reads dates, times or zones. It leaves out, to keep the
# whole run under 25 minutes: tests tagged @screens (they only take the EN/FR landscape/portrait
# screenshots of a screen other tests cover), and the specs whose behaviour reads no date, time or
# zone (layout, keyboard, accessibility, language switching, roles and people, sign-in and
# re-enrolment), which run once above. --grep-invert matches the spec's file name too.
ONCE='@screens|screenshots\.spec|portrait-layout\.spec|accessibility\.spec|dialog-keyboard\.spec|language\.spec|role-change\.spec|permissions\.spec|people\.spec|sign-in\.spec|reenrol\.spec|sign-out-next-person\.spec'
PLAYWRIGHT_JSON_OUTPUT_FILE=.tmp/e2e-shifted.json "${SHIFT[@]}" npx playwright test -c tests/e2e/playwright.config.ts --grep-invert "$ONCE" --reporter=dot,json || status=1

node scripts/summarize-tests.mjs .tmp/lint.json .tmp/vitest.json .tmp/e2e.json .tmp/electron.json .tmp/vitest-shifted.json .tmp/e2e-shifted.json || status=1
exit $status
