import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRolePermissions, upgradedPermissions } from '../../../shared/domain/role-upgrade.js';
import { decodeHlc } from '../../../shared/hlc.js';
import { openStore } from '../../../electron/core/db/store.js';
import { localMigrationsDir } from '../../../electron/core/paths.js';
import { call, codeOf, copyMigrations, dbFile, makeKiosk, shippedMigrations } from '../../helpers/kiosk.js';
import { makeTempDir } from '../../helpers/tmp.js';

/**
 * Rows exactly as the first release (migration 0001 only) wrote them through its mutation layer:
 * the demo seed, an administrator signing in, creating Inès (waiter, PIN 246810) and setting the
 * idle lock to 300 s, then Emma (staff) typing a wrong PIN. Frozen here (Signal Desktop's way of
 * testing a migration) because today's mutation layer writes today's schema and cannot write a
 * 0001-only database; the first release's code would have. Cut down to three people; PIN hashes
 * use the tests' cheap scrypt cost (N=1024). PINs: Sophie 9999, Emma 3333, Inès 246810.
 */
const FIRST_RELEASE: Record<string, Record<string, unknown>[]> = {
  roles: [
    {
      id: '4898d110-b897-5917-bd28-a32c78f2dd5e',
      site_id: null,
      code: 'admin',
      site_kind: 'any',
      name_en: 'Administrator',
      name_fr: 'Administrateur',
      permissions:
        '["training.take","training.assign","training.author","classroom.run","classes.manage","incidents.report","incidents.triage","compliance.fill","compliance.approve","fuel.log","fuel.view","tables.serve","kitchen.display","analytics.personal","analytics.team","reports.generate","sync.view","conflicts.resolve","audit.view","users.manage","settings.manage","backups.manage","devices.manage"]',
      created_at: '2026-11-22T09:00:00.000Z',
      updated_at: '2026-11-22T09:00:00.000Z',
      deleted_at: null,
    },
    {
      id: 'fad8ff02-2192-5328-ba68-8b8e793cbf7d',
      site_id: null,
      code: 'staff',
      site_kind: 'restaurant',
      name_en: 'Staff',
      name_fr: 'Employé',
      permissions: '["training.take","analytics.personal","incidents.report"]',
      created_at: '2026-11-22T09:00:00.000Z',
      updated_at: '2026-11-22T09:00:00.000Z',
      deleted_at: null,
    },
    {
      id: '3b827e31-2a2e-50f3-af7a-a666790de3ac',
      site_id: null,
      code: 'waiter',
      site_kind: 'restaurant',
      name_en: 'Waiter',
      name_fr: 'Serveur',
      permissions: '["training.take","analytics.personal","incidents.report","tables.serve"]',
      created_at: '2026-11-22T09:00:00.000Z',
      updated_at: '2026-11-22T09:00:00.000Z',
      deleted_at: null,
    },
  ],
  meta: [
    { key: 'device_id', value: '01a201b5-f286-73a8-a6e8-1a5d9a378b3a' },
    { key: 'site_id', value: 'bf88a3c6-6376-51f4-a0ed-b2adf303d3c2' },
  ],
  sites: [
    {
      id: 'bf88a3c6-6376-51f4-a0ed-b2adf303d3c2',
      site_id: 'bf88a3c6-6376-51f4-a0ed-b2adf303d3c2',
      kind: 'restaurant',
      name: 'Le Petit Bistro',
      timezone: 'Europe/Paris',
      idle_lock_seconds: 300,
      created_at: '2026-11-22T09:00:00.000Z',
      updated_at: '2026-11-22T09:00:02.000Z',
      deleted_at: null,
    },
  ],
  users: [
    {
      id: 'f963067f-651a-5eb0-9bcc-d928bf145833',
      site_id: 'bf88a3c6-6376-51f4-a0ed-b2adf303d3c2',
      display_name: 'Sophie Laurent',
      pin_hash: 'scrypt$1024$8$1$L2jEoPxwOfSVFO+9mIaERg==$YWy20BDm6kNPpuW3VjEP41vopRd/bCWZ1GvvUlNl7f4=',
      locale: 'fr',
      active: 1,
      created_at: '2026-11-22T09:00:00.000Z',
      updated_at: '2026-11-22T09:00:00.000Z',
      deleted_at: null,
    },
    {
      id: 'e7646413-832b-5f94-87cc-6d974b116ba7',
      site_id: 'bf88a3c6-6376-51f4-a0ed-b2adf303d3c2',
      display_name: 'Emma Dubois',
      pin_hash: 'scrypt$1024$8$1$mYrld74J7RX6wT7oBtGmpQ==$rS+ffoXsuJhqO6Jnz9TmQ0A03oTUR+MJu/+UH0YS2QU=',
      locale: 'en',
      active: 1,
      created_at: '2026-11-22T09:00:00.000Z',
      updated_at: '2026-11-22T09:00:00.000Z',
      deleted_at: null,
    },
    {
      id: '01a201b5-f2dc-768f-ab6e-45fab1496514',
      site_id: 'bf88a3c6-6376-51f4-a0ed-b2adf303d3c2',
      display_name: 'Inès Faure',
      pin_hash: 'scrypt$1024$8$1$2mMYPYM5jPpaH4X0Zpq8UA==$aj91GON4e9XzaPDE2pDu9yRSuQf5K75Rqh/hDQzZufY=',
      locale: 'fr',
      active: 1,
      created_at: '2026-11-22T09:00:01.000Z',
      updated_at: '2026-11-22T09:00:01.000Z',
      deleted_at: null,
    },
  ],
  user_roles: [
    {
      id: '787b03c5-bb01-54c6-ab62-46da71f2f552',
      site_id: 'bf88a3c6-6376-51f4-a0ed-b2adf303d3c2',
      user_id: 'f963067f-651a-5eb0-9bcc-d928bf145833',
      role_id: '4898d110-b897-5917-bd28-a32c78f2dd5e',
      created_at: '2026-11-22T09:00:00.000Z',
      updated_at: '2026-11-22T09:00:00.000Z',
      deleted_at: null,
    },
    {
      id: '79fe5a6f-e3ec-5f06-84fc-bab031e3bee9',
      site_id: 'bf88a3c6-6376-51f4-a0ed-b2adf303d3c2',
      user_id: 'e7646413-832b-5f94-87cc-6d974b116ba7',
      role_id: 'fad8ff02-2192-5328-ba68-8b8e793cbf7d',
      created_at: '2026-11-22T09:00:00.000Z',
      updated_at: '2026-11-22T09:00:00.000Z',
      deleted_at: null,
    },
    {
      id: '37d7e8b9-765f-596b-83ef-2a8959a2a462',
      site_id: 'bf88a3c6-6376-51f4-a0ed-b2adf303d3c2',
      user_id: '01a201b5-f2dc-768f-ab6e-45fab1496514',
      role_id: '3b827e31-2a2e-50f3-af7a-a666790de3ac',
      created_at: '2026-11-22T09:00:01.000Z',
      updated_at: '2026-11-22T09:00:01.000Z',
      deleted_at: null,
    },
  ],
  audit_log: [
    {
      id: '9cb19f6a-9a73-552c-b5e5-a61c4ff7b4f3',
      site_id: 'bf88a3c6-6376-51f4-a0ed-b2adf303d3c2',
      action: 'users.created',
      actor_user_id: null,
      subject_user_id: 'f963067f-651a-5eb0-9bcc-d928bf145833',
      device_id: '01a201b5-f286-73a8-a6e8-1a5d9a378b3a',
      hlc: '0001795338000000-0001-01a201b5-f286-73a8-a6e8-1a5d9a378b3a',
      detail: '{"role":"admin"}',
      created_at: '2026-11-22T09:00:00.000Z',
      updated_at: '2026-11-22T09:00:00.000Z',
    },
    {
      id: '7c2040a4-19bb-53fe-b2d7-4c1bcf3cb434',
      site_id: 'bf88a3c6-6376-51f4-a0ed-b2adf303d3c2',
      action: 'users.created',
      actor_user_id: null,
      subject_user_id: 'e7646413-832b-5f94-87cc-6d974b116ba7',
      device_id: '01a201b5-f286-73a8-a6e8-1a5d9a378b3a',
      hlc: '0001795338000000-0004-01a201b5-f286-73a8-a6e8-1a5d9a378b3a',
      detail: '{"role":"staff"}',
      created_at: '2026-11-22T09:00:00.000Z',
      updated_at: '2026-11-22T09:00:00.000Z',
    },
    {
      id: '01a201b5-f2d2-7010-a277-f0d652ca8f8f',
      site_id: 'bf88a3c6-6376-51f4-a0ed-b2adf303d3c2',
      action: 'auth.sign_in',
      actor_user_id: 'f963067f-651a-5eb0-9bcc-d928bf145833',
      subject_user_id: 'f963067f-651a-5eb0-9bcc-d928bf145833',
      device_id: '01a201b5-f286-73a8-a6e8-1a5d9a378b3a',
      hlc: '0001795338000000-0009-01a201b5-f286-73a8-a6e8-1a5d9a378b3a',
      detail: '{}',
      created_at: '2026-11-22T09:00:00.000Z',
      updated_at: '2026-11-22T09:00:00.000Z',
    },
    {
      id: '01a201b5-f2e1-7035-af03-7061cc35d8a4',
      site_id: 'bf88a3c6-6376-51f4-a0ed-b2adf303d3c2',
      action: 'users.created',
      actor_user_id: 'f963067f-651a-5eb0-9bcc-d928bf145833',
      subject_user_id: '01a201b5-f2dc-768f-ab6e-45fab1496514',
      device_id: '01a201b5-f286-73a8-a6e8-1a5d9a378b3a',
      hlc: '0001795338001000-0000-01a201b5-f286-73a8-a6e8-1a5d9a378b3a',
      detail: '{"role":"waiter"}',
      created_at: '2026-11-22T09:00:01.000Z',
      updated_at: '2026-11-22T09:00:01.000Z',
    },
    {
      id: '01a201b5-f2ee-76cf-8644-466d4307942d',
      site_id: 'bf88a3c6-6376-51f4-a0ed-b2adf303d3c2',
      action: 'auth.sign_in_failed',
      actor_user_id: null,
      subject_user_id: 'e7646413-832b-5f94-87cc-6d974b116ba7',
      device_id: '01a201b5-f286-73a8-a6e8-1a5d9a378b3a',
      hlc: '0001795338003000-0000-01a201b5-f286-73a8-a6e8-1a5d9a378b3a',
      detail: '{"failures":1}',
      created_at: '2026-11-22T09:00:03.000Z',
      updated_at: '2026-11-22T09:00:03.000Z',
    },
  ],
  outbox: [
    {
      seq: 1,
      name: 'audit.recordAuthEvent',
      version: 1,
      args: '{"id":"01a201b5-f2d2-7010-a277-f0d652ca8f8f","action":"auth.sign_in","subjectUserId":"f963067f-651a-5eb0-9bcc-d928bf145833","detail":{}}',
      hlc: '0001795338000000-0009-01a201b5-f286-73a8-a6e8-1a5d9a378b3a',
      user_id: 'f963067f-651a-5eb0-9bcc-d928bf145833',
      status: 'pending',
      attempts: 0,
      last_error: null,
    },
    {
      seq: 2,
      name: 'users.create',
      version: 1,
      args: '{"id":"01a201b5-f2dc-768f-ab6e-45fab1496514","auditId":"01a201b5-f2e1-7035-af03-7061cc35d8a4","displayName":"Inès Faure","locale":"fr","pinHash":"scrypt$1024$8$1$2mMYPYM5jPpaH4X0Zpq8UA==$aj91GON4e9XzaPDE2pDu9yRSuQf5K75Rqh/hDQzZufY=","roleId":"3b827e31-2a2e-50f3-af7a-a666790de3ac"}',
      hlc: '0001795338001000-0000-01a201b5-f286-73a8-a6e8-1a5d9a378b3a',
      user_id: 'f963067f-651a-5eb0-9bcc-d928bf145833',
      status: 'pending',
      attempts: 0,
      last_error: null,
    },
    {
      seq: 3,
      name: 'sites.setIdleLock',
      version: 1,
      args: '{"seconds":300}',
      hlc: '0001795338002000-0000-01a201b5-f286-73a8-a6e8-1a5d9a378b3a',
      user_id: 'f963067f-651a-5eb0-9bcc-d928bf145833',
      status: 'pending',
      attempts: 0,
      last_error: null,
    },
    {
      seq: 4,
      name: 'audit.recordAuthEvent',
      version: 1,
      args: '{"id":"01a201b5-f2ee-76cf-8644-466d4307942d","action":"auth.sign_in_failed","subjectUserId":"e7646413-832b-5f94-87cc-6d974b116ba7","detail":{"failures":1}}',
      hlc: '0001795338003000-0000-01a201b5-f286-73a8-a6e8-1a5d9a378b3a',
      user_id: null,
      status: 'pending',
      attempts: 0,
      last_error: null,
    },
  ],
  pin_attempts: [{ user_id: 'e7646413-832b-5f94-87cc-6d974b116ba7', failures: 1, locked_until: null }],
};

