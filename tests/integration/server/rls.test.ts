import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPin } from '../../../electron/core/auth/pin-hash.js';
import { demoSite, demoSiteId, demoUserId } from '../../../shared/demo.js';
import { roleId } from '../../../shared/ids.js';
import type { CentralDatabase } from '../../../server/db/central-schema.js';
import { createCentralDb } from '../../../server/db/connect.js';
import { seedCentralDemo } from '../../../server/db/demo-seed.js';
import { assertServiceRoleIsWalled } from '../../../server/db/roles.js';
import { inOrgTransaction, inSiteTransaction } from '../../../server/db/site-tx.js';
import { nextSiteVersion } from '../../../server/db/site-versions.js';
import { createTestDatabase, type TestDatabase } from '../../helpers/postgres.js';

const A = demoSiteId('restaurant');
const B = demoSiteId('vessel');
const bUser = demoUserId('vessel', 'Erik Hansen');
const aUser = demoUserId('restaurant', 'Emma Dubois');
const cheapHash = (pin: string) => hashPin(pin, { N: 1024, r: 8, p: 1, keyLength: 32 });
const NOW = '2026-11-22T09:00:00.000Z';

const newUser = (id: string, siteId: string | null) => ({
  id,
  site_id: siteId,
  display_name: 'Intruder',
  pin_hash: 'scrypt$1024$8$1$AA==$AA==',
  locale: 'en' as const,
  active: 1,
  deleted_at: null,
  created_at: NOW,
  updated_at: NOW,
  _version: 99,
});

// Read-only and refused-write tests share one seeded database; the tests that do write use their own.
let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await seedCentralDemo(t.admin, { hashPin: cheapHash, now: NOW });
});
afterAll(() => t.drop());

