import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { demoSiteId } from '../../../shared/demo.js';
import { inSiteTransaction } from '../../../server/db/site-tx.js';
import { makeKiosk, openSecondConnection } from '../../helpers/kiosk.js';
import { createTestDatabase } from '../../helpers/postgres.js';

describe('migrations local and central table_session_aliases', () => {
  it('on the kiosk: the table sits behind the write gate, and an alias can never change', async () => {
    const { kiosk, dataDir } = await makeKiosk();
    const shell = openSecondConnection(dataDir);
    expect(() =>
      shell
        .prepare(
          "INSERT INTO table_session_aliases (id, site_id, used_id, device_id, session_id, created_at, updated_at) VALUES ('a', 's', 'u', 'd', 'x', 'now', 'now')",
        )
        .run(),
    ).toThrow();
    const triggers = (
      kiosk.store.raw
        .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'table_session_aliases'")
        .all() as { name: string }[]
    ).map((r) => r.name);
    expect(triggers.some((t) => /update/.test(t))).toBe(true);
    expect(triggers.some((t) => /delete/.test(t))).toBe(true);
  });

  it('on the central database: another site never sees an alias, and none can be changed', async () => {
    const db = await createTestDatabase();
    const grants = await sql<{ privilege_type: string }>`SELECT privilege_type FROM information_schema.role_table_grants
      WHERE grantee = 'shiftdeck_service' AND table_name = 'table_session_aliases'`.execute(db.admin);
    expect(grants.rows.map((g) => g.privilege_type).sort()).toEqual(['INSERT', 'SELECT']);
    await sql`INSERT INTO table_session_aliases (id, site_id, used_id, device_id, session_id, created_at, updated_at, _version)
      VALUES (gen_random_uuid(), ${demoSiteId('vessel')}, gen_random_uuid(), 'dev', gen_random_uuid(), now(), now(), 1)`.execute(
      db.admin,
    );
    await expect(sql`UPDATE table_session_aliases SET device_id = 'x'`.execute(db.admin)).rejects.toThrow();
    const seen = await inSiteTransaction(db.service, demoSiteId('restaurant'), (trx) =>
      trx.selectFrom('table_session_aliases').select('id').execute(),
    );
    expect(seen).toEqual([]);
  });
});
