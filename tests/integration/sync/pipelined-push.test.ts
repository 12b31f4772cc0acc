import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Kiosk } from '../../../electron/core/kiosk.js';
import { newId } from '../../../shared/ids.js';
import { recordAuthEvent } from '../../../shared/mutations/audit.js';
import { MAX_PUSH_MUTATIONS } from '../../../shared/sync/protocol.js';
import { outboxCounts, replicaDiff } from '../../helpers/replicas.js';
import { enrolledKiosk, startService, type TestService } from '../../helpers/sync.js';
import { startTcpProxy, type ProxyMode } from '../../helpers/tcp-proxy.js';

const device = { userId: null, permissions: [] };

/** Queues `n` audit entries on the kiosk in one transaction; returns their ids. */
async function queueAudit(kiosk: Kiosk, n: number): Promise<string[]> {
  const ids = Array.from({ length: n }, () => newId());
  await kiosk.runner.runBatch(
    ids.map((id, i) => ({
      def: recordAuthEvent,
      args: { id, action: 'auth.sign_in' as const, subjectUserId: null, detail: { i } },
    })),
    device,
  );
  return ids;
}

/** Each id's count of rows in PostgreSQL, for ids not there exactly once. */
async function notExactlyOnce(service: TestService, ids: string[]): Promise<{ id: string; n: number }[]> {
  const res = await sql<{
    id: string;
    n: number;
  }>`SELECT id::text, count(*)::int AS n FROM audit_log WHERE id = ANY(${ids}::uuid[]) GROUP BY id`.execute(
    service.db.admin,
  );
  const seen = new Map(res.rows.map((r) => [r.id, r.n]));
  return ids.map((id) => ({ id, n: seen.get(id) ?? 0 })).filter((r) => r.n !== 1);
}

describe('a kiosk pushing a long queue with two batches in flight', () => {
  it('has a batch that overtook the one before it wait for it, so the queue goes in one pass without a resend', async () => {
    const service = await startService();
    const proxy = await startTcpProxy(service.url);
    const { kiosk } = await enrolledKiosk(service, 'restaurant', { serverUrl: proxy.url });
    const ids = await queueAudit(kiosk, MAX_PUSH_MUTATIONS * 2 + 10);
    // The first batch is held back on the way: the second reaches the service first.
    proxy.set({ mode: 'pass', only: '/v1/push', delayMs: 300, plan: (i) => (i === 0 ? 'delay' : 'pass') });
    const report = await kiosk.sync!.syncNow();

    expect(report?.pushed).toBe(ids.length);
    expect(service.app.sync.metrics.get('shiftdeck_push_gap_waits_total')).toBeGreaterThan(0);
    // Three batches, each sent once: nobody was asked to resend.
    expect(proxy.count('delay', '/v1/push') + proxy.count('pass', '/v1/push')).toBe(3);
    expect(await notExactlyOnce(service, ids)).toEqual([]);
    expect(outboxCounts(kiosk).pending ?? 0).toBe(0);
  });

  it('applies every mutation exactly once when the link drops, duplicates and delays the batches in flight', async () => {
    const service = await startService();
    const proxy = await startTcpProxy(service.url);
    const { kiosk } = await enrolledKiosk(service, 'restaurant', { serverUrl: proxy.url });
    const ids = await queueAudit(kiosk, MAX_PUSH_MUTATIONS * 4 + 321);
    let seed = 11;
    const rand = (n: number) => Math.floor((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 16) % n;
    const modes: ProxyMode[] = ['pass', 'drop-request', 'drop-response', 'duplicate', 'delay'];
    const seen = new Set<ProxyMode>();
    // Every fault early on, against the first or the second batch in flight; then at random.
    const script: ProxyMode[] = [
      'pass',
      'drop-request',
      'duplicate',
      'drop-response',
      'delay',
      'pass',
      'drop-response',
      'drop-request',
      'delay',
      'duplicate',
    ];
    proxy.set({
      mode: 'pass',
      only: '/v1/push',
      delayMs: 120,
      plan: (i) => {
        const m = i < script.length ? script[i] : modes[rand(modes.length)];
        seen.add(m);
        return m;
      },
    });
    for (let round = 0; round < 40 && (outboxCounts(kiosk).pending ?? 0) > 0; round++) await kiosk.sync!.syncNow();
    proxy.set({ mode: 'pass' });
    await kiosk.sync!.syncNow();

    expect([...seen].sort()).toEqual([...modes].sort());
    expect(await notExactlyOnce(service, ids)).toEqual([]);
    const lastSeq = (kiosk.store.raw.prepare('SELECT MAX(seq) AS s FROM outbox').get() as { s: number }).s;
    const dev = await service.db.admin
      .selectFrom('devices')
      .select('last_seq')
      .where('id', '=', kiosk.deviceId)
      .executeTakeFirstOrThrow();
    expect(dev.last_seq).toBe(lastSeq);
    const m = service.app.sync.metrics;
    expect(m.get('shiftdeck_push_mutations_total', { status: 'applied' })).toBe(ids.length);
    expect(m.get('shiftdeck_push_mutations_total', { status: 'dead' })).toBe(0);
    expect(outboxCounts(kiosk).pending ?? 0).toBe(0);
    expect(await replicaDiff(kiosk, service.db.admin)).toEqual([]);
  });
});
