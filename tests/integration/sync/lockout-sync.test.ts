import { describe, expect, it } from 'vitest';
import type { Kiosk } from '../../../electron/core/kiosk.js';
import type { Result } from '../../../shared/errors.js';
import { demoPerson, WRONG_PIN } from '../../helpers/kiosk.js';
import { enrolledKiosk, startService } from '../../helpers/sync.js';

const signIn = (k: Kiosk, userId: string, pin: string) => k.dispatcher.dispatch('auth.signIn', { userId, pin }, null);
const code = (r: Result<unknown>) => (r.ok ? 'OK' : r.error.code);
const tileOf = async (k: Kiosk, userId: string) => {
  const r = await k.dispatcher.dispatch('auth.users', {}, null);
  if (!r.ok) throw new Error(r.error.message);
  return (r.value as { id: string; lockedUntil: string | null }[]).find((t) => t.id === userId)!;
};

describe('a PIN lockout reaches every kiosk of the site', () => {
  it('five wrong PINs on the galley kiosk lock the person on the bridge kiosk once the failures sync', async () => {
    const service = await startService();
    const { kiosk: galley } = await enrolledKiosk(service, 'restaurant');
    const { kiosk: bridge } = await enrolledKiosk(service, 'restaurant');
    const emma = demoPerson('staff');
    for (let i = 0; i < 4; i++) expect(code(await signIn(galley, emma.id, WRONG_PIN))).toBe('PIN_INVALID');
    expect(code(await signIn(galley, emma.id, WRONG_PIN))).toBe('USER_LOCKED');
    await galley.sync!.syncNow();
    await bridge.sync!.syncNow();

    expect((await tileOf(bridge, emma.id)).lockedUntil).not.toBeNull();
    const r = await signIn(bridge, emma.id, emma.pin);
    expect(code(r)).toBe('USER_LOCKED');
    expect(!r.ok && r.error.details?.lockedUntil).toBe((await tileOf(galley, emma.id)).lockedUntil);
  });

  it('wrong PINs count across kiosks: three on one and two on another lock the person on both', async () => {
    const service = await startService();
    const { kiosk: a } = await enrolledKiosk(service, 'restaurant');
    const { kiosk: b } = await enrolledKiosk(service, 'restaurant');
    const chef = demoPerson('chef');
    for (let i = 0; i < 3; i++) expect(code(await signIn(a, chef.id, WRONG_PIN))).toBe('PIN_INVALID');
    await a.sync!.syncNow();
    await b.sync!.syncNow();
    const fourth = await signIn(b, chef.id, WRONG_PIN);
    expect(!fourth.ok && fourth.error.details?.attemptsLeft).toBe(1);
    expect(code(await signIn(b, chef.id, WRONG_PIN))).toBe('USER_LOCKED');
    await b.sync!.syncNow();
    await a.sync!.syncNow();
    expect(code(await signIn(a, chef.id, chef.pin))).toBe('USER_LOCKED');
  });
});
