// Adds up Vitest and Playwright JSON reports into the one line CI reads: "N passed, N failed, N skipped".
// A missing report counts as a failure: a suite that did not run must not look green.
import { existsSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
let skipped = 0;

function countPlaywright(suites) {
  for (const suite of suites ?? []) {
    countPlaywright(suite.suites);
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        const s = test.status; // expected | unexpected | flaky | skipped
        if (s === 'skipped') skipped++;
        else if (s === 'expected' || s === 'flaky') passed++;
        else failed++;
      }
    }
  }
}

for (const file of process.argv.slice(2)) {
  if (!existsSync(file)) {
    console.error(`missing test report ${file}: that suite did not run`);
    failed++;
    continue;
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  if ('check' in report) {
    // A whole-tree check such as lint: one pass or one failure.
    if (report.ok === true) passed++;
    else failed++;
  } else if ('numPassedTests' in report) {
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    skipped += report.numPendingTests + (report.numTodoTests ?? 0);
    // A file that failed to load has no tests but must still fail the run.
    for (const r of report.testResults ?? [])
      if (r.status === 'failed' && (r.assertionResults ?? []).length === 0) failed++;
  } else {
    countPlaywright(report.suites);
    for (const e of report.errors ?? []) if (e) failed++;
  }
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
