import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYNCED_TABLES } from '../../../shared/schema.js';
import { CENTRAL_MIGRATIONS_DIR, loadCentralMigrations, migrateCentral } from '../../../server/db/migrate.js';
import { createTestDatabase, type TestDatabase } from '../../helpers/postgres.js';
import { makeTempDir } from '../../helpers/tmp.js';

const LOCAL_MIGRATIONS_DIR = join(CENTRAL_MIGRATIONS_DIR, '..', 'local');

const copyMigrations = () => {
  const dir = makeTempDir('central-migrations-');
  cpSync(CENTRAL_MIGRATIONS_DIR, dir, { recursive: true });
  return dir;
};

const appliedRows = async (db: Parameters<typeof migrateCentral>[0]) =>
  (
    await sql<{
      id: number;
      name: string;
      checksum: string;
    }>`SELECT id, name, checksum FROM _migrations ORDER BY id`.execute(db)
  ).rows;

describe('central migrations', () => {
  it("apply to an empty database once, recording each file's sha256, and re-apply as a no-op", async () => {
    const t = await createTestDatabase({ empty: true });
    const files = loadCentralMigrations();
    expect(files.map((m) => m.id)).toEqual(files.map((_, i) => i + 1));

    const first = await migrateCentral(t.admin);
    expect(first.applied).toEqual(files.map((m) => m.id));
    const rows = await appliedRows(t.admin);
    const onDisk = readdirSync(CENTRAL_MIGRATIONS_DIR)
      .filter((f) => f.endsWith('.sql'))
      .sort();
    expect(rows.map((r) => r.checksum)).toEqual(
      onDisk.map((f) =>
        createHash('sha256')
          .update(readFileSync(join(CENTRAL_MIGRATIONS_DIR, f)))
          .digest('hex'),
      ),
    );

    const again = await migrateCentral(t.admin);
    expect(again).toEqual({ applied: [], current: first.current });
    expect(await appliedRows(t.admin)).toEqual(rows);
  });

  it('two services starting at once migrate one after the other, without error', async () => {
    const t = await createTestDatabase({ empty: true });
    const [a, b] = await Promise.all([migrateCentral(t.admin), migrateCentral(t.admin)]);
    expect([...a.applied, ...b.applied].sort((x, y) => x - y)).toEqual(loadCentralMigrations().map((m) => m.id));
  });

  it('refuses a database whose migration file was edited after it ran (MIGRATION_EDITED), changing nothing', async () => {
    const t = await createTestDatabase({ empty: true });
    const dir = copyMigrations();
    await migrateCentral(t.admin, loadCentralMigrations(dir));
    const before = await appliedRows(t.admin);
    const file = join(
      dir,
      readdirSync(dir).find((f) => f.startsWith('0001_'))!,
    );
    writeFileSync(file, readFileSync(file, 'utf8') + '\n-- a harmless-looking edit\n');
    await expect(migrateCentral(t.admin, loadCentralMigrations(dir))).rejects.toMatchObject({
      code: 'MIGRATION_EDITED',
      details: { migration: 1 },
    });
    expect(await appliedRows(t.admin)).toEqual(before);
  });

  it('refuses a database upgraded by a newer service (DATABASE_NEWER_THAN_APP)', async () => {
    const t = await createTestDatabase({ empty: true });
    const dir = copyMigrations();
    const next = String(loadCentralMigrations(dir).length + 1).padStart(4, '0');
    writeFileSync(join(dir, `${next}_from_the_future.sql`), 'CREATE TABLE future_things (id uuid PRIMARY KEY);\n');
    await migrateCentral(t.admin, loadCentralMigrations(dir));
    await expect(migrateCentral(t.admin)).rejects.toMatchObject({ code: 'DATABASE_NEWER_THAN_APP' });
  });

  it('runs each migration in its own transaction: a failing one leaves no trace and is not recorded', async () => {
    const t = await createTestDatabase({ empty: true });
    const dir = copyMigrations();
    const next = String(loadCentralMigrations(dir).length + 1).padStart(4, '0');
    writeFileSync(
      join(dir, `${next}_broken.sql`),
      'CREATE TABLE half_done (id uuid PRIMARY KEY);\nSELECT no_such_function();\n',
    );
    await expect(migrateCentral(t.admin, loadCentralMigrations(dir))).rejects.toThrow(/no_such_function/);
    expect((await appliedRows(t.admin)).map((r) => r.id)).toEqual(loadCentralMigrations().map((m) => m.id));
    const half = await sql<{ t: string | null }>`SELECT to_regclass('half_done')::text AS t`.execute(t.admin);
    expect(half.rows[0].t).toBeNull();
  });

  it('refuses gaps in the numbering', async () => {
    const dir = copyMigrations();
    writeFileSync(join(dir, '0009_skipped_ahead.sql'), 'SELECT 1;\n');
    expect(() => loadCentralMigrations(dir)).toThrow(/without gaps/);
  });
});

