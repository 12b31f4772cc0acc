import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { makeKiosk, openSecondConnection } from '../../helpers/kiosk.js';
import { createTestDatabase } from '../../helpers/postgres.js';

const TABLES = ['notifications', 'notification_deliveries', 'notification_preferences', 'notification_on_call'];

describe('migrations local 0013 / central 0013 (notifications)', () => {
  it('on the kiosk: the tables sit behind the write gate ', async () => {
    const { kiosk, dataDir } = await makeKiosk();
    const names = (
      kiosk.store.raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]
    ).map((r) => r.name);
    expect(names).toEqual(expect.arrayContaining(TABLES));
    const shell = openSecondConnection(dataDir);
    // Outside a mutation the write gate refuses the row.
    expect(() =>
      shell
        .prepare(
          "INSERT INTO notification_on_call (id, site_id, role_code, created_at, updated_at) VALUES ('x', 'y', 'officer', 'n', 'n')",
        )
        .run(),
    ).toThrow();
  });

  it('on the central database: row-level security on every table, no DELETE anywhere', async () => {
    const db = await createTestDatabase();
    const rls = await sql<{
      relname: string;
      relrowsecurity: boolean;
    }>`SELECT relname, relrowsecurity FROM pg_class WHERE relname = ANY(${TABLES}) AND relkind = 'r'`.execute(db.admin);
    expect(rls.rows.map((r) => [r.relname, r.relrowsecurity]).sort()).toEqual(TABLES.map((t) => [t, true]).sort());
    const grants = await sql<{
      table_name: string;
      privilege_type: string;
    }>`SELECT table_name, privilege_type FROM information_schema.role_table_grants WHERE grantee = 'shiftdeck_service' AND table_name = ANY(${TABLES})`.execute(
      db.admin,
    );
    expect(
      grants.rows
        .filter((g) => g.table_name === 'notifications')
        .map((g) => g.privilege_type)
        .sort(),
    ).toEqual(['INSERT', 'SELECT', 'UPDATE']);
    expect(grants.rows.some((g) => g.privilege_type === 'DELETE')).toBe(false);
    // A notification is for a person or for a role, never both nor neither.
    const insert = (user: string | null, role: string | null) =>
      sql`INSERT INTO notifications (id, site_id, kind, subject_kind, subject_id, recipient_user_id, recipient_role,
            urgency, params, period, raised_at, device_id, created_at, updated_at, _version)
          VALUES (gen_random_uuid(), gen_random_uuid(), 'training_due', 'x', gen_random_uuid(), ${user}::uuid, ${role},
            'normal', '{}', 'p', now(), gen_random_uuid(), now(), now(), 1)`.execute(db.admin);
    await expect(insert('0190a6f0-0000-7000-8000-000000000001', 'officer')).rejects.toThrow(/check/);
    await expect(insert(null, null)).rejects.toThrow(/check/);
    await expect(insert(null, 'officer')).resolves.toBeDefined();
  });
});