describe('row-level security: the service role inside a site transaction', () => {
  it("sees its own site's rows and none of another site's", async () => {
    const users = await inSiteTransaction(t.service, A, (trx) =>
      trx.selectFrom('users').select(['id', 'site_id']).execute(),
    );
    expect(users).toHaveLength(demoSite('restaurant').people.length);
    expect(new Set(users.map((u) => u.site_id))).toEqual(new Set([A]));
    for (const table of ['sites', 'user_roles', 'audit_log'] as const) {
      const rows = await inSiteTransaction(t.service, A, (trx) => trx.selectFrom(table).select('site_id').execute());
      expect(rows.length, table).toBeGreaterThan(0);
      expect(
        rows.every((r) => r.site_id === A),
        table,
      ).toBe(true);
    }
    // Asking by id does not help either.
    expect(
      await inSiteTransaction(t.service, A, (trx) =>
        trx.selectFrom('users').selectAll().where('id', '=', bUser).executeTakeFirst(),
      ),
    ).toBeUndefined();
    // The owner, behind the wall, does see the other site: the data is there.
    expect(await t.admin.selectFrom('users').select('id').where('id', '=', bUser).executeTakeFirst()).toBeDefined();
  });

  it("cannot update another site's rows: nothing matches, nothing changes", async () => {
    const r = await inSiteTransaction(t.service, A, (trx) =>
      trx.updateTable('users').set({ display_name: 'Hijacked' }).where('id', '=', bUser).executeTakeFirst(),
    );
    expect(r.numUpdatedRows).toBe(0n);
    const all = await inSiteTransaction(t.service, A, (trx) =>
      trx.updateTable('users').set({ display_name: 'Hijacked' }).where('site_id', '=', B).executeTakeFirst(),
    );
    expect(all.numUpdatedRows).toBe(0n);
    expect(
      (await t.admin.selectFrom('users').select('display_name').where('id', '=', bUser).executeTakeFirstOrThrow())
        .display_name,
    ).toBe('Erik Hansen');
  });

  it('cannot insert a row for another site, nor move its own row to another site', async () => {
    await expect(
      inSiteTransaction(t.service, A, (trx) =>
        trx.insertInto('users').values(newUser('0b4c6e1a-5d7f-4a2b-9c3d-000000000001', B)).execute(),
      ),
    ).rejects.toThrow(/row-level security/);
    await expect(
      inSiteTransaction(t.service, A, (trx) =>
        trx.updateTable('users').set({ site_id: B }).where('id', '=', aUser).execute(),
      ),
    ).rejects.toThrow(/row-level security/);
    expect(
      (await t.admin.selectFrom('users').select('site_id').where('id', '=', aUser).executeTakeFirstOrThrow()).site_id,
    ).toBe(A);
  });

  it('cannot delete synced rows at all (soft deletes only), nor change the insert-only audit log', async () => {
    await expect(
      inSiteTransaction(t.service, A, (trx) => trx.deleteFrom('users').where('id', '=', aUser).execute()),
    ).rejects.toThrow(/permission denied/);
    await expect(
      inSiteTransaction(t.service, A, (trx) =>
        trx.updateTable('audit_log').set({ action: 'x' }).where('site_id', '=', A).execute(),
      ),
    ).rejects.toThrow(/permission denied/);
    // Not even the owner changes an audit entry: the trigger refuses.
    await expect(
      t.admin.updateTable('audit_log').set({ action: 'x' }).where('site_id', '=', A).execute(),
    ).rejects.toThrow(/insert-only/);
    await expect(t.admin.deleteFrom('audit_log').where('site_id', '=', A).execute()).rejects.toThrow(/insert-only/);
  });

  it('reads organisation-wide rows but cannot write them without org_write', async () => {
    const roles = await inSiteTransaction(t.service, A, (trx) =>
      trx.selectFrom('roles').select(['id', 'site_id']).execute(),
    );
    expect(roles.length).toBeGreaterThan(0);
    expect(roles.every((r) => r.site_id === null)).toBe(true);
    const upd = await inSiteTransaction(t.service, A, (trx) =>
      trx.updateTable('roles').set({ name_en: 'Boss' }).where('id', '=', roleId('manager')).executeTakeFirst(),
    );
    expect(upd.numUpdatedRows).toBe(0n);
    await expect(
      inSiteTransaction(t.service, A, (trx) =>
        trx.insertInto('users').values(newUser('0b4c6e1a-5d7f-4a2b-9c3d-000000000002', null)).execute(),
      ),
    ).rejects.toThrow(/row-level security/);
    expect(
      (
        await t.admin
          .selectFrom('roles')
          .select('name_en')
          .where('id', '=', roleId('manager'))
          .executeTakeFirstOrThrow()
      ).name_en,
    ).toBe('Manager');
  });

  it('conflicts are walled by site like every synced table', async () => {
    const conflict = (id: string, siteId: string) => ({
      id,
      site_id: siteId,
      device_id: null,
      seq: 7,
      mutation: 'users.create',
      args: '{}',
      user_id: null,
      kind: 'rejected' as const,
      code: 'FORBIDDEN',
      message: 'no',
      created_at: NOW,
      updated_at: NOW,
      resolved_at: null,
      resolved_by: null,
      _version: 1,
    });
    await expect(
      inSiteTransaction(t.service, A, (trx) =>
        trx.insertInto('conflicts').values(conflict('0b4c6e1a-5d7f-4a2b-9c3d-000000000003', B)).execute(),
      ),
    ).rejects.toThrow(/row-level security/);
    await t.admin.insertInto('conflicts').values(conflict('0b4c6e1a-5d7f-4a2b-9c3d-000000000004', B)).execute();
    expect(await inSiteTransaction(t.service, A, (trx) => trx.selectFrom('conflicts').selectAll().execute())).toEqual(
      [],
    );
    expect(await inSiteTransaction(t.service, B, (trx) => trx.selectFrom('conflicts').select('id').execute())).toEqual([
      { id: '0b4c6e1a-5d7f-4a2b-9c3d-000000000004' },
    ]);
  });
});

