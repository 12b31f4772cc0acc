import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { demoSiteId } from '../../../shared/demo.js';
import { inSiteTransaction } from '../../../server/db/site-tx.js';
import { makeKiosk, openSecondConnection } from '../../helpers/kiosk.js';
import { createTestDatabase } from '../../helpers/postgres.js';

describe('migrations local and central 0021_health', () => {
  it('on the kiosk: both tables sit behind the write gate, and an error row can only be soft-deleted', async () => {
    const { kiosk, dataDir } = await makeKiosk();
    const shell = openSecondConnection(dataDir);
    expect(() =>
      shell
        .prepare(
          "INSERT INTO retention_settings (id, site_id, kind, days, created_at, updated_at) VALUES ('a', 's', 'error_log', 9, 'now', 'now')",
        )
        .run(),
    ).toThrow();
    // Behind the gate (as the kiosk's own writer): an edit of the code is refused, retention is not.
    const raw = kiosk.store.raw;
    raw.exec('DROP TRIGGER IF EXISTS error_log_gate_insert');
    raw
      .prepare(
        "INSERT INTO error_log (id, site_id, device_id, code, place, app_version, occurred_at, created_at, updated_at) VALUES ('e', 's', 'd', 'TypeError', 'api:x', '1', 't', 't', 't')",
      )
      .run();
    const gates = (
      raw.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'error_log'").all() as {
        name: string;
      }[]
    ).map((r) => r.name);
    expect(gates).toContain('error_log_no_edit');
    for (const g of gates.filter((n) => n !== 'error_log_no_edit')) raw.exec(`DROP TRIGGER ${g}`);
    expect(() => raw.prepare("UPDATE error_log SET code = 'Other' WHERE id = 'e'").run()).toThrow(/never edited/);
    expect(() =>
      raw.prepare("UPDATE error_log SET deleted_at = 'later', updated_at = 'later' WHERE id = 'e'").run(),
    ).not.toThrow();
  });

  it('on the central database: another site never sees them; the service may not delete', async () => {
    const db = await createTestDatabase();
    const grants = await sql<{ privilege_type: string }>`SELECT privilege_type FROM information_schema.role_table_grants
      WHERE grantee = 'shiftdeck_service' AND table_name = 'error_log'`.execute(db.admin);
    expect(grants.rows.map((g) => g.privilege_type).sort()).toEqual(['INSERT', 'SELECT', 'UPDATE']);
    await sql`INSERT INTO error_log (id, site_id, device_id, code, place, app_version, occurred_at, created_at, updated_at, _version)
      VALUES (gen_random_uuid(), ${demoSiteId('vessel')}, 'dev', 'TypeError', 'api:x', '1', now(), now(), now(), 1)`.execute(
      db.admin,
    );
    await sql`INSERT INTO retention_settings (id, site_id, kind, days, created_at, updated_at, _version)
      VALUES (gen_random_uuid(), ${demoSiteId('vessel')}, 'error_log', 30, now(), now(), 1)`.execute(db.admin);
    await expect(
      sql`INSERT INTO retention_settings (id, site_id, kind, days, created_at, updated_at, _version)
      VALUES (gen_random_uuid(), ${demoSiteId('vessel')}, 'error_log', 0, now(), now(), 1)`.execute(db.admin),
    ).rejects.toThrow();
    for (const table of ['error_log', 'retention_settings'] as const) {
      const seen = await inSiteTransaction(db.service, demoSiteId('restaurant'), (trx) =>
        trx.selectFrom(table).select('id').execute(),
      );
      expect(seen).toEqual([]);
    }
  });
});
