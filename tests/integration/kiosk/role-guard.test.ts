import { describe, expect, it } from 'vitest';
import type { Result } from '../../../shared/errors.js';
import { roleId } from '../../../shared/ids.js';
import { call, demoPerson, makeKiosk, signIn } from '../../helpers/kiosk.js';

const roleOf = async (tk: Awaited<ReturnType<typeof makeKiosk>>, userId: string) =>
  (
    await tk.kiosk.store.db
      .selectFrom('user_roles')
      .innerJoin('roles', 'roles.id', 'user_roles.role_id')
      .select('roles.code')
      .where('user_roles.user_id', '=', userId)
      .executeTakeFirstOrThrow()
  ).code;
const refusal = (r: Result<unknown>) => (r.ok ? 'OK' : `${r.error.code}:${String(r.error.details?.reason)}`);

describe('role changes on the kiosk', () => {
  it('a vessel master can make himself and a crew member Super admin no more, but may make crew an officer', async () => {
    const tk = await makeKiosk({ siteKey: 'vessel' });
    const master = demoPerson('master', 'vessel');
    const crew = demoPerson('crew', 'vessel');
    const admin = demoPerson('admin', 'vessel');
    const token = await signIn(tk.kiosk, 'master', 'vessel');
    const outboxBefore = (tk.kiosk.store.raw.prepare('SELECT COUNT(*) AS n FROM outbox').get() as { n: number }).n;

    expect(
      refusal(await call(tk.kiosk, 'admin.setRole', { userId: master.id, roleId: roleId('super_admin') }, token)),
    ).toBe('FORBIDDEN:own_role');
    expect(
      refusal(await call(tk.kiosk, 'admin.setRole', { userId: crew.id, roleId: roleId('super_admin') }, token)),
    ).toBe('FORBIDDEN:role_exceeds_yours');
    expect(refusal(await call(tk.kiosk, 'admin.setRole', { userId: admin.id, roleId: roleId('crew') }, token))).toBe(
      'FORBIDDEN:person_exceeds_you',
    );
    expect(
      refusal(
        await call(
          tk.kiosk,
          'admin.createUser',
          { displayName: 'New boss', pin: '5151', locale: 'en', roleId: roleId('super_admin') },
          token,
        ),
      ),
    ).toBe('FORBIDDEN:role_exceeds_yours');
    // Refused before anything was written or queued.
    expect([await roleOf(tk, master.id), await roleOf(tk, crew.id), await roleOf(tk, admin.id)]).toEqual([
      'master',
      'crew',
      'admin',
    ]);
    expect((tk.kiosk.store.raw.prepare('SELECT COUNT(*) AS n FROM outbox').get() as { n: number }).n).toBe(
      outboxBefore,
    );

    expect(refusal(await call(tk.kiosk, 'admin.setRole', { userId: crew.id, roleId: roleId('officer') }, token))).toBe(
      'OK',
    );
    expect(await roleOf(tk, crew.id)).toBe('officer');
  });

  it('an administrator cannot demote herself, and the screen is told which roles she may give and whom she may change', async () => {
    const tk = await makeKiosk();
    const admin = demoPerson('admin');
    const token = await signIn(tk.kiosk, 'admin');
    expect(refusal(await call(tk.kiosk, 'admin.setRole', { userId: admin.id, roleId: roleId('staff') }, token))).toBe(
      'FORBIDDEN:own_role',
    );
    expect(await roleOf(tk, admin.id)).toBe('admin');

    const list = await call(tk.kiosk, 'admin.users', {}, token);
    if (!list.ok) throw new Error(list.error.message);
    const { users, roles } = list.value as {
      users: { id: string; changeable: boolean }[];
      roles: { code: string; grantable: boolean }[];
    };
    expect(users.find((u) => u.id === admin.id)?.changeable).toBe(false);
    expect(users.find((u) => u.id === demoPerson('staff').id)?.changeable).toBe(true);
    expect(roles.every((r) => r.grantable)).toBe(true);
  });
});
