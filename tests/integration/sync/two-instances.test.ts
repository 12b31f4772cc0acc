import { describe, expect, it } from 'vitest';
import type { Kiosk } from '../../../electron/core/kiosk.js';
import { newId } from '../../../shared/ids.js';
import { recordAuthEvent } from '../../../shared/mutations/audit.js';
import { enrolledKiosk, siteOf, startService } from '../../helpers/sync.js';
import { startTcpProxy } from '../../helpers/tcp-proxy.js';

const has = (kiosk: Kiosk, id: string) =>
  kiosk.store.raw.prepare('SELECT 1 FROM audit_log WHERE id = ?').get(id) !== undefined;

/** Waits until `check` holds, up to `ms`; returns how long it took, or null. */
async function within(ms: number, check: () => boolean): Promise<number | null> {
  const t0 = Date.now();
  while (Date.now() - t0 < ms) {
    if (check()) return Date.now() - t0;
    await new Promise((r) => setTimeout(r, 5));
  }
  return check() ? Date.now() - t0 : null;
}

const event = (kiosk: Kiosk, id: string) =>
  kiosk.runner.run(
    recordAuthEvent,
    { id, action: 'auth.sign_in', subjectUserId: null, detail: {} },
    { userId: null, permissions: [] },
  );

describe('two sync service instances on one PostgreSQL', () => {
  it('a change pushed through one instance reaches a kiosk live-connected to the other without polling', async () => {
    const one = await startService({ listen: true });
    const two = await startService({ db: one.db, listen: true });
    // A third instance that does not LISTEN: its kiosk only hears of its own instance's writes.
    const deaf = await startService({ db: one.db, listen: false });
    // Live kiosks: they push right after a commit and pull on a poke; their poll is 60 s, so
    // within this test only a poke explains a pull.
    const { kiosk: a } = await enrolledKiosk(one, 'restaurant', { live: true });
    const { kiosk: b } = await enrolledKiosk(two, 'restaurant', { live: true });
    const { kiosk: c } = await enrolledKiosk(deaf, 'restaurant', { live: true });
    expect(
      await within(5000, () => one.hub.connected() === 1 && two.hub.connected() === 1 && deaf.hub.connected() === 1),
    ).not.toBeNull();

    const fromA = newId();
    await event(a, fromA);
    const took = await within(5000, () => has(b, fromA));
    expect(took, 'A → instance 1 → NOTIFY → instance 2 → B').not.toBeNull();
    console.log(`[two-instances] A to B across instances in ${took} ms`);

    const fromB = newId();
    await event(b, fromB);
    expect(await within(5000, () => has(a, fromB)), 'B → instance 2 → NOTIFY → instance 1 → A').not.toBeNull();

    // The instance without LISTEN never poked its kiosk: the test would see a missing NOTIFY path.
    await new Promise((r) => setTimeout(r, 300));
    expect(has(c, fromA) || has(c, fromB)).toBe(false);
    await c.sync!.syncNow();
    expect(has(c, fromA) && has(c, fromB)).toBe(true);
  });

  it('pokes each live kiosk once per change, not once directly and again through its own NOTIFY', async () => {
    const service = await startService({ listen: true });
    const proxy = await startTcpProxy(service.url);
    const { kiosk: a } = await enrolledKiosk(service, 'restaurant', { live: true });
    const { kiosk: b } = await enrolledKiosk(service, 'restaurant', { live: true, serverUrl: proxy.url });
    expect(await within(5000, () => service.hub.connected() === 2)).not.toBeNull();
    await new Promise((r) => setTimeout(r, 300));
    const before = proxy.count('pass', '/v1/pull');
    const CHANGES = 8;
    for (let i = 0; i < CHANGES; i++) {
      const id = newId();
      await event(a, id);
      expect(await within(5000, () => has(b, id))).not.toBeNull();
      // Let any second poke arrive and be acted on before the next change.
      await new Promise((r) => setTimeout(r, 150));
    }
    expect(proxy.count('pass', '/v1/pull') - before).toBe(CHANGES);
  });

  it('does not poke the kiosk whose push made the change: it pulls once, in its own sync cycle', async () => {
    const service = await startService({ listen: true });
    const proxy = await startTcpProxy(service.url);
    const { kiosk: a } = await enrolledKiosk(service, 'restaurant', { live: true, serverUrl: proxy.url });
    const { kiosk: b } = await enrolledKiosk(service, 'restaurant', { live: true });
    expect(await within(5000, () => service.hub.connected() === 2)).not.toBeNull();
    await new Promise((r) => setTimeout(r, 300));
    const pulls = proxy.count('pass', '/v1/pull');
    const pushes = proxy.count('pass', '/v1/push');
    const CHANGES = 6;
    for (let i = 0; i < CHANGES; i++) {
      const id = newId();
      await event(a, id);
      expect(await within(5000, () => has(b, id))).not.toBeNull();
      await new Promise((r) => setTimeout(r, 150));
    }
    expect(proxy.count('pass', '/v1/push') - pushes).toBe(CHANGES);
    expect(proxy.count('pass', '/v1/pull') - pulls).toBe(CHANGES);
  });

  it('an instance that does not LISTEN pokes its own kiosks with the site version its push took', async () => {
    const service = await startService({ listen: false });
    const { kiosk: a } = await enrolledKiosk(service, 'restaurant', { live: true });
    const { kiosk: b } = await enrolledKiosk(service, 'restaurant', { live: true });
    expect(await within(5000, () => service.hub.connected() === 2)).not.toBeNull();
    const id = newId();
    await event(a, id);
    expect(await within(5000, () => has(b, id)), 'B poked directly by the instance A pushed through').not.toBeNull();
    const { version } = await service.db.admin
      .selectFrom('site_versions')
      .select('version')
      .where('site_id', '=', siteOf('restaurant'))
      .executeTakeFirstOrThrow();
    expect(b.store.raw.prepare("SELECT value FROM meta WHERE key = 'sync.site_cursor'").get()).toEqual({
      value: String(version),
    });
  });
});
