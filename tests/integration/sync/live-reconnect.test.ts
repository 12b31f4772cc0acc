import { describe, expect, it } from 'vitest';
import type { Kiosk } from '../../../electron/core/kiosk.js';
import { newId } from '../../../shared/ids.js';
import { recordAuthEvent } from '../../../shared/mutations/audit.js';
import { outboxCounts, statusOf } from '../../helpers/replicas.js';
import { enrolledKiosk, startService } from '../../helpers/sync.js';
import { startTcpProxy } from '../../helpers/tcp-proxy.js';

const event = (kiosk: Kiosk, id: string) =>
  kiosk.runner.run(
    recordAuthEvent,
    { id, action: 'auth.sign_in', subjectUserId: null, detail: {} },
    { userId: null, permissions: [] },
  );
const has = (kiosk: Kiosk, id: string) =>
  kiosk.store.raw.prepare('SELECT 1 FROM audit_log WHERE id = ?').get(id) !== undefined;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(check: () => boolean | Promise<boolean>, ms = 8000): Promise<boolean> {
  const t0 = Date.now();
  while (Date.now() - t0 < ms) {
    if (await check()) return true;
    await sleep(10);
  }
  return check();
}

describe('the live link', () => {
  it('goes down, retries with growing delays while the kiosk works offline, comes back, catches up both ways and takes pokes again', async () => {
    const service = await startService();
    const proxy = await startTcpProxy(service.url);
    // The jitter fixed at a tenth of each ceiling: retries after 100, 200, 400, 800 ms...
    const { kiosk: a } = await enrolledKiosk(service, 'restaurant', {
      serverUrl: proxy.url,
      live: true,
      random: () => 0.1,
    });
    const { kiosk: b } = await enrolledKiosk(service, 'restaurant');
    expect(await until(() => service.hub.connected() === 1)).toBe(true);

    // The link goes down: every connection cut, every new one refused.
    proxy.set({ mode: 'drop-request' });
    proxy.reset();
    expect(await until(async () => !(await statusOf(a)).online)).toBe(true);
    const offline = newId();
    await event(a, offline);
    const fromB = newId();
    await event(b, fromB);
    await b.sync!.syncNow();
    await sleep(1600);
    const retries = proxy.count('drop-request', '/v1/live');
    // About four tries in 1.6 s (100 + 200 + 400 + 800 ms), not a tight loop.
    expect(retries).toBeGreaterThanOrEqual(2);
    expect(retries).toBeLessThanOrEqual(6);
    expect(has(a, offline)).toBe(true);
    expect(outboxCounts(a).pending).toBe(1);

    // Back up: the next retry connects, and the kiosk syncs at once.
    proxy.set({ mode: 'pass' });
    expect(
      await until(() => has(a, fromB) && service.hub.connected() === 1),
      'caught up after the link came back',
    ).toBe(true);
    expect(await until(() => !outboxCounts(a).pending)).toBe(true);
    expect((await statusOf(a)).online).toBe(true);

    // Pokes reach it again: a change from B arrives without A polling (its poll is 60 s).
    const later = newId();
    await event(b, later);
    await b.sync!.syncNow();
    expect(await until(() => has(a, later), 5000)).toBe(true);
  });
});
