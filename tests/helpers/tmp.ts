import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';

/**
 * A fresh, empty directory under the OS temp dir for the current test, removed when the test
 * finishes (pass or fail). Each test gets its own, so no test sees another's database.
 *
 * @example
 * const dir = makeTempDir('migrations-');
 */
export function makeTempDir(prefix = 'shiftdeck-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