describe("central schema mirrors the kiosk's", () => {
  // These tests only read the schema: one clone of the template and one SQLite database holding
  // every local migration serve them all (a clone and a full local migration per table took 80 s).
  let central: TestDatabase;
  let kiosk: Database.Database;
  beforeAll(async () => {
    central = await createTestDatabase();
    kiosk = new Database(':memory:');
    for (const f of readdirSync(LOCAL_MIGRATIONS_DIR)
      .filter((x) => /^\d{4}_.*\.sql$/.test(x))
      .sort()) {
      // The `-- @synced` directives are comments to SQLite: the plain tables are what matter here.
      kiosk.exec(readFileSync(join(LOCAL_MIGRATIONS_DIR, f), 'utf8'));
    }
  });
  afterAll(async () => {
    kiosk?.close();
    await central?.drop();
  });
  const kioskColumns = (table: string): string[] =>
    (kiosk.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map((c) => c.name).sort();

  it.each(SYNCED_TABLES.map((t) => [t]))(
    "%s has the kiosk's columns (plus server-only _columns), typed for PostgreSQL",
    async (table) => {
      const t = central;
      const cols = (
        await sql<{ column_name: string; data_type: string; is_nullable: string }>`
        SELECT column_name, data_type, is_nullable FROM information_schema.columns WHERE table_schema = 'public' AND table_name = ${table}`.execute(
          t.admin,
        )
      ).rows;
      const local = kioskColumns(table);
      expect(local.length).toBeGreaterThan(0);
      // Server-only bookkeeping columns start with '_' (`_version`, and e.g. `_hlc`); the rest mirror the kiosk.
      expect(
        cols
          .map((c) => c.column_name)
          .filter((c) => !c.startsWith('_'))
          .sort(),
      ).toEqual(local.filter((c) => !c.startsWith('_')));
      const type = (name: string) => cols.find((c) => c.column_name === name)!;
      expect(type('_version')).toMatchObject({ data_type: 'bigint', is_nullable: 'NO' });
      expect(type('id').data_type).toBe('uuid');
      expect(type('site_id').data_type).toBe('uuid');
      for (const ts of ['created_at', 'updated_at', 'deleted_at', 'resolved_at'].filter((c) => local.includes(c))) {
        expect(type(ts).data_type).toBe('timestamp with time zone');
      }
    },
  );

  it.each(SYNCED_TABLES.map((t) => [t]))(
    '%s has row-level security and an index on (site_id, _version)',
    async (table) => {
      const t = central;
      const rls = await sql<{
        relrowsecurity: boolean;
      }>`SELECT relrowsecurity FROM pg_class WHERE oid = ${table}::regclass`.execute(t.admin);
      expect(rls.rows[0].relrowsecurity).toBe(true);
      const idx = await sql<{
        def: string;
      }>`SELECT indexdef AS def FROM pg_indexes WHERE schemaname = 'public' AND tablename = ${table}`.execute(t.admin);
      expect(idx.rows.map((r) => r.def).some((d) => d.includes('(site_id, _version)'))).toBe(true);
    },
  );

  it('JSON columns refuse text that is not JSON', async () => {
    const t = await createTestDatabase();
    const now = new Date().toISOString();
    const role = {
      id: '3b0d1f0e-0000-4000-8000-000000000001',
      site_id: null,
      code: 'bad_json',
      site_kind: 'any' as const,
      name_en: 'x',
      name_fr: 'x',
      created_at: now,
      updated_at: now,
      deleted_at: null,
      _version: 1,
    };
    await expect(
      t.admin
        .insertInto('roles')
        .values({ ...role, permissions: '["training.take"' })
        .execute(),
    ).rejects.toThrow(/json/i);
    await t.admin
      .insertInto('roles')
      .values({ ...role, permissions: '["training.take"]' })
      .execute();
  });
});
