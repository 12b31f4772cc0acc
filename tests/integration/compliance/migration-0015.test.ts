import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { makeKiosk, openSecondConnection } from '../../helpers/kiosk.js';
import { createTestDatabase } from '../../helpers/postgres.js';

describe('migration 0015 (corrective actions of compliance reports) on the kiosk and on the central database', () => {
  it('on the kiosk: actions gain owner_role and source_item; action_steps sits behind the gate and is insert-only', async () => {
    const { kiosk, dataDir } = await makeKiosk();
    expect(kiosk.store.migrations.current).toBeGreaterThanOrEqual(15);
    const columns = (t: string) =>
      (kiosk.store.raw.prepare('SELECT name FROM pragma_table_info(?)').all(t) as { name: string }[]).map(
        (c) => c.name,
      );
    expect(columns('actions')).toEqual(expect.arrayContaining(['owner_role', 'source_item']));
    expect(columns('action_steps')).toEqual(
      expect.arrayContaining(['action_id', 'from_status', 'to_status', 'note', 'user_id', 'role_code', 'device_id']),
    );
    const shell = openSecondConnection(dataDir);
    expect(() =>
      shell
        .prepare(
          "INSERT INTO action_steps (id, site_id, action_id, from_status, to_status, user_id, role_code, device_id, created_at, updated_at) VALUES ('x', 'y', 'a', 'open', 'done', 'u', 'chef', 'd', 'n', 'n')",
        )
        .run(),
    ).toThrow();
    const triggers = (
      kiosk.store.raw
        .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'action_steps'")
        .all() as { name: string }[]
    ).map((r) => r.name);
    expect(triggers).toEqual(expect.arrayContaining(['action_steps_insert_only_update']));
  });

  it('on the central database: the same columns, row-level security, and only SELECT and INSERT on action_steps', async () => {
    const db = await createTestDatabase();
    const cols = await sql<{
      column_name: string;
    }>`SELECT column_name FROM information_schema.columns WHERE table_name = 'actions' AND column_name IN ('owner_role', 'source_item') ORDER BY 1`.execute(
      db.admin,
    );
    expect(cols.rows.map((c) => c.column_name)).toEqual(['owner_role', 'source_item']);
    const rls = await sql<{
      relrowsecurity: boolean;
    }>`SELECT relrowsecurity FROM pg_class WHERE relname = 'action_steps'`.execute(db.admin);
    expect(rls.rows).toEqual([{ relrowsecurity: true }]);
    const grants = await sql<{
      privilege_type: string;
    }>`SELECT privilege_type FROM information_schema.role_table_grants WHERE grantee = 'shiftdeck_service' AND table_name = 'action_steps' ORDER BY 1`.execute(
      db.admin,
    );
    expect(grants.rows.map((g) => g.privilege_type)).toEqual(['INSERT', 'SELECT']);
  });
});
