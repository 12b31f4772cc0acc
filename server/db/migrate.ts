import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql, type Kysely } from 'kysely';
import { AppError } from '../../shared/errors.js';

export const CENTRAL_MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations/central/', import.meta.url));

export interface CentralMigration {
  id: number;
  name: string;
  sql: string;
  checksum: string;
}

export interface CentralMigrationReport {
  applied: number[];
  current: number;
}

const FILE = /^(\d{4})_([a-z0-9_]+)\.sql$/;
/** Any fixed key: two service instances starting at once migrate one after the other. */
const MIGRATION_LOCK = 7_305_118_301;

/** Reads `NNNN_name.sql` files in order; the checksum covers the file exactly as shipped. */
export function loadCentralMigrations(dir: string = CENTRAL_MIGRATIONS_DIR): CentralMigration[] {
  const list = readdirSync(dir)
    .map((f) => ({ f, m: FILE.exec(f) }))
    .filter((x): x is { f: string; m: RegExpExecArray } => x.m !== null)
    .map(({ f, m }) => {
      const text = readFileSync(join(dir, f), 'utf8');
      return { id: Number(m[1]), name: m[2], sql: text, checksum: createHash('sha256').update(text).digest('hex') };
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

/**
 * Brings the central database up to the app's migrations, each in its own transaction, under an
 * advisory lock so concurrent starts take turns. Run it as the database owner, never as the
 * service role. Refuses to start when a migration the database already ran has been edited
 * since, or when the database was made by a newer app: both mean running now could corrupt data.
 *
 * @example
 * await migrateCentral(adminDb); // { applied: [1], current: 1 }
 */
export async function migrateCentral(
  db: Kysely<any>,
  migrations: CentralMigration[] = loadCentralMigrations(),
): Promise<CentralMigrationReport> {
  return db.connection().execute(async (conn) => {
    await sql`SELECT pg_advisory_lock(${MIGRATION_LOCK}::bigint)`.execute(conn);
    try {
      await sql`CREATE TABLE IF NOT EXISTS _migrations (id integer PRIMARY KEY, name text NOT NULL, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`.execute(
        conn,
      );
      const done = (
        await sql<{
          id: number;
          name: string;
          checksum: string;
        }>`SELECT id, name, checksum FROM _migrations ORDER BY id`.execute(conn)
      ).rows;
      const known = new Map(migrations.map((m) => [m.id, m]));
      for (const row of done) {
        const m = known.get(row.id);
        if (!m) {
          throw new AppError(
            'DATABASE_NEWER_THAN_APP',
            `The central database was upgraded by a newer Shiftdeck service (migration ${row.id} "${row.name}" is unknown to this version). Deploy the newer service or restore a backup made by this one.`,
            { migration: row.id },
          );
        }
        if (m.checksum !== row.checksum) {
          throw new AppError(
            'MIGRATION_EDITED',
            `Central migration ${row.id} "${row.name}" was changed after this database ran it. Restore the shipped file; a change to the schema must be a new migration.`,
            { migration: row.id },
          );
        }
      }
      const applied: number[] = [];
      for (const m of migrations) {
        if (done.some((d) => d.id === m.id)) continue;
        await conn.transaction().execute(async (trx) => {
          await sql.raw(m.sql).execute(trx);
          await sql`INSERT INTO _migrations (id, name, checksum) VALUES (${m.id}, ${m.name}, ${m.checksum})`.execute(
            trx,
          );
        });
        applied.push(m.id);
      }
      return { applied, current: migrations.length ? migrations[migrations.length - 1].id : 0 };
    } finally {
      await sql`SELECT pg_advisory_unlock(${MIGRATION_LOCK}::bigint)`.execute(conn);
    }
  });
}
