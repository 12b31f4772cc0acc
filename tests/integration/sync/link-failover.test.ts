import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../../electron/core/clock.js';
import type { Kiosk } from '../../../electron/core/kiosk.js';
import { newId } from '../../../shared/ids.js';
import { recordAuthEvent } from '../../../shared/mutations/audit.js';
import { call, signIn } from '../../helpers/kiosk.js';
import { outboxCounts } from '../../helpers/replicas.js';
import { enrolledKiosk, startService } from '../../helpers/sync.js';
import { startTcpProxy } from '../../helpers/tcp-proxy.js';

const failedPin = (kiosk: Kiosk) => {
  const id = newId();
  return kiosk.runner
    .run(
      recordAuthEvent,
      { id, action: 'auth.sign_in_failed', subjectUserId: null, detail: {} },
      { userId: null, permissions: [] },
    )
    .then(() => id);
};

describe('sync over two routes to shore', () => {
  it('fails over to the second route when the first dies, and a change that went by both is applied once', async () => {
    const service = await startService();
    // Two real routes to the one service: two TCP proxies, as the hub's LAN and a 4G modem would be.
    const lan = await startTcpProxy(service.url);
    const g4 = await startTcpProxy(service.url);
    const clock = createManualClock();
    const { kiosk } = await enrolledKiosk(service, 'restaurant', {
      clock,
      routes: [
        { name: 'lan', url: lan.url, priority: 1, cost: 0, expensive: false },
        { name: '4g', url: g4.url, priority: 2, cost: 5, expensive: false },
      ],
    });
    const links = kiosk.links!;
    const round = async () => {
      clock.advance(5_000);
      await links.probeAll();
    };
    for (let i = 0; i < 3; i++) await round();
    expect(links.upstream()).toBe(lan.url);

    const first = await failedPin(kiosk);
    await kiosk.sync!.syncNow();
    expect(lan.count('pass', '/v1/push')).toBe(1);
    expect(g4.count('pass', '/v1/push')).toBe(0);

    // The LAN route applies the next push but its answer never comes back, then the route dies.
    lan.set({ mode: 'drop-response', only: '/v1/push' });
    const second = await failedPin(kiosk);
    await kiosk.sync!.syncNow();
    expect(lan.count('drop-response', '/v1/push')).toBe(1);
    expect(outboxCounts(kiosk).pending).toBe(1);
    await lan.close();

    await round();
    await round();
    expect(links.upstream()).toBe(lan.url);
    await round();
    expect(links.upstream()).toBe(g4.url);
    expect(links.monitor.history).toEqual([
      expect.objectContaining({ kind: 'failover', from: 'lan', to: '4g', queued: 1, durationMs: 10_000 }),
    ]);

    // The failover's own cycle (upstreamChanged) and one more: over the 4G route now.
    await kiosk.sync!.syncNow();
    expect(g4.count('pass', '/v1/push')).toBeGreaterThanOrEqual(1);
    expect(outboxCounts(kiosk).pending ?? 0).toBe(0);
    const rows = await sql<{ id: string }>`SELECT id FROM audit_log WHERE id IN (${first}, ${second})`.execute(
      service.db.admin,
    );
    expect(rows.rows.map((r) => r.id).sort()).toEqual([first, second].sort());
  });
});

/** A call's result with both sides optional, to assert on either. */
type Loose = { ok: boolean; value?: unknown; error?: { code: string; message: string; details?: unknown } };
const ask = async (...args: Parameters<typeof call>) => (await call(...args)) as Loose;

describe('the Links API', () => {
  it('refuses a route that does not exist, naming the field, and leaves the route in use as it was', async () => {
    const service = await startService();
    const clock = createManualClock();
    const { kiosk } = await enrolledKiosk(service, 'restaurant', {
      clock,
      routes: [
        { name: 'lan', url: service.url, priority: 1, cost: 0, expensive: false },
        { name: 'sat', url: service.url.replace('127.0.0.1', 'localhost'), priority: 2, cost: 50, expensive: true },
      ],
    });
    const token = await signIn(kiosk, 'manager');
    const r = await ask(kiosk, 'links.switch', { route: 'vsat' }, token);
    expect(r.ok).toBe(false);
    expect(r.error).toMatchObject({ code: 'VALIDATION_FAILED', details: { issues: [{ path: 'route' }] } });
    expect(r.error!.message).toContain('"vsat"');
    expect(kiosk.links!.monitor.active).toBe('lan');
    expect(kiosk.links!.monitor.history).toEqual([]);

    const ok = await ask(kiosk, 'links.switch', { route: 'sat' }, token);
    expect(ok.ok).toBe(true);
    expect(ok.value).toMatchObject({ active: 'sat', pinned: true, history: [{ kind: 'manual', to: 'sat' }] });
    // Crew without sync.view may not switch.
    const crew = await ask(kiosk, 'links.switch', { route: 'lan' }, await signIn(kiosk, 'staff'));
    expect(crew.error?.code).toBe('FORBIDDEN');
    expect(kiosk.links!.monitor.active).toBe('sat');
  });

  it('refuses to start a kiosk with a route that is not valid, saying which one', async () => {
    const service = await startService();
    await expect(
      enrolledKiosk(service, 'restaurant', {
        routes: [{ name: 'lan', url: 'not a url', priority: 1, cost: 0, expensive: false }],
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'routes.0' } });
  });
});
