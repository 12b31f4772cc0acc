import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { demoSiteId } from '../../../shared/demo.js';
import { inSiteTransaction } from '../../../server/db/site-tx.js';
import { makeKiosk, openSecondConnection } from '../../helpers/kiosk.js';
import { createTestDatabase } from '../../helpers/postgres.js';

const TABLES = ['class_settings', 'students', 'classes', 'class_generation_logs'];

describe('migration 0003 (classes)', () => {
  it('on the kiosk: creates the tables behind the write gate, so only mutations write them', async () => {
    const { kiosk, dataDir } = await makeKiosk();
    expect(kiosk.store.migrations.current).toBeGreaterThanOrEqual(3);
    const names = (
      kiosk.store.raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]
    ).map((r) => r.name);
    expect(names).toEqual(expect.arrayContaining(TABLES));
    const shell = openSecondConnection(dataDir);
    expect(() =>
      shell
        .prepare(
          "INSERT INTO class_settings (id, site_id, horizon_weeks, created_at, updated_at) VALUES ('x', 'y', 4, 'now', 'now')",
        )
        .run(),
    ).toThrow();
    // A log can be soft-deleted by the retention mutation: not insert-only, but still gated.
    const triggers = (
      kiosk.store.raw
        .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'class_generation_logs'")
        .all() as { name: string }[]
    )
      .map((r) => r.name)
      .sort();
    expect(triggers).toEqual([
      'class_generation_logs_gate_delete',
      'class_generation_logs_gate_insert',
      'class_generation_logs_gate_update',
    ]);
  });

  it('on the central database: the same tables with _version, row-level security by site and no DELETE grant', async () => {
    const db = await createTestDatabase();
    const rls = await sql<{
      relname: string;
      relrowsecurity: boolean;
    }>`SELECT relname, relrowsecurity FROM pg_class WHERE relname = ANY(${TABLES})`.execute(db.admin);
    expect(rls.rows.map((r) => [r.relname, r.relrowsecurity]).sort()).toEqual(TABLES.map((t) => [t, true]).sort());
    const grants = await sql<{
      privilege_type: string;
    }>`SELECT DISTINCT privilege_type FROM information_schema.role_table_grants WHERE grantee = 'shiftdeck_service' AND table_name = ANY(${TABLES})`.execute(
      db.admin,
    );
    expect(grants.rows.map((g) => g.privilege_type).sort()).toEqual(['INSERT', 'SELECT', 'UPDATE']);
    const other = demoSiteId('vessel');
    await sql`INSERT INTO class_settings (id, site_id, horizon_weeks, created_at, updated_at, _version) VALUES (gen_random_uuid(), ${other}, 4, now(), now(), 1)`.execute(
      db.admin,
    );
    const seen = await inSiteTransaction(db.service, demoSiteId('restaurant'), (trx) =>
      trx.selectFrom('class_settings').select('id').execute(),
    );
    expect(seen).toEqual([]);
  });
});
