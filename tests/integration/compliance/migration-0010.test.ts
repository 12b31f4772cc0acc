import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { COMPLIANCE_TABLES } from '../../../shared/compliance/schema.js';
import { shippedTemplateRows } from '../../../shared/compliance/template-rows.js';
import { makeKiosk, openSecondConnection } from '../../helpers/kiosk.js';
import { createTestDatabase } from '../../helpers/postgres.js';

const TABLES = [...COMPLIANCE_TABLES];

describe('migration 0010 (compliance) on the kiosk and on the central database', () => {
  it('on the kiosk: the tables sit behind the write gate, history and approvals are insert-only, templates are seeded', async () => {
    const { kiosk, dataDir } = await makeKiosk();
    expect(kiosk.store.migrations.current).toBeGreaterThanOrEqual(11);
    const names = (
      kiosk.store.raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]
    ).map((r) => r.name);
    expect(names).toEqual(expect.arrayContaining(TABLES));
    const shell = openSecondConnection(dataDir);
    expect(() =>
      shell
        .prepare(
          "INSERT INTO compliance_schedules (id, site_id, template_code, frequency, role_code, starts_on, due_time, created_at, updated_at) VALUES ('x', 'y', 'A', 'daily', 'chef', '2026-01-01', '10:00', 'now', 'now')",
        )
        .run(),
    ).toThrow();
    const triggers = (tbl: string) =>
      (
        kiosk.store.raw.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?").all(tbl) as {
          name: string;
        }[]
      )
        .map((r) => r.name)
        .sort();
    expect(triggers('compliance_approvals').some((n) => n.includes('insert_only') || n.includes('refuse'))).toBe(true);
    const seeded = kiosk.store.raw.prepare('SELECT id, content_hash FROM compliance_templates ORDER BY id').all();
    expect(seeded).toEqual(
      shippedTemplateRows()
        .map((r) => ({ id: r.id, content_hash: r.content_hash }))
        .sort((a, b) => (a.id < b.id ? -1 : 1)),
    );
  });

  it('on the central database: row-level security, no UPDATE on the insert-only tables, shipped templates seeded', async () => {
    const db = await createTestDatabase();
    const rls = await sql<{
      relname: string;
      relrowsecurity: boolean;
    }>`SELECT relname, relrowsecurity FROM pg_class WHERE relname = ANY(${TABLES})`.execute(db.admin);
    expect(rls.rows.map((r) => [r.relname, r.relrowsecurity]).sort()).toEqual(TABLES.map((t) => [t, true]).sort());
    const grants = await sql<{
      table_name: string;
      privilege_type: string;
    }>`SELECT table_name, privilege_type FROM information_schema.role_table_grants WHERE grantee = 'shiftdeck_service' AND table_name IN ('compliance_approvals', 'compliance_answer_history') ORDER BY 1, 2`.execute(
      db.admin,
    );
    expect(grants.rows.map((g) => g.privilege_type)).toEqual(['INSERT', 'SELECT', 'INSERT', 'SELECT']);
    const seeded = await db.admin
      .selectFrom('compliance_templates')
      .select(['id', 'content_hash'])
      .orderBy('id')
      .execute();
    expect(seeded).toEqual(
      shippedTemplateRows()
        .map((r) => ({ id: r.id, content_hash: r.content_hash }))
        .sort((a, b) => (a.id < b.id ? -1 : 1)),
    );
  });
});
