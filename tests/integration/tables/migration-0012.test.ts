import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { demoSiteId } from '../../../shared/demo.js';
import { inSiteTransaction } from '../../../server/db/site-tx.js';
import { makeKiosk, openSecondConnection } from '../../helpers/kiosk.js';
import { createTestDatabase } from '../../helpers/postgres.js';

const TABLES = [
  'menu_categories',
  'menu_items',
  'floor_areas',
  'dining_tables',
  'table_sessions',
  'kitchen_tickets',
  'order_lines',
  'payments',
];

describe('migrations local and central 0012 (table service)', () => {
  it('on the kiosk: the tables sit behind the write gate, and a payment can never change', async () => {
    const { kiosk, dataDir } = await makeKiosk();
    const names = (
      kiosk.store.raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]
    ).map((r) => r.name);
    expect(names).toEqual(expect.arrayContaining(TABLES));
    const shell = openSecondConnection(dataDir);
    expect(() =>
      shell
        .prepare(
          "INSERT INTO floor_areas (id, site_id, name, position, created_at, updated_at) VALUES ('x', 'y', 'Bar', 0, 'now', 'now')",
        )
        .run(),
    ).toThrow();
    const triggers = (
      kiosk.store.raw
        .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'payments'")
        .all() as { name: string }[]
    ).map((r) => r.name);
    expect(triggers.some((t) => /update/.test(t))).toBe(true);
    expect(triggers.some((t) => /delete/.test(t))).toBe(true);
  });

  it('on the central database: row-level security by site, and the service may not update payments', async () => {
    const db = await createTestDatabase();
    const rls = await sql<{
      relname: string;
      relrowsecurity: boolean;
    }>`SELECT relname, relrowsecurity FROM pg_class WHERE relname = ANY(${TABLES})`.execute(db.admin);
    expect(rls.rows.map((r) => [r.relname, r.relrowsecurity]).sort()).toEqual(TABLES.map((t) => [t, true]).sort());
    const grants = await sql<{
      privilege_type: string;
    }>`SELECT privilege_type FROM information_schema.role_table_grants WHERE grantee = 'shiftdeck_service' AND table_name = 'payments'`.execute(
      db.admin,
    );
    expect(grants.rows.map((g) => g.privilege_type).sort()).toEqual(['INSERT', 'SELECT']);
    const other = demoSiteId('vessel');
    await sql`INSERT INTO payments (id, site_id, session_id, share_key, amount_cents, tip_cents, method, reference, recorded_by, created_at, updated_at, _version)
      VALUES (gen_random_uuid(), ${other}, gen_random_uuid(), 'all', 1000, 0, 'cash', NULL, gen_random_uuid(), now(), now(), 1)`.execute(
      db.admin,
    );
    await expect(sql`UPDATE payments SET amount_cents = 1`.execute(db.admin)).rejects.toThrow();
    const seen = await inSiteTransaction(db.service, demoSiteId('restaurant'), (trx) =>
      trx.selectFrom('payments').select('id').execute(),
    );
    expect(seen).toEqual([]);
  });
});
