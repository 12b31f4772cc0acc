import { describe, expect, it } from 'vitest';
import { roleId } from '../../../shared/ids.js';
import { ensureCentralReferenceData } from '../../../server/db/reference-data.js';
import { currentSiteVersion } from '../../../server/db/site-versions.js';
import { call, makeKiosk, signIn } from '../../helpers/kiosk.js';
import { createTestDatabase } from '../../helpers/postgres.js';
import type { Kiosk } from '../../../electron/core/kiosk.js';

const permissionsOf = (kiosk: Kiosk, code: string): string[] =>
  JSON.parse(
    (kiosk.store.raw.prepare('SELECT permissions FROM roles WHERE code = ?').get(code) as { permissions: string })
      .permissions,
  ) as string[];

/** Writes a role row as an older app version left it, behind the write gate (as reference data is written). */
function setLocalPermissions(kiosk: Kiosk, code: string, permissions: string[]) {
  kiosk.store.gate.open(() =>
    kiosk.store.raw.prepare('UPDATE roles SET permissions = ? WHERE code = ?').run(JSON.stringify(permissions), code),
  );
}

describe('built-in roles follow the code after an upgrade', () => {
  it('a kiosk database made with an older permission list gains the new permission on restart; custom roles stay', async () => {
    const tk = await makeKiosk();
    const older = permissionsOf(tk.kiosk, 'manager').filter((p) => p !== 'tables.money');
    setLocalPermissions(tk.kiosk, 'manager', older);
    tk.kiosk.store.gate.open(() =>
      tk.kiosk.store.raw
        .prepare(
          `INSERT INTO roles (id, site_id, code, site_kind, name_en, name_fr, permissions, created_at, updated_at) VALUES (?, NULL, 'sommelier', 'restaurant', 'Sommelier', 'Sommelier', '["training.take"]', 'x', 'x')`,
        )
        .run(roleId('sommelier')),
    );
    const again = await tk.reopen();
    expect(permissionsOf(again.kiosk, 'manager')).toEqual([...older, 'tables.money']);
    expect(permissionsOf(again.kiosk, 'sommelier')).toEqual(['training.take']);
    // The manager signed in after the restart holds it: the session reads the role row.
    const token = await signIn(again.kiosk, 'manager');
    const me = await call(again.kiosk, 'auth.session', {}, token);
    expect(me.ok && (me.value as { user: { permissions: string[] } }).user.permissions).toContain('tables.money');
    // Idempotent: a second restart writes nothing.
    const before = again.kiosk.store.raw.prepare('SELECT updated_at FROM roles WHERE code = ?').get('manager');
    again.clock.advance(60_000);
    const third = await again.reopen();
    expect(third.kiosk.store.raw.prepare('SELECT updated_at FROM roles WHERE code = ?').get('manager')).toEqual(before);
  });

  it('central gains it at service start, stamped with a new organisation version so every kiosk pulls it', async () => {
    const t = await createTestDatabase();
    const row = await t.admin
      .selectFrom('roles')
      .select('permissions')
      .where('code', '=', 'crew')
      .executeTakeFirstOrThrow();
    const older = (JSON.parse(row.permissions) as string[]).filter((p) => p !== 'compliance.fill');
    await t.admin
      .updateTable('roles')
      .set({ permissions: JSON.stringify(older) })
      .where('code', '=', 'crew')
      .execute();
    await t.admin
      .insertInto('roles')
      .values({
        id: roleId('bosun'),
        site_id: null,
        code: 'bosun',
        site_kind: 'vessel',
        name_en: 'Bosun',
        name_fr: 'Maître d’équipage',
        permissions: '[]',
        created_at: '2026-11-01T00:00:00.000Z',
        updated_at: '2026-11-01T00:00:00.000Z',
        deleted_at: null,
        _version: 1,
      })
      .execute();
    const v0 = await currentSiteVersion(t.admin, null);
    // What server/central.ts runs after the migrations; through the service role's org-write policy.
    await ensureCentralReferenceData(t.service);
    const read = async (code: string) =>
      t.admin
        .selectFrom('roles')
        .select(['permissions', '_version'])
        .where('code', '=', code)
        .executeTakeFirstOrThrow();
    const crew = await read('crew');
    expect(JSON.parse(crew.permissions)).toEqual([...older, 'compliance.fill']);
    expect(crew._version).toBe(v0 + 1);
    expect((await read('bosun')).permissions).toBe('[]');
    // Idempotent: the next start takes no version.
    await ensureCentralReferenceData(t.service);
    expect(await currentSiteVersion(t.admin, null)).toBe(v0 + 1);
  });
});
