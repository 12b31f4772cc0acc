// Adds up Vitest and Playwright JSON reports into the one line CI reads: "N passed, N failed, N skipped".
// A missing report counts as a failure: a suite that did not run must not look green.
import { existsSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
let skipped = 0;
/** What failed, by name: CI keeps only the end of the output, so the names come just before the count. */
const failures = [];

/** Terminal colour codes (ESC [ … m), which Vitest leaves in its failure messages. */
const COLOUR = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

/** The first line of an error message, without colour codes, short enough to read in a log tail. */
function firstLine(text) {
  const line = String(text ?? '')
    .replace(COLOUR, '')
    .split('\n')
    .find((l) => l.trim() !== '');
  return (line ?? '').trim().slice(0, 160);
}

function countPlaywright(suites, report) {
  for (const suite of suites ?? []) {
    countPlaywright(suite.suites, report);
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        const s = test.status; // expected | unexpected | flaky | skipped
        if (s === 'skipped') skipped++;
        else if (s === 'expected' || s === 'flaky') passed++;
        else {
          failed++;
          const error = (test.results ?? []).map((r) => r.error?.message).find(Boolean);
          failures.push(`${report}: ${spec.file}:${spec.line} ${spec.title} (${firstLine(error)})`);
        }
      }
    }
  }
}

for (const file of process.argv.slice(2)) {
  if (!existsSync(file)) {
    console.error(`missing test report ${file}: that suite did not run`);
    failures.push(`${file}: missing, that suite did not run`);
    failed++;
    continue;
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  if ('check' in report) {
    // A whole-tree check such as lint: one pass or one failure.
    if (report.ok === true) passed++;
    else {
      failed++;
      failures.push(`${file}: the ${report.check} check failed (its output is above)`);
    }
  } else if ('numPassedTests' in report) {
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    skipped += report.numPendingTests + (report.numTodoTests ?? 0);
    for (const r of report.testResults ?? []) {
      const name = String(r.name ?? '').replace(/^.*?\/tests\//, 'tests/');
      for (const t of r.assertionResults ?? [])
        if (t.status === 'failed')
          failures.push(`${file}: ${name} > ${t.fullName ?? t.title} (${firstLine(t.failureMessages?.[0])})`);
      // A file that failed to load has no tests but must still fail the run.
      if (r.status === 'failed' && (r.assertionResults ?? []).length === 0) {
        failed++;
        failures.push(`${file}: ${name} did not load (${firstLine(r.message)})`);
      }
    }
  } else {
    countPlaywright(report.suites, file);
    for (const e of report.errors ?? [])
      if (e) {
        failed++;
        failures.push(`${file}: ${firstLine(e.message)}`);
      }
  }
}
for (const f of failures.slice(0, 12)) console.log(`FAILED ${f}`);
if (failures.length > 12) console.log(`FAILED and ${failures.length - 12} more (see above)`);
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
