import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { verifyPin } from '../../../electron/core/auth/pin-hash.js';
import { DEMO_SITES, demoSiteId, demoUserId } from '../../../shared/demo.js';
import { roleId } from '../../../shared/ids.js';
import { DEFAULT_ROLES } from '../../../shared/permissions.js';
import { ORG_STREAM } from '../../../shared/sync/protocol.js';
import { seedCentralDemo } from '../../../server/db/demo-seed.js';
import { ensureCentralReferenceData } from '../../../server/db/reference-data.js';
import { currentSiteVersion } from '../../../server/db/site-versions.js';
import { cheapHashPin, makeKiosk } from '../../helpers/kiosk.js';
import { createTestDatabase } from '../../helpers/postgres.js';

const NOW = '2026-11-22T09:00:00.000Z';

describe('reference data', () => {
  it('the template holds the default roles with their derived ids, on the organisation stream', async () => {
    const t = await createTestDatabase();
    const roles = await t.admin.selectFrom('roles').selectAll().orderBy('code').execute();
    expect(roles.map((r) => r.code)).toEqual(DEFAULT_ROLES.map((r) => r.id).sort());
    for (const r of roles) {
      const def = DEFAULT_ROLES.find((d) => d.id === r.code)!;
      expect(r).toMatchObject({
        id: roleId(r.code),
        site_id: null,
        site_kind: def.siteKind,
        name_en: def.name.en,
        name_fr: def.name.fr,
        _version: 1,
      });
      expect(JSON.parse(r.permissions)).toEqual([...def.permissions]);
    }
    expect(await currentSiteVersion(t.admin, null)).toBe(1);
  });

  it("is idempotent, keeps an administrator's edit, and restores a missing role on a new version", async () => {
    const t = await createTestDatabase();
    expect(await ensureCentralReferenceData(t.service)).toBe(0);
    expect(await currentSiteVersion(t.admin, null)).toBe(1);
    await t.admin.updateTable('roles').set({ name_en: 'Head chef' }).where('code', '=', 'chef').execute();
    await t.admin.deleteFrom('roles').where('code', '=', 'crew').execute();
    // Through the service role: the org-write policy lets it write organisation-wide rows.
    expect(await ensureCentralReferenceData(t.service)).toBe(1);
    expect(await currentSiteVersion(t.admin, null)).toBe(2);
    expect(
      (await t.admin.selectFrom('roles').select('_version').where('code', '=', 'crew').executeTakeFirstOrThrow())
        ._version,
    ).toBe(2);
    expect(
      (await t.admin.selectFrom('roles').select('name_en').where('code', '=', 'chef').executeTakeFirstOrThrow())
        .name_en,
    ).toBe('Head chef');
  });
});

describe('central demo seed', () => {
  it('writes both demo sites once, each in one transaction on its own stream, and is idempotent', async () => {
    const t = await createTestDatabase();
    expect(await seedCentralDemo(t.service, { hashPin: cheapHashPin, now: NOW })).toEqual(['restaurant', 'vessel']);
    const count = async () =>
      Object.fromEntries(
        await Promise.all(
          (['sites', 'users', 'user_roles', 'audit_log'] as const).map(async (tb) => [
            tb,
            (await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(tb)}`.execute(t.admin)).rows[0].n,
          ]),
        ),
      );
    const people = DEMO_SITES.reduce((n, s) => n + s.people.length, 0);
    expect(await count()).toEqual({ sites: 2, users: people, user_roles: people, audit_log: people });
    for (const s of DEMO_SITES) {
      const siteId = demoSiteId(s.key);
      expect(await currentSiteVersion(t.admin, siteId)).toBe(1);
      const versions = await sql<{ v: number }>`
        SELECT DISTINCT _version AS v FROM (SELECT _version FROM sites WHERE site_id = ${siteId} UNION ALL SELECT _version FROM users WHERE site_id = ${siteId}
        UNION ALL SELECT _version FROM user_roles WHERE site_id = ${siteId} UNION ALL SELECT _version FROM audit_log WHERE site_id = ${siteId}) x`.execute(
        t.admin,
      );
      expect(versions.rows).toEqual([{ v: 1 }]);
    }

    expect(await seedCentralDemo(t.service, { hashPin: cheapHashPin })).toEqual([]);
    expect(await count()).toEqual({ sites: 2, users: people, user_roles: people, audit_log: people });
    expect(await currentSiteVersion(t.admin, demoSiteId('restaurant'))).toBe(1);
    expect(await currentSiteVersion(t.admin, null)).toBe(1);
  });

  it('two seeders racing write each site once', async () => {
    const t = await createTestDatabase();
    const [a, b] = await Promise.all([
      seedCentralDemo(t.service, { hashPin: cheapHashPin }),
      seedCentralDemo(t.service, { hashPin: cheapHashPin }),
    ]);
    expect([...a, ...b].sort()).toEqual(['restaurant', 'vessel']);
    expect((await t.admin.selectFrom('sites').select('id').execute()).length).toBe(2);
  });

  it('stores PIN hashes that verify the demo PINs', async () => {
    const t = await createTestDatabase();
    await seedCentralDemo(t.service, { hashPin: cheapHashPin });
    const erik = await t.admin
      .selectFrom('users')
      .select('pin_hash')
      .where('id', '=', demoUserId('vessel', 'Erik Hansen'))
      .executeTakeFirstOrThrow();
    expect(await verifyPin('1111', erik.pin_hash)).toBe(true);
    expect(await verifyPin('2222', erik.pin_hash)).toBe(false);
  });

  it.each(DEMO_SITES.map((s) => [s.key]))(
    "writes the same %s rows as a kiosk's demo seed (ids and values; only timestamps, salts and the writing device differ)",
    async (key) => {
      const t = await createTestDatabase();
      await seedCentralDemo(t.service, { hashPin: cheapHashPin, now: NOW });
      const { kiosk } = await makeKiosk({ siteKey: key });
      const siteId = demoSiteId(key);
      const strip = (rows: Record<string, unknown>[], drop: string[]) =>
        rows
          .map((r) =>
            Object.fromEntries(
              Object.entries(r).filter(
                ([k]) => !['created_at', 'updated_at', '_version', '_hlc', '_field_hlc', ...drop].includes(k),
              ),
            ),
          )
          .sort((a, b) => String(a.id).localeCompare(String(b.id)));
      const local = kiosk.store.db as unknown as typeof t.admin;
      type Compared =
        'sites' | 'users' | 'user_roles' | 'menu_categories' | 'menu_items' | 'floor_areas' | 'dining_tables';
      const compare = async (table: Compared, drop: string[] = []) => {
        const central = await t.admin.selectFrom(table).selectAll().where('site_id', '=', siteId).execute();
        const mine = await local.selectFrom(table).selectAll().where('site_id', '=', siteId).execute();
        expect(central.length, table).toBeGreaterThan(0);
        expect(strip(central, drop), table).toEqual(strip(mine, drop));
      };
      await compare('sites');
      await compare('users', ['pin_hash']);
      await compare('user_roles');
      if (key === 'restaurant')
        for (const table of ['menu_categories', 'menu_items', 'floor_areas', 'dining_tables'] as const)
          await compare(table);
      const centralAudit = await t.admin.selectFrom('audit_log').selectAll().where('site_id', '=', siteId).execute();
      const kioskAudit = await local
        .selectFrom('audit_log')
        .selectAll()
        .where('site_id', '=', siteId)
        .where('action', '=', 'users.created')
        .execute();
      expect(strip(centralAudit, ['device_id', 'hlc'])).toEqual(strip(kioskAudit, ['device_id', 'hlc']));
    },
  );
});
