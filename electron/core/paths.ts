import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project (or packaged app) root: two levels above this file both in source and in out/main. */
export const appRoot = fileURLToPath(new URL('../../', import.meta.url));
export const localMigrationsDir = join(appRoot, 'migrations', 'local');
export const centralMigrationsDir = join(appRoot, 'migrations', 'central');

export function appVersion(): string {
  try {
    return (JSON.parse(readFileSync(join(appRoot, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}
