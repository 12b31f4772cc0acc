import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../..');

/** An import (static, dynamic or require) of 'electron', 'electron/...' or 'electron-updater'. */
const IMPORTS_ELECTRON =
  /(?:from\s+|import\s*\(\s*|require\s*\(\s*|import\s+)['"]electron(?:-updater)?(?:\/[^'"]*)?['"]/;

function sourceFiles(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const full = path.join(dir, name);
    if (name === 'node_modules') return [];
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx|mts|cts|js|mjs)$/.test(name) ? [full] : [];
  });
}

const offenders = (files: string[]) =>
  files.filter((file) => IMPORTS_ELECTRON.test(readFileSync(file, 'utf8'))).map((file) => path.relative(ROOT, file));

describe('where Electron may be imported', () => {
  it('recognises the ways a file can import Electron', () => {
    for (const line of [
      "import { app } from 'electron';",
      'import electron from "electron"',
      "import 'electron';",
      "const { ipcRenderer } = require('electron')",
      "await import('electron/main')",
      "import electronUpdater from 'electron-updater';",
    ]) {
      expect(IMPORTS_ELECTRON.test(line), line).toBe(true);
    }
    expect(IMPORTS_ELECTRON.test("import { x } from './electron-shell.js'")).toBe(false);
  });

  it.each(['electron/core', 'electron/host', 'shared', 'server'])(
    '%s never imports Electron (it runs in plain Node)',
    (dir) => {
      expect(offenders(sourceFiles(path.join(ROOT, dir)))).toEqual([]);
    },
  );

  it('only the two entry files of the shell import Electron; every policy takes it as a parameter', () => {
    const shell = [
      ...sourceFiles(path.join(ROOT, 'electron/main')),
      ...sourceFiles(path.join(ROOT, 'electron/preload')),
    ];
    expect(shell.length).toBeGreaterThan(2);
    expect(offenders(shell).sort()).toEqual([
      path.join('electron', 'main', 'index.ts'),
      path.join('electron', 'preload', 'index.ts'),
    ]);
  });
});
