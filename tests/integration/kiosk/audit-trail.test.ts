import { describe, expect, it } from 'vitest';
import type { Kiosk } from '../../../electron/core/kiosk.js';
import { roleId } from '../../../shared/ids.js';
import { advance, call, codeOf, demoPerson, makeKiosk, settle, signIn, WRONG_PIN } from '../../helpers/kiosk.js';

interface AuditRow {
  action: string;
  actor_user_id: string | null;
  subject_user_id: string | null;
  device_id: string;
  detail: string;
}

/** Audit rows written after `since` rows existed, in the order they were written. */
const auditSince = (kiosk: Kiosk, since: number) =>
  (
    kiosk.store.raw
      .prepare('SELECT action, actor_user_id, subject_user_id, device_id, detail FROM audit_log ORDER BY hlc, id')
      .all() as AuditRow[]
  ).slice(since);
const auditCount = (kiosk: Kiosk) =>
  (kiosk.store.raw.prepare('SELECT COUNT(*) AS n FROM audit_log').get() as { n: number }).n;
const brief = (r: AuditRow) => [r.action, r.actor_user_id, r.subject_user_id];

describe('audit trail of sign-in', () => {
  it('records failures, the lockout, sign-in, idle lock, unlock, a role change and sign-out, with who did what', async () => {
    const tk = await makeKiosk();
    const { kiosk } = tk;
    const since = auditCount(kiosk);
    const staff = demoPerson('staff');
    const manager = demoPerson('manager');
    const admin = demoPerson('admin');
    const waiter = demoPerson('waiter');

    for (let i = 0; i < 5; i++) await call(kiosk, 'auth.signIn', { userId: staff.id, pin: WRONG_PIN });
    const managerToken = await signIn(kiosk, 'manager');
    await advance(tk, 120_000);
    expect(codeOf(await call(kiosk, 'auth.unlock', { pin: manager.pin }, managerToken))).toBe('OK');
    const adminToken = await signIn(kiosk, 'admin');
    expect(
      codeOf(await call(kiosk, 'admin.setRole', { userId: waiter.id, roleId: roleId('kitchen') }, adminToken)),
    ).toBe('OK');
    expect(codeOf(await call(kiosk, 'auth.signOut', {}, adminToken))).toBe('OK');
    await settle(kiosk);

    const rows = auditSince(kiosk, since);
    expect(rows.map(brief)).toEqual([
      ['auth.sign_in_failed', null, staff.id],
      ['auth.sign_in_failed', null, staff.id],
      ['auth.sign_in_failed', null, staff.id],
      ['auth.sign_in_failed', null, staff.id],
      ['auth.sign_in_failed', null, staff.id],
      ['auth.lockout', null, staff.id],
      ['auth.sign_in', manager.id, manager.id],
      ['auth.idle_lock', manager.id, manager.id],
      ['auth.unlock', manager.id, manager.id],
      ['auth.sign_in', admin.id, admin.id],
      ['users.role_changed', admin.id, waiter.id],
      ['auth.sign_out', admin.id, admin.id],
    ]);
    expect(rows.slice(0, 5).map((r) => JSON.parse(r.detail))).toEqual(
      [1, 2, 3, 4, 5].map((failures) => ({ failures })),
    );
    expect(JSON.parse(rows[5].detail)).toEqual({
      lockedUntil: new Date(Date.parse('2026-11-22T09:15:00Z')).toISOString(),
    });
    expect(JSON.parse(rows[10].detail)).toEqual({ from: 'waiter', to: 'kitchen' });
    expect(new Set(rows.map((r) => r.device_id))).toEqual(new Set([kiosk.deviceId]));
  });

  it('shows the entries to a supervisor with names, newest first', async () => {
    const tk = await makeKiosk();
    const { kiosk } = tk;
    await advance(tk, 1000);
    await call(kiosk, 'auth.signIn', { userId: demoPerson('staff').id, pin: WRONG_PIN });
    await advance(tk, 1000);
    const token = await signIn(kiosk, 'manager');
    const r = await call(kiosk, 'audit.list', { limit: 2 }, token);
    expect(r).toMatchObject({
      ok: true,
      value: [
        {
          action: 'auth.sign_in',
          actorName: 'Camille Martin',
          subjectName: 'Camille Martin',
          deviceId: kiosk.deviceId,
        },
        { action: 'auth.sign_in_failed', actorName: null, subjectName: 'Emma Dubois', detail: { failures: 1 } },
      ],
    });
  });

  it('records the end of each expired session once, when several expire together', async () => {
    const tk = await makeKiosk();
    const tokens = [
      await signIn(tk.kiosk, 'manager'),
      await signIn(tk.kiosk, 'waiter'),
      await signIn(tk.kiosk, 'chef'),
    ];
    expect(tokens.length).toBe(3);
    const since = auditCount(tk.kiosk);
    const ended: string[] = [];
    tk.kiosk.events.subscribe((d) => {
      if (d.event.type === 'session.ended' && d.token) ended.push(d.token);
    });
    await advance(tk, 8 * 3_600_000);
    const expired = auditSince(tk.kiosk, since).filter((r) => r.action === 'auth.session_expired');
    expect(expired.map((r) => r.subject_user_id).sort()).toEqual(
      [demoPerson('manager').id, demoPerson('waiter').id, demoPerson('chef').id].sort(),
    );
    expect([...ended].sort()).toEqual([...tokens].sort());
  });

  it('records a sign-out once, and nothing for a token that is not a session', async () => {
    const { kiosk } = await makeKiosk();
    const token = await signIn(kiosk, 'manager');
    const since = auditCount(kiosk);
    await Promise.all([
      call(kiosk, 'auth.signOut', {}, token),
      call(kiosk, 'auth.signOut', {}, token),
      call(kiosk, 'auth.signOut', {}, 'forged'),
    ]);
    await settle(kiosk);
    expect(auditSince(kiosk, since).map((r) => r.action)).toEqual(['auth.sign_out']);
  });
});