describe('row-level security: the service role outside any site transaction', () => {
  it("a raw query sees no site's rows, only organisation-wide ones", async () => {
    for (const table of ['sites', 'users', 'user_roles', 'audit_log', 'conflicts'] as const) {
      const n = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)}`.execute(t.service);
      expect(n.rows[0].n, table).toBe(0);
    }
    const roles = await sql<{ n: number }>`SELECT count(*)::int AS n FROM roles`.execute(t.service);
    expect(roles.rows[0].n).toBeGreaterThan(0);
  });

  it('a pooled connection that ran a site transaction keeps nothing of it afterwards', async () => {
    const one: Kysely<CentralDatabase> = createCentralDb({ url: t.serviceUrl, max: 1 });
    try {
      expect(await inSiteTransaction(one, A, (trx) => trx.selectFrom('users').select('id').execute())).not.toHaveLength(
        0,
      );
      // Same connection: the transaction-local setting is gone (it now reads '', which must match nothing, not fail).
      const after = await sql<{
        n: number;
        setting: string | null;
      }>`SELECT count(*)::int AS n, current_setting('shiftdeck.site_id', true) AS setting FROM users`.execute(one);
      expect(after.rows[0]).toEqual({ n: 0, setting: '' });
    } finally {
      await one.destroy();
    }
  });

  it('cannot write anything without a site setting', async () => {
    await expect(
      t.service.insertInto('users').values(newUser('0b4c6e1a-5d7f-4a2b-9c3d-000000000005', A)).execute(),
    ).rejects.toThrow(/row-level security/);
    const r = await t.service.updateTable('users').set({ display_name: 'x' }).executeTakeFirst();
    expect(r.numUpdatedRows).toBe(0n);
  });

  it('cannot switch row-level security off or take over the tables', async () => {
    await expect(sql`ALTER TABLE users DISABLE ROW LEVEL SECURITY`.execute(t.service)).rejects.toThrow(/must be owner/);
    await expect(sql`SET ROLE postgres`.execute(t.service)).rejects.toThrow(/permission denied/);
    // row_security = off does not turn the policies off for this role: the query is refused instead.
    await expect(
      t.service.transaction().execute(async (trx) => {
        await sql`SET LOCAL row_security = off`.execute(trx);
        return sql`SELECT count(*) FROM users`.execute(trx);
      }),
    ).rejects.toThrow(/row-level security/);
    await expect(assertServiceRoleIsWalled(t.service)).resolves.toBeUndefined();
    await expect(assertServiceRoleIsWalled(t.admin)).rejects.toThrow(/must connect as the "shiftdeck_service" role/);
  });
});

describe('org_write and the version streams', () => {
  it('with org_write a transaction may write organisation-wide rows', async () => {
    const own = await createTestDatabase();
    const r = await inSiteTransaction(
      own.service,
      A,
      (trx) => trx.updateTable('roles').set({ name_en: 'Boss' }).where('id', '=', roleId('manager')).executeTakeFirst(),
      { orgWrite: true },
    );
    expect(r.numUpdatedRows).toBe(1n);
    await inOrgTransaction(own.service, (trx) =>
      trx.insertInto('users').values(newUser('0b4c6e1a-5d7f-4a2b-9c3d-000000000006', null)).execute(),
    );
    expect(
      (
        await own.admin
          .selectFrom('users')
          .select('site_id')
          .where('id', '=', '0b4c6e1a-5d7f-4a2b-9c3d-000000000006')
          .executeTakeFirstOrThrow()
      ).site_id,
    ).toBeNull();
  });

  it("a site transaction bumps only its own stream, and the organisation's only with org_write", async () => {
    const own = await createTestDatabase();
    expect(await inSiteTransaction(own.service, A, (trx) => nextSiteVersion(trx, A))).toBe(1);
    expect(await inSiteTransaction(own.service, A, (trx) => nextSiteVersion(trx, A))).toBe(2);
    await expect(inSiteTransaction(own.service, A, (trx) => nextSiteVersion(trx, B))).rejects.toThrow(
      /outside a transaction for that stream/,
    );
    await expect(inSiteTransaction(own.service, A, (trx) => nextSiteVersion(trx, null))).rejects.toThrow(
      /outside a transaction for that stream/,
    );
    const org = await own.admin
      .selectFrom('site_versions')
      .select('version')
      .where('site_id', '=', '00000000-0000-0000-0000-000000000000')
      .executeTakeFirstOrThrow();
    expect(await inSiteTransaction(own.service, A, (trx) => nextSiteVersion(trx, null), { orgWrite: true })).toBe(
      org.version + 1,
    );
    const rows = await own.admin.selectFrom('site_versions').selectAll().where('site_id', 'in', [A, B]).execute();
    expect(rows).toEqual([{ site_id: A, version: 2 }]);
  });

  it('refuses a site id that is not a UUID before touching the database', async () => {
    await expect(inSiteTransaction(t.service, "' OR true --", async () => 1)).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });
});
