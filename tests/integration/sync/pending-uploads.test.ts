import Database from 'better-sqlite3';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { Kiosk } from '../../../electron/core/kiosk.js';
import { demoUserId } from '../../../shared/demo.js';
import { newId, roleId } from '../../../shared/ids.js';
import { recordAuthEvent } from '../../../shared/mutations/audit.js';
import { setIdleLock } from '../../../shared/mutations/sites.js';
import { createUser, setUserPin } from '../../../shared/mutations/users.js';
import { PERMISSIONS } from '../../../shared/permissions.js';
import { cheapHashPin, dbFile } from '../../helpers/kiosk.js';
import { outboxCounts, replicaDiff, statusOf } from '../../helpers/replicas.js';
import { enrolledKiosk, startService } from '../../helpers/sync.js';
import { startTcpProxy } from '../../helpers/tcp-proxy.js';

const admin = { userId: demoUserId('restaurant', 'Sophie Laurent'), permissions: [...PERMISSIONS] };
const device = { userId: null, permissions: [] };
const idleLock = (kiosk: Kiosk) =>
  (kiosk.store.raw.prepare('SELECT idle_lock_seconds AS s FROM sites').get() as { s: number }).s;
const pinOf = (kiosk: Kiosk, userId: string) =>
  (kiosk.store.raw.prepare('SELECT pin_hash FROM users WHERE id = ?').get(userId) as { pin_hash: string }).pin_hash;

describe('downloads while uploads are pending', () => {
  it('keep applying on a kiosk whose pushes fail, and never show an older server value over its own pending edit', async () => {
    const service = await startService();
    const proxy = await startTcpProxy(service.url);
    const { kiosk: a, dataDir } = await enrolledKiosk(service, 'restaurant', { serverUrl: proxy.url });
    const { kiosk: b } = await enrolledKiosk(service, 'restaurant');
    const hugo = demoUserId('restaurant', 'Hugo Moreau');

    // A's uploads fail from here on; its downloads go through.
    proxy.set({ mode: 'drop-request', only: '/v1/push' });
    await a.runner.run(setIdleLock, { seconds: 300 }, admin);
    const pinA = await cheapHashPin('1357');
    await a.runner.run(setUserPin, { userId: hugo, pinHash: pinA, auditId: newId() }, admin);
    // More pending than one push batch.
    await a.runner.runBatch(
      Array.from({ length: 700 }, () => ({
        def: recordAuthEvent,
        args: { id: newId(), action: 'auth.sign_in', subjectUserId: null, detail: {} },
      })),
      device,
    );

    // Someone who sees A's site through a plain read connection, like a second process would.
    const reader = new Database(dbFile(dataDir), { readonly: true });
    onTestFinished(() => void reader.close());
    const seen = new Set<number>();
    let watching = true;
    const watch = (async () => {
      while (watching) {
        seen.add((reader.prepare('SELECT idle_lock_seconds AS s FROM sites').get() as { s: number }).s);
        await new Promise((r) => setImmediate(r));
      }
    })();

    const bIds: string[] = [];
    let lastPinB = '';
    for (let round = 0; round < 5; round++) {
      // B changes the same setting and the same person, and adds people and entries; it pushes fine.
      await b.runner.run(setIdleLock, { seconds: 600 + round }, admin);
      lastPinB = await cheapHashPin(String(2000 + round));
      await b.runner.run(setUserPin, { userId: hugo, pinHash: lastPinB, auditId: newId() }, admin);
      const id = newId();
      bIds.push(id);
      await b.runner.run(
        createUser,
        {
          id,
          auditId: newId(),
          displayName: `New ${round}`,
          locale: 'en',
          pinHash: await cheapHashPin('2468'),
          roleId: roleId('waiter'),
        },
        admin,
      );
      expect((await b.sync!.syncNow())?.pushed).toBe(3);

      await a.sync!.syncNow();
      // B's people arrived at A...
      for (const got of bIds) expect(a.store.raw.prepare('SELECT 1 FROM users WHERE id = ?').get(got)).toBeDefined();
      // ...while A's own edits, still unsent, stay on top of B's older server rows.
      expect(idleLock(a)).toBe(300);
      expect(pinOf(a, hugo)).toBe(pinA);
    }
    watching = false;
    await watch;
    expect([...seen]).toEqual([300]);
    const status = await statusOf(a);
    expect(status.pendingCount).toBe(702);
    expect(status.lastError).not.toBeNull();
    expect(proxy.count('drop-request', '/v1/push')).toBe(5);
    expect(proxy.count('pass', '/v1/pull')).toBeGreaterThanOrEqual(5);

    // The link heals: A's edits are committed after B's but were made before them, so B's
    // values stay everywhere and A's two edits become conflicts for a supervisor.
    proxy.set({ mode: 'pass' });
    await a.sync!.syncNow();
    await b.sync!.syncNow();
    for (const k of [a, b]) {
      expect(outboxCounts(k)).not.toHaveProperty('pending');
      expect(idleLock(k)).toBe(604);
      expect(pinOf(k, hugo)).toBe(lastPinB);
      expect(await replicaDiff(k, service.db.admin)).toEqual([]);
    }
    expect((await statusOf(a)).conflictCount).toBe(2);
  });

  it('reach a kiosk that never stops writing: a sync cycle pushes what was queued when it began, then pulls', async () => {
    const service = await startService();
    const { kiosk: a } = await enrolledKiosk(service, 'restaurant');
    const { kiosk: b } = await enrolledKiosk(service, 'restaurant');
    const fromB = newId();
    await b.runner.run(recordAuthEvent, { id: fromB, action: 'auth.sign_in', subjectUserId: null, detail: {} }, device);
    await b.sync!.syncNow();

    // A writes an entry every few milliseconds, all the while, like a busy till.
    let writing = true;
    let written = 0;
    const writer = (async () => {
      while (writing) {
        await a.runner.run(
          recordAuthEvent,
          { id: newId(), action: 'auth.sign_out', subjectUserId: null, detail: {} },
          device,
        );
        written++;
        await new Promise((r) => setTimeout(r, 2));
      }
    })();
    try {
      await new Promise((r) => setTimeout(r, 50));
      const cycle = a.sync!.syncNow();
      const ended = await Promise.race([
        cycle.then(() => true),
        new Promise((r) => setTimeout(r, 5000)).then(() => false),
      ]);
      expect(ended, 'the sync cycle never ended while the kiosk kept writing').toBe(true);
      expect(a.store.raw.prepare('SELECT 1 FROM audit_log WHERE id = ?').get(fromB)).toBeDefined();
    } finally {
      writing = false;
      await writer;
    }
    expect(written).toBeGreaterThan(10);
    await a.sync!.syncNow();
    expect(outboxCounts(a)).not.toHaveProperty('pending');
  });
});
