import { describe, expect, it } from 'vitest';
import type { Result } from '../../../shared/errors.js';
import { roleId } from '../../../shared/ids.js';
import { anonymisedName } from '../../../shared/people/mutations.js';
import { auditActions, call, codeOf, demoPerson, makeKiosk, signIn, WRONG_PIN } from '../../helpers/kiosk.js';

const reason = (r: Result<unknown>) => (r.ok ? 'OK' : `${r.error.code}:${String(r.error.details?.reason ?? '')}`);
const value = <T>(r: Result<unknown>): T => {
  if (!r.ok) throw new Error(`${r.error.code} ${r.error.message}`);
  return r.value as T;
};
type Listed = {
  people: { id: string; displayName: string; active: boolean; mustChangePin: boolean; anonymised: boolean }[];
};

describe('people management on the kiosk', () => {
  it('creates a person who signs in; deactivated they cannot, reactivated they can; a PIN in use at the site is refused', async () => {
    const tk = await makeKiosk();
    const admin = await signIn(tk.kiosk, 'admin');
    // Camille (manager) has 1111: refused, and nothing was written.
    const before = auditActions(tk.kiosk).length;
    const taken = await call(
      tk.kiosk,
      'people.create',
      { displayName: 'Jade Blanc', locale: 'fr', pin: '1111', roleId: roleId('waiter') },
      admin,
    );
    expect(reason(taken)).toBe('CONFLICT:pin_in_use');
    expect(!taken.ok && taken.error.details?.field).toBe('pin');
    expect(auditActions(tk.kiosk).length).toBe(before);

    const { id } = value<{ id: string }>(
      await call(
        tk.kiosk,
        'people.create',
        { displayName: 'Jade Blanc', locale: 'fr', pin: '5678', roleId: roleId('waiter') },
        admin,
      ),
    );
    expect(codeOf(await call(tk.kiosk, 'auth.signIn', { userId: id, pin: '5678' }))).toBe('OK');

    expect(codeOf(await call(tk.kiosk, 'people.setActive', { userId: id, active: false }, admin))).toBe('OK');
    expect(codeOf(await call(tk.kiosk, 'auth.signIn', { userId: id, pin: '5678' }))).toBe('NOT_FOUND');
    const tiles = value<{ id: string }[]>(await call(tk.kiosk, 'auth.users', {}));
    expect(tiles.map((t) => t.id)).not.toContain(id);
    const listed = value<Listed>(await call(tk.kiosk, 'people.list', {}, admin));
    expect(listed.people.find((p) => p.id === id)).toMatchObject({ active: false, displayName: 'Jade Blanc' });

    expect(codeOf(await call(tk.kiosk, 'people.setActive', { userId: id, active: true }, admin))).toBe('OK');
    expect(codeOf(await call(tk.kiosk, 'auth.signIn', { userId: id, pin: '5678' }))).toBe('OK');
    expect(auditActions(tk.kiosk)).toEqual(
      expect.arrayContaining(['users.created', 'users.deactivated', 'users.reactivated']),
    );
  });

  it('edits name and language, and unlocks a locked-out person', async () => {
    const tk = await makeKiosk();
    const admin = await signIn(tk.kiosk, 'admin');
    const emma = demoPerson('staff');
    expect(
      codeOf(await call(tk.kiosk, 'people.update', { userId: emma.id, displayName: 'Emma D.', locale: 'fr' }, admin)),
    ).toBe('OK');
    const row = tk.kiosk.store.raw.prepare('SELECT display_name, locale FROM users WHERE id = ?').get(emma.id);
    expect(row).toEqual({ display_name: 'Emma D.', locale: 'fr' });

    for (let i = 0; i < 5; i++) await call(tk.kiosk, 'auth.signIn', { userId: emma.id, pin: WRONG_PIN });
    expect(codeOf(await call(tk.kiosk, 'auth.signIn', { userId: emma.id, pin: emma.pin }))).toBe('USER_LOCKED');
    expect(codeOf(await call(tk.kiosk, 'people.unlock', { userId: emma.id }, admin))).toBe('OK');
    expect(codeOf(await call(tk.kiosk, 'auth.signIn', { userId: emma.id, pin: emma.pin }))).toBe('OK');
  });

  it('resets a PIN to a temporary one the person replaces at sign-in; earlier PINs are refused', async () => {
    const tk = await makeKiosk();
    const admin = await signIn(tk.kiosk, 'admin');
    const hugo = demoPerson('waiter');
    expect(
      codeOf(await call(tk.kiosk, 'people.resetPin', { userId: hugo.id, pin: '80808', mustChange: true }, admin)),
    ).toBe('OK');
    expect(codeOf(await call(tk.kiosk, 'auth.signIn', { userId: hugo.id, pin: hugo.pin }))).toBe('PIN_INVALID');
    const session = value<{ token: string; user: { mustChangePin: boolean } }>(
      await call(tk.kiosk, 'auth.signIn', { userId: hugo.id, pin: '80808' }),
    );
    expect(session.user.mustChangePin).toBe(true);
    // Neither the temporary PIN nor the one before it may come back.
    expect(reason(await call(tk.kiosk, 'people.changeOwnPin', { pin: '80808' }, session.token))).toBe(
      'CONFLICT:pin_reused',
    );
    expect(reason(await call(tk.kiosk, 'people.changeOwnPin', { pin: hugo.pin }, session.token))).toBe(
      'CONFLICT:pin_reused',
    );
    expect(codeOf(await call(tk.kiosk, 'people.changeOwnPin', { pin: '2468' }, session.token))).toBe('OK');
    const after = value<{ user: { mustChangePin: boolean } }>(await call(tk.kiosk, 'auth.session', {}, session.token));
    expect(after.user.mustChangePin).toBe(false);
    expect(codeOf(await call(tk.kiosk, 'auth.signIn', { userId: hugo.id, pin: '2468' }))).toBe('OK');
    expect(
      reason(await call(tk.kiosk, 'people.resetPin', { userId: hugo.id, pin: hugo.pin, mustChange: false }, admin)),
    ).toBe('CONFLICT:pin_reused');
  });

  it("nobody resets the PIN of someone above them, nor their own through the administrator's tools", async () => {
    const tk = await makeKiosk({ siteKey: 'vessel' });
    const master = await signIn(tk.kiosk, 'master', 'vessel');
    const admin = demoPerson('admin', 'vessel');
    const r = await call(tk.kiosk, 'people.resetPin', { userId: admin.id, pin: '12121', mustChange: false }, master);
    expect(codeOf(r)).toBe('FORBIDDEN');
    expect(codeOf(await call(tk.kiosk, 'auth.signIn', { userId: admin.id, pin: admin.pin }))).toBe('OK');
    const self = demoPerson('master', 'vessel');
    expect(codeOf(await call(tk.kiosk, 'people.setActive', { userId: self.id, active: false }, master))).toBe(
      'FORBIDDEN',
    );
    const crew = demoPerson('crew', 'vessel');
    expect(codeOf(await call(tk.kiosk, 'people.unlock', { userId: crew.id }, master))).toBe('OK');
  });

  it('anonymises a former person (name replaced, history kept) and exports a person as JSON without PIN hashes', async () => {
    const tk = await makeKiosk();
    const admin = await signIn(tk.kiosk, 'admin');
    const lea = demoPerson('trainee');
    await signIn(tk.kiosk, 'trainee');

    const exported = value<{ person: Record<string, unknown>; tables: Record<string, Record<string, unknown>[]> }>(
      await call(tk.kiosk, 'people.export', { userId: lea.id }, admin),
    );
    expect(exported.person).toMatchObject({ id: lea.id, display_name: lea.name });
    expect(exported.person).not.toHaveProperty('pin_hash');
    expect(exported.tables.user_roles.map((r) => r.role_id)).toEqual([roleId('trainee')]);
    expect(exported.tables.audit_log.map((r) => r.action)).toEqual(
      expect.arrayContaining(['users.created', 'auth.sign_in']),
    );
    expect(JSON.stringify(exported)).not.toContain('scrypt$');

    expect(reason(await call(tk.kiosk, 'people.anonymise', { userId: lea.id }, admin))).toBe('CONFLICT:active');
    await call(tk.kiosk, 'people.setActive', { userId: lea.id, active: false }, admin);
    const auditBefore = (
      tk.kiosk.store.raw.prepare('SELECT COUNT(*) AS n FROM audit_log WHERE subject_user_id = ?').get(lea.id) as {
        n: number;
      }
    ).n;
    expect(codeOf(await call(tk.kiosk, 'people.anonymise', { userId: lea.id }, admin))).toBe('OK');
    const listed = value<Listed>(await call(tk.kiosk, 'people.list', {}, admin));
    expect(listed.people.find((p) => p.id === lea.id)).toMatchObject({
      displayName: anonymisedName(lea.id),
      anonymised: true,
      active: false,
    });
    expect(JSON.stringify(listed)).not.toContain(lea.name);
    const auditAfter = (
      tk.kiosk.store.raw.prepare('SELECT COUNT(*) AS n FROM audit_log WHERE subject_user_id = ?').get(lea.id) as {
        n: number;
      }
    ).n;
    expect(auditAfter).toBe(auditBefore + 1);
    expect(reason(await call(tk.kiosk, 'people.setActive', { userId: lea.id, active: true }, admin))).toBe(
      'CONFLICT:anonymised',
    );
  });
});