/** Built-in roles gain the permissions added since the first release, at the start (role-upgrade.ts); nothing else changes. */
const upgradedRole = (r: Record<string, unknown>) => {
  const old = parseRolePermissions(r.permissions as string);
  return { ...r, permissions: JSON.stringify(upgradedPermissions(r.code as string, old) ?? old) };
};

const SOPHIE = 'f963067f-651a-5eb0-9bcc-d928bf145833';
const EMMA = 'e7646413-832b-5f94-87cc-6d974b116ba7';
const INES = '01a201b5-f2dc-768f-ab6e-45fab1496514';

/** A data dir holding a database made by the first migration alone, with the first release's rows. */
async function firstReleaseDataDir(): Promise<string> {
  const dataDir = makeTempDir('shiftdeck-first-release-');
  const store = openStore({ path: dbFile(dataDir), migrationsDir: copyMigrations(1) });
  try {
    expect(store.migrations.current).toBe(1);
    await store.transaction(() =>
      store.gate.openAsync(async () => {
        for (const [table, rows] of Object.entries(FIRST_RELEASE)) {
          for (const row of rows) {
            const cols = Object.keys(row);
            store.raw
              .prepare(
                `INSERT INTO "${table}" (${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`,
              )
              .run(cols.map((c) => row[c]));
          }
        }
      }),
    );
  } finally {
    await store.close();
  }
  return dataDir;
}

