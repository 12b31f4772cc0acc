import { describe, expect, it } from 'vitest';
import type { Kiosk } from '../../../electron/core/kiosk.js';
import type { MethodOutput } from '../../../shared/api/contract.js';
import { demoUserId } from '../../../shared/demo.js';
import { newId } from '../../../shared/ids.js';
import { renameUser } from '../../../shared/mutations/users.js';
import { setIdleLock } from '../../../shared/mutations/sites.js';
import { PERMISSIONS } from '../../../shared/permissions.js';
import { signIn } from '../../helpers/kiosk.js';
import { enrolledKiosk, startService } from '../../helpers/sync.js';

type Status = MethodOutput<'status.get'>;
const admin = { userId: demoUserId('restaurant', 'Sophie Laurent'), permissions: [...PERMISSIONS] };

async function queueThree(kiosk: Kiosk) {
  await kiosk.runner.run(setIdleLock, { seconds: 300 }, admin);
  await kiosk.runner.run(setIdleLock, { seconds: 240 }, admin);
  await kiosk.runner.run(
    renameUser,
    { userId: demoUserId('restaurant', 'Emma Dubois'), displayName: 'Emma D.', auditId: newId() },
    admin,
  );
}

const call = async (kiosk: Kiosk, method: 'status.get' | 'sync.now', token: string | null = null): Promise<Status> => {
  const r = await kiosk.dispatcher.dispatch(method, {}, token);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return method === 'sync.now' ? (r.value as MethodOutput<'sync.now'>).status : (r.value as Status);
};
const syncNow = async (kiosk: Kiosk, token: string) => {
  const r = await kiosk.dispatcher.dispatch('sync.now', {}, token);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as MethodOutput<'sync.now'>;
};

describe('the Sync screen tells the truth', () => {
  it('says what waits by kind, and why shore is not reached as a code, not "fetch failed"', async () => {
    const service = await startService();
    const { kiosk } = await enrolledKiosk(service, 'restaurant');
    const manager = await signIn(kiosk, 'manager');
    await call(kiosk, 'sync.now', manager);
    await service.close();
    await queueThree(kiosk);
    const { succeeded, status: s } = await syncNow(kiosk, manager);
    expect(succeeded).toBe(false);
    expect(s.pendingCount).toBe(3);
    expect(s.pendingByKind).toEqual([
      { kind: 'people', count: 1 },
      { kind: 'settings', count: 2 },
    ]);
    expect(s.links).toEqual([
      expect.objectContaining({
        id: 'shore',
        address: new URL(service.url).host,
        online: false,
        lastErrorCode: 'unreachable',
        lastErrorAt: expect.any(String),
        lastSuccessAt: expect.any(String),
      }),
    ]);
  });

  it('Sync now pushes what waits and answers the status after it, with the last success of the link', async () => {
    const service = await startService();
    const { kiosk } = await enrolledKiosk(service, 'restaurant');
    const manager = await signIn(kiosk, 'manager');
    const firstSuccess = (await call(kiosk, 'status.get')).links[0].lastSuccessAt;
    await queueThree(kiosk);
    expect((await call(kiosk, 'status.get')).pendingCount).toBeGreaterThanOrEqual(3);
    const { succeeded, status: s } = await syncNow(kiosk, manager);
    expect(succeeded).toBe(true);
    expect(s.pendingCount).toBe(0);
    expect(s.pendingByKind).toEqual([]);
    expect(s.links[0]).toMatchObject({ online: true, lastErrorCode: null });
    expect(s.links[0].lastSuccessAt).not.toBe(firstSuccess);
    // Staff without sync.view may not trigger it.
    const staff = await signIn(kiosk, 'staff');
    const refused = await kiosk.dispatcher.dispatch('sync.now', {}, staff);
    expect(!refused.ok && refused.error.code).toBe('FORBIDDEN');
  });
});

describe('the last success of a link', () => {
  it('survives a restart of the kiosk', async () => {
    const service = await startService();
    const { kiosk, dataDir } = await enrolledKiosk(service, 'restaurant');
    await kiosk.sync!.syncNow();
    const before = (await call(kiosk, 'status.get')).links[0].lastSuccessAt;
    expect(before).not.toBeNull();
    await kiosk.close();
    await service.close();
    const { kiosk: again } = await enrolledKiosk(service, 'restaurant', { dataDir });
    expect((await call(again, 'status.get')).links[0].lastSuccessAt).toBe(before);
  });
});
