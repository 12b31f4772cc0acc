import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { demoUserId } from '../../../shared/demo.js';
import { newId, roleId } from '../../../shared/ids.js';
import { recordAuthEvent } from '../../../shared/mutations/audit.js';
import { setIdleLock } from '../../../shared/mutations/sites.js';
import { createUser, setUserPin } from '../../../shared/mutations/users.js';
import { PERMISSIONS } from '../../../shared/permissions.js';
import { cheapHashPin } from '../../helpers/kiosk.js';
import { outboxCounts, replicaDiff, statusOf } from '../../helpers/replicas.js';
import { enrolledKiosk, startService } from '../../helpers/sync.js';
import { PROXY_MODES, startTcpProxy, type ProxySetting } from '../../helpers/tcp-proxy.js';

const ALL = [...PERMISSIONS];

describe('a kiosk syncing through a link that drops, duplicates and delays', () => {
  it('applies every mutation exactly once in PostgreSQL and leaves nothing pending', async () => {
    const service = await startService();
    const proxy = await startTcpProxy(service.url);
    const { kiosk } = await enrolledKiosk(service, 'restaurant', { serverUrl: proxy.url });
    const admin = { userId: demoUserId('restaurant', 'Sophie Laurent'), permissions: ALL };
    // The kiosk believes this person may change settings and add people; the server knows better.
    const pretender = { userId: demoUserId('restaurant', 'Emma Dubois'), permissions: ALL };
    const device = { userId: null, permissions: [] };

    const auditIds: string[] = [];
    const refusedSeqs: number[] = [];
    const settings: ProxySetting[] = [];
    for (const mode of PROXY_MODES)
      for (const only of [undefined, '/v1/push', '/v1/pull']) settings.push({ mode, only, delayMs: 30 });
    let seed = 7;
    const rand = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;

    for (let round = 0; round < 60; round++) {
      for (let i = 1 + rand(5); i > 0; i--) {
        const kind = rand(10);
        const auditId = newId();
        if (kind < 6) {
          await kiosk.runner.run(
            recordAuthEvent,
            { id: auditId, action: 'auth.sign_in', subjectUserId: null, detail: { round } },
            device,
          );
        } else if (kind < 7) {
          await kiosk.runner.run(
            setUserPin,
            {
              userId: demoUserId('restaurant', 'Hugo Moreau'),
              pinHash: await cheapHashPin(String(1000 + round)),
              auditId,
            },
            admin,
          );
        } else if (kind < 8) {
          await kiosk.runner.run(
            createUser,
            {
              id: newId(),
              auditId,
              displayName: `Temp ${round}.${i}`,
              locale: 'en',
              pinHash: await cheapHashPin('2468'),
              roleId: roleId('waiter'),
            },
            admin,
          );
        } else if (kind < 9) {
          await kiosk.runner.run(setIdleLock, { seconds: 60 + round }, admin);
          continue;
        } else {
          refusedSeqs.push(await kiosk.runner.run(setIdleLock, { seconds: 30 }, pretender));
          continue;
        }
        auditIds.push(auditId);
      }
      proxy.set(settings[rand(settings.length)]);
      await kiosk.sync!.syncNow();
    }
    proxy.set({ mode: 'pass' });
    await kiosk.sync!.syncNow();
    await kiosk.sync!.syncNow();

    // Every fault happened, on pushes too.
    for (const mode of PROXY_MODES) expect(proxy.count(mode, '/v1/push'), `${mode} pushes`).toBeGreaterThan(0);

    const lastSeq = (kiosk.store.raw.prepare('SELECT MAX(seq) AS s FROM outbox').get() as { s: number }).s;
    const central = await sql<{
      id: string;
      n: number;
    }>`SELECT id::text, count(*)::int AS n FROM audit_log WHERE id = ANY(${auditIds}::uuid[]) GROUP BY id`.execute(
      service.db.admin,
    );
    expect(central.rows.length, 'audit entries lost').toBe(auditIds.length);
    expect(central.rows.filter((r) => r.n !== 1)).toEqual([]);
    const dev = await service.db.admin
      .selectFrom('devices')
      .select('last_seq')
      .where('id', '=', kiosk.deviceId)
      .executeTakeFirstOrThrow();
    expect(dev.last_seq).toBe(lastSeq);
    // Each seq was settled once: a second application would show as a second 'applied' (or as a
    // dead letter, an insert failing on its own earlier row).
    const m = service.app.sync.metrics;
    const settled = ['applied', 'rejected', 'dead'].map((status) =>
      m.get('shiftdeck_push_mutations_total', { status }),
    );
    expect(settled[0] + settled[1] + settled[2]).toBe(lastSeq);
    expect(settled[2]).toBe(0);
    expect(settled[1]).toBe(refusedSeqs.length);
    const failures = await sql<{ n: number }>`SELECT count(*)::int AS n FROM mutation_failures`.execute(
      service.db.admin,
    );
    expect(failures.rows[0].n).toBe(0);

    expect(outboxCounts(kiosk).pending ?? 0).toBe(0);
    const rejected = (
      kiosk.store.raw.prepare("SELECT seq FROM outbox WHERE status = 'rejected' ORDER BY seq").all() as {
        seq: number;
      }[]
    ).map((r) => r.seq);
    expect(rejected, 'refused mutations the kiosk shows as refused').toEqual(refusedSeqs);
    expect((await statusOf(kiosk)).conflictCount).toBe(refusedSeqs.length);
    expect(await replicaDiff(kiosk, service.db.admin)).toEqual([]);
  });

  it('a refusal whose answer was lost still shows as refused, and its rows are undone, after the resend', async () => {
    const service = await startService();
    const proxy = await startTcpProxy(service.url);
    const { kiosk } = await enrolledKiosk(service, 'restaurant', { serverUrl: proxy.url });
    const pretender = { userId: demoUserId('restaurant', 'Emma Dubois'), permissions: ALL };
    const userId = newId();
    const seq = await kiosk.runner.run(
      createUser,
      {
        id: userId,
        auditId: newId(),
        displayName: 'Not allowed',
        locale: 'en',
        pinHash: await cheapHashPin('2468'),
        roleId: roleId('waiter'),
      },
      pretender,
    );
    proxy.set({ mode: 'drop-response', only: '/v1/push' });
    await kiosk.sync!.syncNow();
    expect(proxy.count('drop-response', '/v1/push')).toBe(1);
    expect(outboxCounts(kiosk).pending).toBe(1);
    proxy.set({ mode: 'pass' });
    await kiosk.sync!.syncNow();

    expect(kiosk.store.raw.prepare('SELECT status FROM outbox WHERE seq = ?').get(seq)).toEqual({ status: 'rejected' });
    expect(kiosk.store.raw.prepare('SELECT id FROM users WHERE id = ?').get(userId)).toBeUndefined();
    expect((await statusOf(kiosk)).conflictCount).toBe(1);
    expect(await replicaDiff(kiosk, service.db.admin)).toEqual([]);
  });
});
