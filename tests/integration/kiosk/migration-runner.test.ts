import { createHash } from 'node:crypto';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { AppError } from '../../../shared/errors.js';
import { loadMigrations } from '../../../electron/core/db/migrate.js';
import { openStore, type Store } from '../../../electron/core/db/store.js';
import { copyMigrations, makeKiosk, shippedMigrations } from '../../helpers/kiosk.js';
import { makeTempDir } from '../../helpers/tmp.js';

function open(path: string, migrationsDir: string): Store {
  const store = openStore({ path, migrationsDir });
  onTestFinished(() => store.close());
  return store;
}

/** What opening the store threw, as `{code, details}`; fails the test when it opened. */
function refusal(path: string, migrationsDir: string) {
  try {
    open(path, migrationsDir);
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    return { code: (err as AppError).code, details: (err as AppError).details, message: (err as AppError).message };
  }
  throw new Error('The store opened, but it should have refused');
}

const nextFileName = (dir: string, name: string) =>
  `${String(loadMigrations(dir).length + 1).padStart(4, '0')}_${name}.sql`;

describe('migration runner', () => {
  it('records each migration with the checksum of the file as shipped', async () => {
    const dir = copyMigrations();
    const store = open(join(makeTempDir(), 'shiftdeck.db'), dir);
    const rows = store.raw.prepare('SELECT id, name, checksum, applied_at FROM _migrations ORDER BY id').all() as {
      id: number;
      name: string;
      checksum: string;
      applied_at: string;
    }[];
    const files = shippedMigrations();
    expect(rows.map((r) => r.id)).toEqual(files.map((_, i) => i + 1));
    rows.forEach((r, i) => {
      expect(r.name).toBe(files[i].replace(/^\d{4}_/, '').replace(/\.sql$/, ''));
      expect(r.checksum).toBe(
        createHash('sha256')
          .update(readFileSync(join(dir, files[i])))
          .digest('hex'),
      );
      expect(Number.isNaN(Date.parse(r.applied_at))).toBe(false);
    });
  });

  it('applies nothing the second time', async () => {
    const dir = copyMigrations();
    const path = join(makeTempDir(), 'shiftdeck.db');
    const first = open(path, dir);
    expect(first.migrations.applied.length).toBe(shippedMigrations().length);
    await first.close();
    const second = open(path, dir);
    expect(second.migrations).toEqual({ applied: [], current: shippedMigrations().length });
  });

  it('refuses with MIGRATION_EDITED when a migration it ran has changed since', async () => {
    const dir = copyMigrations();
    const path = join(makeTempDir(), 'shiftdeck.db');
    await open(path, dir).close();
    appendFileSync(join(dir, shippedMigrations()[0]), '\n-- a harmless-looking edit\n');
    const r = refusal(path, dir);
    expect(r.code).toBe('MIGRATION_EDITED');
    expect(r.details).toEqual({ migration: 1 });
    expect(r.message).toMatch(/new migration/);
  });

  it('refuses with DATABASE_NEWER_THAN_APP when the database ran a migration this app does not know', async () => {
    const newer = copyMigrations();
    writeFileSync(
      join(newer, nextFileName(newer, 'from_the_future')),
      'CREATE TABLE future_thing (id TEXT PRIMARY KEY) STRICT;\n',
    );
    const path = join(makeTempDir(), 'shiftdeck.db');
    await open(path, newer).close();
    const r = refusal(path, copyMigrations());
    expect(r.code).toBe('DATABASE_NEWER_THAN_APP');
    expect(r.details).toEqual({ migration: shippedMigrations().length + 1 });
  });

  it('keeps the kiosk from starting on an edited migration', async () => {
    const dir = copyMigrations();
    const tk = await makeKiosk({ migrationsDir: dir });
    await tk.kiosk.close();
    writeFileSync(
      join(dir, shippedMigrations()[0]),
      readFileSync(join(dir, shippedMigrations()[0]), 'utf8').replace('STRICT;', 'STRICT ;'),
    );
    await expect(tk.reopen()).rejects.toMatchObject({ code: 'MIGRATION_EDITED' });
  });

  it('rolls a failing migration back whole and records nothing for it', async () => {
    const dir = copyMigrations();
    const broken = nextFileName(dir, 'half_broken');
    writeFileSync(
      join(dir, broken),
      'CREATE TABLE half_done (id TEXT PRIMARY KEY) STRICT;\nINSERT INTO no_such_table VALUES (1);\n',
    );
    const path = join(makeTempDir(), 'shiftdeck.db');
    expect(() => open(path, dir)).toThrow(/no such table/);
    // The migrations before it stay applied; the broken one left no table and no record.
    const fixed = copyMigrations();
    const store = open(path, fixed);
    expect(store.migrations.applied).toEqual([]);
    expect(store.raw.prepare("SELECT COUNT(*) AS n FROM sqlite_master WHERE name = 'half_done'").get()).toEqual({
      n: 0,
    });
  });

  it('refuses a numbering with a gap', () => {
    const dir = copyMigrations();
    writeFileSync(
      join(dir, `${String(loadMigrations(dir).length + 2).padStart(4, '0')}_skipped_one.sql`),
      'SELECT 1;\n',
    );
    expect(() => loadMigrations(dir)).toThrow(/without gaps/);
  });
});
