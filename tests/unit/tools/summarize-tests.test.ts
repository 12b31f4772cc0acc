import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../../helpers/tmp.js';

const script = join(__dirname, '../../../scripts/summarize-tests.mjs');

/** Runs the summary over reports written to a throwaway folder; a name without a report is passed as missing. */
function summarize(reports: Record<string, unknown>, missing: string[] = []) {
  const dir = makeTempDir('shiftdeck-summary-');
  const files = Object.entries(reports).map(([name, body]) => {
    const file = join(dir, name);
    writeFileSync(file, JSON.stringify(body));
    return file;
  });
  const run = spawnSync(process.execPath, [script, ...files, ...missing.map((m) => join(dir, m))], {
    encoding: 'utf8',
  });
  return { code: run.status, lines: run.stdout.trim().split('\n') };
}

const vitest = (tests: { title: string; status: string; message?: string }[]) => ({
  numPassedTests: tests.filter((t) => t.status === 'passed').length,
  numFailedTests: tests.filter((t) => t.status === 'failed').length,
  numPendingTests: tests.filter((t) => t.status === 'pending').length,
  testResults: [
    {
      name: '/ci/clone/tests/integration/sync/a.test.ts',
      status: tests.some((t) => t.status === 'failed') ? 'failed' : 'passed',
      assertionResults: tests.map((t) => ({
        title: t.title,
        fullName: `sync ${t.title}`,
        status: t.status,
        failureMessages: t.message ? [t.message] : [],
      })),
    },
  ],
});

const playwright = (status: string, message?: string) => ({
  suites: [
    {
      specs: [
        {
          file: 'tables.spec.ts',
          line: 12,
          title: 'pays a bill',
          tests: [{ status, results: [{ error: message ? { message } : undefined }] }],
        },
      ],
    },
  ],
  errors: [],
});

describe('the CI summary line', () => {
  it('names each failed test, with the first line of its error, just before the count', () => {
    const { code, lines } = summarize({
      'lint.json': { check: 'lint', ok: true },
      'vitest.json': vitest([
        { title: 'keeps order', status: 'passed' },
        {
          title: 'loses nothing',
          status: 'failed',
          message: '\u001b[31mAssertionError: expected 3 to be 2\u001b[39m\n    at x.ts:1',
        },
      ]),
      'e2e.json': playwright('unexpected', '\nTimeoutError: locator.click: Timeout 10000ms exceeded.\nCall log:'),
    });
    expect(code).toBe(1);
    expect(lines.at(-1)).toBe('2 passed, 2 failed, 0 skipped');
    expect(lines.slice(-3, -1)).toEqual([
      expect.stringMatching(
        /^FAILED .*vitest\.json: tests\/integration\/sync\/a\.test\.ts > sync loses nothing \(AssertionError: expected 3 to be 2\)$/,
      ),
      expect.stringMatching(
        /^FAILED .*e2e\.json: tables\.spec\.ts:12 pays a bill \(TimeoutError: locator\.click: Timeout 10000ms exceeded\.\)$/,
      ),
    ]);
  });

  it('counts a flaky browser test as passed and names nothing when all is green', () => {
    const { code, lines } = summarize({ 'e2e.json': playwright('flaky'), 'lint.json': { check: 'lint', ok: true } });
    expect(code).toBe(0);
    expect(lines).toEqual(['2 passed, 0 failed, 0 skipped']);
  });

  it('names a failed whole-tree check and a suite whose report is missing', () => {
    const { code, lines } = summarize({ 'lint.json': { check: 'lint', ok: false } }, ['electron.json']);
    expect(code).toBe(1);
    expect(lines.at(-1)).toBe('0 passed, 2 failed, 0 skipped');
    expect(lines.filter((l) => l.startsWith('FAILED'))).toEqual([
      expect.stringMatching(/lint\.json: the lint check failed/),
      expect.stringMatching(/electron\.json: missing, that suite did not run/),
    ]);
  });
});
