import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { makeKiosk, openSecondConnection } from '../../helpers/kiosk.js';
import { createTestDatabase } from '../../helpers/postgres.js';

const TABLES = ['incident_seals', 'incident_regulatory'];

describe('migrations local 0019 / central 0019 (incident seals and regulatory log)', () => {
  it('on the kiosk: both tables sit behind the write gate and a seal refuses every change', async () => {
    const { kiosk, dataDir } = await makeKiosk();
    expect(kiosk.store.migrations.current).toBeGreaterThanOrEqual(19);
    const shell = openSecondConnection(dataDir);
    expect(() =>
      shell
        .prepare(
          "INSERT INTO incident_seals (id, site_id, incident_id, device_id, key_id, public_key, head, entries, signature, sealed_at, created_at, updated_at) VALUES ('x', 'y', 'z', 'd', 'k', 'p', 'h', '[]', 's', 'n', 'n', 'n')",
        )
        .run(),
    ).toThrow();
    const triggers = (name: string) =>
      (
        kiosk.store.raw.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?").all(name) as {
          name: string;
        }[]
      ).map((r) => r.name);
    expect(triggers('incident_seals').some((t) => /update/.test(t))).toBe(true);
    expect(triggers('incident_regulatory').length).toBeGreaterThan(0);
  });

  it('on the central database: row-level security, seals insert-only, the log updatable, no DELETE', async () => {
    const db = await createTestDatabase();
    const rls = await sql<{ relname: string; relrowsecurity: boolean }>`
      SELECT relname, relrowsecurity FROM pg_class WHERE relname = ANY(${TABLES}) AND relkind = 'r'`.execute(db.admin);
    expect(rls.rows.map((r) => [r.relname, r.relrowsecurity]).sort()).toEqual(TABLES.map((t) => [t, true]).sort());
    const grants = await sql<{ table_name: string; privilege_type: string }>`
      SELECT table_name, privilege_type FROM information_schema.role_table_grants
      WHERE grantee = 'shiftdeck_service' AND table_name = ANY(${TABLES})`.execute(db.admin);
    const of = (t: string) =>
      grants.rows
        .filter((g) => g.table_name === t)
        .map((g) => g.privilege_type)
        .sort();
    expect(of('incident_seals')).toEqual(['INSERT', 'SELECT']);
    expect(of('incident_regulatory')).toEqual(['INSERT', 'SELECT', 'UPDATE']);
    const trigger = await sql<{ tgname: string }>`
      SELECT tgname FROM pg_trigger WHERE tgrelid = 'incident_seals'::regclass AND NOT tgisinternal`.execute(db.admin);
    expect(trigger.rows.map((r) => r.tgname)).toEqual(['incident_seals_insert_only']);
  });
});