describe('upgrading a database made by the first migration', () => {
  it('runs every later shipped migration once and records them all', async () => {
    const { kiosk } = await makeKiosk({
      dataDir: await firstReleaseDataDir(),
      migrationsDir: localMigrationsDir,
      demo: false,
    });
    const all = shippedMigrations().map((_, i) => i + 1);
    expect(kiosk.store.migrations).toEqual({ applied: all.slice(1), current: all.length });
    expect(
      (kiosk.store.raw.prepare('SELECT id FROM _migrations ORDER BY id').all() as { id: number }[]).map((r) => r.id),
    ).toEqual(all);
  });

  it('keeps every row the first release wrote, column for column', async () => {
    const { kiosk } = await makeKiosk({
      dataDir: await firstReleaseDataDir(),
      migrationsDir: localMigrationsDir,
      demo: false,
    });
    for (const [table, rows] of Object.entries(FIRST_RELEASE)) {
      const cols = Object.keys(rows[0]);
      const key = cols[0];
      const now = kiosk.store.raw.prepare(
        `SELECT ${cols.map((c) => `"${c}"`).join(', ')} FROM "${table}" WHERE "${key}" = ?`,
      );
      expect(
        rows.map((r) => now.get(r[key])),
        table,
      ).toEqual(table === 'roles' ? rows.map(upgradedRole) : rows);
    }
  });

  it('carries on from the old data: same device, same queue, same people, same failed PIN count', async () => {
    const { kiosk } = await makeKiosk({
      dataDir: await firstReleaseDataDir(),
      migrationsDir: localMigrationsDir,
      demo: false,
    });
    expect(kiosk.deviceId).toBe('01a201b5-f286-73a8-a6e8-1a5d9a378b3a');
    expect(codeOf(await call(kiosk, 'auth.signIn', { userId: INES, pin: '246810' }))).toBe('OK');
    const again = await call(kiosk, 'auth.signIn', { userId: EMMA, pin: '0000' });
    expect(again.ok ? null : again.error.details).toEqual({ attemptsLeft: 3 });
    const site = await call(kiosk, 'app.info', {});
    expect(site.ok && (site.value as { site: { idleLockSeconds: number } }).site.idleLockSeconds).toBe(300);
    // New outbox entries come after the old ones, in seq and in HLC.
    const newest = kiosk.store.raw.prepare('SELECT seq, hlc FROM outbox ORDER BY seq DESC LIMIT 1').get() as {
      seq: number;
      hlc: string;
    };
    expect(newest.seq).toBeGreaterThan(4);
    expect(newest.hlc > '0001795338003000-0000-01a201b5-f286-73a8-a6e8-1a5d9a378b3a').toBe(true);
    expect(decodeHlc(newest.hlc).node).toBe(kiosk.deviceId);
    expect(codeOf(await call(kiosk, 'auth.signIn', { userId: SOPHIE, pin: '9999' }))).toBe('OK');
  });
});
