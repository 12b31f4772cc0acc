import { describe, expect, it } from 'vitest';
import type { Delivery } from '../../../electron/core/events.js';
import type { Kiosk } from '../../../electron/core/kiosk.js';
import { advance, call, codeOf, demoPerson, makeKiosk, settle, signIn, WRONG_PIN } from '../../helpers/kiosk.js';

const SECOND = 1000;
const HOUR = 3_600_000;

/** Session events (locked, ended) the core sends, with the token each was addressed to. */
function sessionEvents(kiosk: Kiosk) {
  const seen: Delivery[] = [];
  kiosk.events.subscribe((d) => {
    if (d.event.type === 'session.locked' || d.event.type === 'session.ended') seen.push(d);
  });
  return seen;
}

const sessionState = async (kiosk: Kiosk, token: string) => {
  const r = await call(kiosk, 'auth.session', {}, token);
  return r.ok ? ((r.value as { state: string } | null)?.state ?? 'none') : r.error.code;
};

describe('session lifecycle', () => {
  it("locks after the site's idle time (120 s by default) and says so to that session only", async () => {
    const tk = await makeKiosk();
    const seen = sessionEvents(tk.kiosk);
    const manager = await signIn(tk.kiosk, 'manager');
    await advance(tk, 60 * SECOND);
    const waiter = await signIn(tk.kiosk, 'waiter');
    await advance(tk, 59 * SECOND);
    expect(await sessionState(tk.kiosk, manager)).toBe('active');
    expect(seen).toEqual([]);
    await advance(tk, 1 * SECOND);
    expect(seen).toEqual([{ event: { type: 'session.locked', reason: 'idle' }, token: manager }]);
    expect(await sessionState(tk.kiosk, manager)).toBe('locked');
    expect(codeOf(await call(tk.kiosk, 'home.areas', {}, manager))).toBe('SESSION_LOCKED');
    // The waiter, idle for only 60 s, carries on.
    expect(codeOf(await call(tk.kiosk, 'home.areas', {}, waiter))).toBe('OK');
  });

  it('locks on the next call too when no sweep has run yet', async () => {
    const tk = await makeKiosk();
    const token = await signIn(tk.kiosk, 'manager');
    tk.clock.set(tk.clock.now() + 120 * SECOND);
    expect(codeOf(await call(tk.kiosk, 'home.areas', {}, token))).toBe('SESSION_LOCKED');
  });

  it('stays open while the person keeps using it', async () => {
    const tk = await makeKiosk();
    const token = await signIn(tk.kiosk, 'manager');
    for (let i = 0; i < 10; i++) {
      await advance(tk, 100 * SECOND);
      expect(codeOf(await call(tk.kiosk, 'auth.activity', {}, token))).toBe('OK');
    }
    expect(await sessionState(tk.kiosk, token)).toBe('active');
  });

  it("uses the site's own idle time once an administrator changes it", async () => {
    const tk = await makeKiosk();
    const admin = await signIn(tk.kiosk, 'admin');
    expect(codeOf(await call(tk.kiosk, 'admin.setIdleLock', { seconds: 30 }, admin))).toBe('OK');
    const token = await signIn(tk.kiosk, 'manager');
    expect(await call(tk.kiosk, 'auth.session', {}, token)).toMatchObject({ ok: true, value: { idleLockSeconds: 30 } });
    await advance(tk, 29 * SECOND);
    expect(await sessionState(tk.kiosk, token)).toBe('active');
    await advance(tk, 1 * SECOND);
    expect(await sessionState(tk.kiosk, token)).toBe('locked');
  });

  it("unlocks with the owner's PIN and no one else's", async () => {
    const tk = await makeKiosk();
    const token = await signIn(tk.kiosk, 'manager');
    await advance(tk, 120 * SECOND);
    const wrong = await call(tk.kiosk, 'auth.unlock', { pin: WRONG_PIN }, token);
    expect(wrong).toMatchObject({ ok: false, error: { code: 'PIN_INVALID', details: { attemptsLeft: 4 } } });
    const someoneElse = await call(tk.kiosk, 'auth.unlock', { pin: demoPerson('admin').pin }, token);
    expect(codeOf(someoneElse)).toBe('PIN_INVALID');
    expect(await sessionState(tk.kiosk, token)).toBe('locked');
    const r = await call(tk.kiosk, 'auth.unlock', { pin: demoPerson('manager').pin }, token);
    expect(r).toMatchObject({ ok: true, value: { token, state: 'active' } });
    expect(codeOf(await call(tk.kiosk, 'home.areas', {}, token))).toBe('OK');
  });

  it('refuses to unlock without a session', async () => {
    const { kiosk } = await makeKiosk();
    expect(codeOf(await call(kiosk, 'auth.unlock', { pin: demoPerson('manager').pin }, null))).toBe('UNAUTHENTICATED');
    expect(codeOf(await call(kiosk, 'auth.unlock', { pin: demoPerson('manager').pin }, 'forged-token'))).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('ends a session after 8 hours with SESSION_EXPIRED, however busy it was', async () => {
    const tk = await makeKiosk();
    const token = await signIn(tk.kiosk, 'manager');
    for (let t = 0; t < 8 * HOUR - 60 * SECOND; t += 60 * SECOND) {
      tk.clock.set(tk.clock.now() + 60 * SECOND);
      expect(codeOf(await call(tk.kiosk, 'auth.activity', {}, token))).toBe('OK');
    }
    tk.clock.set(tk.clock.now() + 60 * SECOND);
    expect(codeOf(await call(tk.kiosk, 'auth.activity', {}, token))).toBe('SESSION_EXPIRED');
    expect(codeOf(await call(tk.kiosk, 'auth.activity', {}, token))).toBe('UNAUTHENTICATED');
  });

  it('tells the session it ended when the periodic check finds it expired', async () => {
    const tk = await makeKiosk();
    const seen = sessionEvents(tk.kiosk);
    const token = await signIn(tk.kiosk, 'manager');
    await advance(tk, 8 * HOUR);
    expect(seen.filter((d) => d.event.type === 'session.ended')).toEqual([
      { event: { type: 'session.ended', reason: 'expired' }, token },
    ]);
    expect(await sessionState(tk.kiosk, token)).toBe('none');
    expect(codeOf(await call(tk.kiosk, 'home.areas', {}, token))).toBe('UNAUTHENTICATED');
  });

  it('signs out: the token stops working and the session is told', async () => {
    const tk = await makeKiosk();
    const seen = sessionEvents(tk.kiosk);
    const token = await signIn(tk.kiosk, 'manager');
    expect(codeOf(await call(tk.kiosk, 'auth.signOut', {}, token))).toBe('OK');
    await settle(tk.kiosk);
    expect(seen).toEqual([{ event: { type: 'session.ended', reason: 'signed_out' }, token }]);
    expect(codeOf(await call(tk.kiosk, 'home.areas', {}, token))).toBe('UNAUTHENTICATED');
    expect(await sessionState(tk.kiosk, token)).toBe('none');
  });
});
