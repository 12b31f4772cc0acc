import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors.js';
import { gateTriggersSql, type WriteGate } from './write-gate.js';

export interface Migration {
  id: number;
  name: string;
  sql: string;
  checksum: string;
}

const FILE = /^(\d{4})_([a-z0-9_]+)\.sql$/;

/** Reads `NNNN_name.sql` files in order; the checksum covers the file exactly as shipped. */
export function loadMigrations(dir: string): Migration[] {
  const list = readdirSync(dir)
    .map((f) => ({ f, m: FILE.exec(f) }))
    .filter((x): x is { f: string; m: RegExpExecArray } => x.m !== null)
    .map(({ f, m }) => {
      const sql = readFileSync(join(dir, f), 'utf8');
      return { id: Number(m[1]), name: m[2], sql, checksum: createHash('sha256').update(sql).digest('hex') };
    })
    .sort((a, b) => a.id - b.id);
  list.forEach((m, i) => {
    if (m.id !== i + 1)
      throw new Error(
        `Migrations must be numbered 0001, 0002, ... without gaps; found ${m.id} at position ${i + 1} in ${dir}`,
      );
  });
  return list;
}

/** Expands the `-- @synced T` and `-- @insert-only T` directives into the gate triggers. */
export function expandDirectives(sql: string): string {
  return sql.replace(/^-- @(synced|insert-only) ([a-z_]+)\s*$/gm, (_, kind: string, table: string) =>
    gateTriggersSql(table, kind === 'insert-only'),
  );
}

export interface MigrationReport {
  applied: number[];
  current: number;
}

/**
 * Brings the database up to the app's migrations, each in its own transaction. Refuses to start
 * when a migration the database already ran has been edited since, or when the database was made
 * by a newer app: both mean running now could corrupt data that cannot be recovered.
 */
export function migrate(db: Database.Database, gate: WriteGate, migrations: Migration[]): MigrationReport {
  db.exec(
    `CREATE TABLE IF NOT EXISTS _migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT`,
  );
  const done = db.prepare('SELECT id, name, checksum FROM _migrations ORDER BY id').all() as {
    id: number;
    name: string;
    checksum: string;
  }[];
  const known = new Map(migrations.map((m) => [m.id, m]));
  for (const row of done) {
    const m = known.get(row.id);
    if (!m) {
      throw new AppError(
        'DATABASE_NEWER_THAN_APP',
        `This database was upgraded by a newer Shiftdeck (migration ${row.id} "${row.name}" is unknown to this version). Install the newer version or restore a backup made by this one.`,
        { migration: row.id },
      );
    }
    if (m.checksum !== row.checksum) {
      throw new AppError(
        'MIGRATION_EDITED',
        `Migration ${row.id} "${row.name}" was changed after this database ran it. Restore the shipped file; a change to the schema must be a new migration.`,
        { migration: row.id },
      );
    }
  }
  const applied: number[] = [];
  const record = db.prepare('INSERT INTO _migrations (id, name, checksum, applied_at) VALUES (?, ?, ?, ?)');
  for (const m of migrations) {
    if (done.some((d) => d.id === m.id)) continue;
    gate.open(() =>
      db.transaction(() => {
        db.exec(expandDirectives(m.sql));
        record.run(m.id, m.name, m.checksum, new Date().toISOString());
      })(),
    );
    applied.push(m.id);
  }
  return { applied, current: migrations.length ? migrations[migrations.length - 1].id : 0 };
}
