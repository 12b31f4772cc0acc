import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { makeKiosk, openSecondConnection } from '../../helpers/kiosk.js';
import { createTestDatabase } from '../../helpers/postgres.js';

const TABLES = [
  'incident_places',
  'incident_sla_targets',
  'incidents',
  'incident_events',
  'incident_escalations',
  'actions',
];

describe('migrations local 0009 / central 0009 (incidents)', () => {
  it('on the kiosk: the tables sit behind the write gate and the history refuses every change', async () => {
    const { kiosk, dataDir } = await makeKiosk();
    expect(kiosk.store.migrations.current).toBeGreaterThanOrEqual(10);
    const names = (
      kiosk.store.raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]
    ).map((r) => r.name);
    expect(names).toEqual(expect.arrayContaining(TABLES));
    const shell = openSecondConnection(dataDir);
    expect(() =>
      shell
        .prepare(
          "INSERT INTO actions (id, site_id, kind, title, due_date, status, created_at, updated_at) VALUES ('x', 'y', 'corrective', 't', '2026-12-01', 'open', 'n', 'n')",
        )
        .run(),
    ).toThrow();
    const triggers = (
      kiosk.store.raw
        .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'incident_events'")
        .all() as { name: string }[]
    ).map((r) => r.name);
    expect(triggers.length).toBeGreaterThan(0);
    expect(triggers.some((t) => /update/.test(t))).toBe(true);
  });

  it('on the central database: row-level security on every table, no UPDATE on the history, no DELETE anywhere', async () => {
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
    const of = (t: string) =>
      grants.rows
        .filter((g) => g.table_name === t)
        .map((g) => g.privilege_type)
        .sort();
    expect(of('incident_events')).toEqual(['INSERT', 'SELECT']);
    expect(of('incidents')).toEqual(['INSERT', 'SELECT', 'UPDATE']);
    expect(grants.rows.some((g) => g.privilege_type === 'DELETE')).toBe(false);
  });
});
