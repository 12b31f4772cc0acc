import { describe, expect, it } from 'vitest';
import { demoPerson, call, codeOf, makeKiosk, WRONG_PIN, advance } from '../../helpers/kiosk.js';
import type { Kiosk } from '../../../electron/core/kiosk.js';
import type { Result } from '../../../shared/errors.js';

const MINUTE = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();

const signInAs = (kiosk: Kiosk, role: string, pin = demoPerson(role).pin) =>
  call(kiosk, 'auth.signIn', { userId: demoPerson(role).id, pin });
const details = (r: Result<unknown>) => (r.ok ? undefined : r.error.details);

async function failFiveTimes(kiosk: Kiosk, role: string) {
  const out: Result<unknown>[] = [];
  for (let i = 0; i < 5; i++) out.push(await signInAs(kiosk, role, WRONG_PIN));
  return out;
}

const tileOf = async (kiosk: Kiosk, role: string) => {
  const r = await call(kiosk, 'auth.users', {});
  if (!r.ok) throw new Error(r.error.message);
  return (r.value as { id: string; lockedUntil: string | null }[]).find((t) => t.id === demoPerson(role).id)!;
};

describe('PIN sign-in', () => {
  it('signs a person in with the right PIN and returns their session', async () => {
    const { kiosk, clock } = await makeKiosk();
    const r = await signInAs(kiosk, 'manager');
    expect(r.ok).toBe(true);
    const s = (r as { ok: true; value: Record<string, unknown> }).value;
    expect(s).toMatchObject({
      user: {
        id: demoPerson('manager').id,
        displayName: 'Camille Martin',
        locale: 'fr',
        roleCode: 'manager',
        roleName: { en: 'Manager', fr: 'Gérant' },
      },
      state: 'active',
      startedAt: iso(clock.now()),
      expiresAt: iso(clock.now() + 8 * 60 * MINUTE),
      idleLockSeconds: 120,
    });
    expect((s.user as { permissions: string[] }).permissions).toContain('audit.view');
    expect(s.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const current = await call(kiosk, 'auth.session', {}, s.token as string);
    expect(current.ok && (current.value as { user: { id: string } }).user.id).toBe(demoPerson('manager').id);
  });

  it('answers a wrong PIN with PIN_INVALID and the tries left: 4, 3, 2, 1', async () => {
    const { kiosk } = await makeKiosk();
    const results = (await failFiveTimes(kiosk, 'staff')).slice(0, 4);
    expect(results.map(codeOf)).toEqual(['PIN_INVALID', 'PIN_INVALID', 'PIN_INVALID', 'PIN_INVALID']);
    expect(results.map(details)).toEqual([
      { attemptsLeft: 4 },
      { attemptsLeft: 3 },
      { attemptsLeft: 2 },
      { attemptsLeft: 1 },
    ]);
  });

  it('locks the person for 15 minutes on the fifth wrong PIN, even against the right PIN', async () => {
    const { kiosk, clock } = await makeKiosk();
    const fifth = (await failFiveTimes(kiosk, 'staff'))[4];
    const lockedUntil = iso(clock.now() + 15 * MINUTE);
    expect(codeOf(fifth)).toBe('USER_LOCKED');
    expect(details(fifth)).toEqual({ lockedUntil });
    const right = await signInAs(kiosk, 'staff');
    expect(codeOf(right)).toBe('USER_LOCKED');
    expect(details(right)).toEqual({ lockedUntil });
    expect((await tileOf(kiosk, 'staff')).lockedUntil).toBe(lockedUntil);
    // Only that person: the next one signs in as usual.
    expect(codeOf(await signInAs(kiosk, 'waiter'))).toBe('OK');
    expect((await tileOf(kiosk, 'waiter')).lockedUntil).toBeNull();
  });

  it('keeps the lock when the kiosk restarts on the same data dir', async () => {
    const tk = await makeKiosk();
    await failFiveTimes(tk.kiosk, 'staff');
    const lockedUntil = iso(tk.clock.now() + 15 * MINUTE);
    const restarted = await tk.reopen();
    const r = await signInAs(restarted.kiosk, 'staff');
    expect(codeOf(r)).toBe('USER_LOCKED');
    expect(details(r)).toEqual({ lockedUntil });
    expect((await tileOf(restarted.kiosk, 'staff')).lockedUntil).toBe(lockedUntil);
  });

  it('lets the right PIN in once the 15 minutes have passed, and then counts afresh', async () => {
    const tk = await makeKiosk();
    await failFiveTimes(tk.kiosk, 'staff');
    await advance(tk, 15 * MINUTE - 1);
    expect(codeOf(await signInAs(tk.kiosk, 'staff'))).toBe('USER_LOCKED');
    await advance(tk, 1);
    expect((await tileOf(tk.kiosk, 'staff')).lockedUntil).toBeNull();
    expect(codeOf(await signInAs(tk.kiosk, 'staff'))).toBe('OK');
    expect(details(await signInAs(tk.kiosk, 'staff', WRONG_PIN))).toEqual({ attemptsLeft: 4 });
  });

  it('starts a fresh count when a wrong PIN comes after the lock ran out', async () => {
    const tk = await makeKiosk();
    await failFiveTimes(tk.kiosk, 'staff');
    await advance(tk, 15 * MINUTE);
    const r = await signInAs(tk.kiosk, 'staff', WRONG_PIN);
    expect(codeOf(r)).toBe('PIN_INVALID');
    expect(details(r)).toEqual({ attemptsLeft: 4 });
  });

  it('clears the count on a right PIN', async () => {
    const { kiosk } = await makeKiosk();
    for (let i = 0; i < 4; i++) await signInAs(kiosk, 'staff', WRONG_PIN);
    expect(codeOf(await signInAs(kiosk, 'staff'))).toBe('OK');
    expect(details(await signInAs(kiosk, 'staff', WRONG_PIN))).toEqual({ attemptsLeft: 4 });
    expect(
      kiosk.store.raw
        .prepare('SELECT failures, locked_until FROM pin_attempts WHERE user_id = ?')
        .get(demoPerson('staff').id),
    ).toEqual({ failures: 1, locked_until: null });
  });

  it('refuses someone who has no role at this site with NOT_FOUND and counts nothing', async () => {
    const { kiosk } = await makeKiosk();
    const vesselMaster = demoPerson('master', 'vessel');
    const r = await call(kiosk, 'auth.signIn', { userId: vesselMaster.id, pin: vesselMaster.pin });
    expect(codeOf(r)).toBe('NOT_FOUND');
    expect(kiosk.store.raw.prepare('SELECT COUNT(*) AS n FROM pin_attempts').get()).toEqual({ n: 0 });
  });
});
