import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { openStore } from '../../../electron/core/db/store.js';
import { copyMigrations } from '../../helpers/kiosk.js';
import { makeTempDir } from '../../helpers/tmp.js';

/** A store made by the first migration alone, as the first release of the app made it. */
function openFirstMigrationOnly() {
  const path = join(makeTempDir(), 'shiftdeck.db');
  const store = openStore({ path, migrationsDir: copyMigrations(1) });
  onTestFinished(() => store.close());
  return { store, path };
}

const SYNCED = ['sites', 'roles', 'users', 'user_roles'];
const NOW = '2026-11-22T09:00:00.000Z';

describe('migration 0001 (init)', () => {
  it('creates the local and synced tables', () => {
    const { store } = openFirstMigrationOnly();
    const tables = (
      store.raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]
    ).map((t) => t.name);
    expect(tables).toEqual([
      '_migrations',
      'audit_log',
      'meta',
      'outbox',
      'pin_attempts',
      'roles',
      'sites',
      'user_roles',
      'users',
    ]);
    expect(store.migrations).toEqual({ applied: [1], current: 1 });
  });

  it('makes every table STRICT', () => {
    const { store } = openFirstMigrationOnly();
    const list = store.raw
      .prepare("SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND name NOT LIKE 'sqlite_%'")
      .all() as { name: string; strict: number }[];
    expect(list.length).toBe(9);
    expect(list.filter((t) => t.strict !== 1).map((t) => t.name)).toEqual([]);
    // STRICT means a wrong type is an error, not a silently stored string.
    expect(() => store.raw.prepare("INSERT INTO pin_attempts (user_id, failures) VALUES ('u', 'many')").run()).toThrow(
      /cannot store TEXT value in INTEGER column/,
    );
  });

  it('puts the write-gate triggers on every synced table and freezes the audit log', () => {
    const { store } = openFirstMigrationOnly();
    const triggers = (
      store.raw.prepare("SELECT name, tbl_name FROM sqlite_master WHERE type = 'trigger' ORDER BY name").all() as {
        name: string;
        tbl_name: string;
      }[]
    ).map((t) => t.name);
    const expected = [
      ...SYNCED.flatMap((t) => [`${t}_gate_insert`, `${t}_gate_update`, `${t}_gate_delete`]),
      'audit_log_gate_insert',
      'audit_log_insert_only_update',
      'audit_log_insert_only_delete',
    ].sort();
    expect(triggers).toEqual(expected);
  });

  it('turns foreign keys on and enforces them', () => {
    const { store } = openFirstMigrationOnly();
    expect(store.raw.pragma('foreign_keys', { simple: true })).toBe(1);
    const orphan = () =>
      store.gate.open(() =>
        store.raw
          .prepare(
            'INSERT INTO user_roles (id, site_id, user_id, role_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
          )
          .run('ur-1', 'site-1', 'nobody', 'no-role', NOW, NOW),
      );
    expect(orphan).toThrow(/FOREIGN KEY constraint failed/);
  });

  it('keeps the database in WAL mode, also for the next connection', () => {
    const { store, path } = openFirstMigrationOnly();
    expect(store.raw.pragma('journal_mode', { simple: true })).toBe('wal');
    const other = new Database(path, { readonly: true });
    try {
      expect(other.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      other.close();
    }
  });

  it('checks JSON columns and enumerations', () => {
    const { store } = openFirstMigrationOnly();
    const role = (permissions: string) =>
      store.gate.open(() =>
        store.raw
          .prepare(
            'INSERT INTO roles (id, site_id, code, site_kind, name_en, name_fr, permissions, created_at, updated_at) VALUES (?, NULL, ?, ?, ?, ?, ?, ?, ?)',
          )
          .run(`r-${permissions.length}`, `code-${permissions.length}`, 'any', 'R', 'R', permissions, NOW, NOW),
      );
    expect(() => role('not json')).toThrow(/CHECK constraint failed/);
    expect(() => role('["training.take"]')).not.toThrow();
    expect(() =>
      store.raw
        .prepare("INSERT INTO outbox (name, version, args, hlc, status) VALUES ('x', 1, '{}', 'h', 'done')")
        .run(),
    ).toThrow(/CHECK constraint failed/);
  });
});
