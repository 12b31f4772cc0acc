// Propagation through a site hub with shore cut: a change committed on kiosk A until it is applied
// (as tentative) on kiosk B, same site, both live and syncing through the restaurant's hub kiosk
// over loopback (A pushes after its usual gathering delay, the hub holds it and pokes B over its
// WebSocket, B pulls the hub's tentative mutations and applies them). p50 and p95 over 200 changes,
// one at a time; the baseline is a plain HTTP round trip on loopback in the same run.
// Run with `npm run bench -- hub-propagation`.
import { createServer } from 'node:http';
import { newId } from '../../shared/ids.js';
import { recordAuthEvent } from '../../shared/mutations/audit.js';
import { startShoreLink } from '../../scripts/shore-link.js';
import type { Figure } from './bench-kit.js';
import { arrival, percentile, startCentral, until } from './central.js';

const CHANGES = Number(process.env.BENCH_CHANGES ?? 200);

export async function run(): Promise<Figure[]> {
  const central = await startCentral();
  const link = await startShoreLink({
    target: { host: '127.0.0.1', port: Number(new URL(central.url).port) },
    port: 0,
  });
  const plain = createServer((_req, res) => res.end('ok'));
  await new Promise<void>((r) => plain.listen(0, '127.0.0.1', () => r()));
  try {
    const viaLink = { live: true, serverUrl: link.url, pollMs: 600_000 };
    const hub = await central.kiosk('restaurant', { ...viaLink, hubListen: { host: '127.0.0.1', port: 0 } });
    const a = await central.kiosk('restaurant', { ...viaLink, hubs: [hub.hubUrl!] });
    const b = await central.kiosk('restaurant', { ...viaLink, hubs: [hub.hubUrl!] });
    // The hub kiosk and both kiosks on the hub's live socket, each known to the hub through shore.
    await until(() => hub.hub!.connected() === 3);
    for (const k of [hub, a, b]) await k.sync!.syncNow();
    link.cut();

    let seed = 11;
    const jitter = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
    const times: number[] = [];
    for (let i = 0; i < CHANGES + 10; i++) {
      const id = newId();
      const arrived = arrival(b, id);
      const t0 = performance.now();
      await a.runner.run(
        recordAuthEvent,
        { id, action: 'auth.sign_in', subjectUserId: null, detail: { i } },
        { userId: null, permissions: [] },
      );
      const t1 = await Promise.race([
        arrived,
        new Promise<number>((_, reject) =>
          setTimeout(() => reject(new Error(`change ${i} did not reach kiosk B through the hub within 10 s`)), 10_000),
        ),
      ]);
      if (i >= 10) times.push(t1 - t0); // the first ten warm up connections and statements
      await new Promise((r) => setTimeout(r, 5 + jitter() * 20));
    }
    const held = hub.store.raw.prepare("SELECT COUNT(*) FROM hub_relay WHERE status = 'held'").pluck().get();
    if (held !== CHANGES + 10) throw new Error(`the hub held ${String(held)} changes, not ${CHANGES + 10}`);

    const { port } = plain.address() as { port: number };
    const rtt: number[] = [];
    for (let i = 0; i < CHANGES + 10; i++) {
      const t0 = performance.now();
      await (await fetch(`http://127.0.0.1:${port}/`)).text();
      if (i >= 10) rtt.push(performance.now() - t0);
    }
    const p50 = percentile(times, 0.5);
    const p95 = percentile(times, 0.95);
    const h50 = percentile(rtt, 0.5);
    const h95 = percentile(rtt, 0.95);
    return [
      {
        name: 'hub propagation kiosk A to B, shore cut, p50',
        value: p50,
        unit: 'ms',
        baseline: h50,
        ratio: p50 / h50,
        goal: 'none (the goal is on p95)',
        met: true,
      },
      {
        name: 'hub propagation kiosk A to B, shore cut, p95',
        value: p95,
        unit: 'ms',
        baseline: h95,
        ratio: p95 / h95,
        goal: 'p95 <= 250 ms',
        met: p95 <= 250,
      },
    ];
  } finally {
    link.restore();
    await central.stop();
    await link.close();
    await new Promise((r) => plain.close(r));
  }
}
