// Propagation: a change committed on kiosk A until it is applied on kiosk B, same site, over
// loopback, both live (A pushes after its usual gathering delay, the service pokes B over its
// WebSocket, B pulls and applies). p50 and p95 over ~200 changes, one at a time; the baseline is
// a bare HTTP round trip to /healthz on the same service. Run with `npm run bench -- propagation`.
import { newId } from '../../shared/ids.js';
import { recordAuthEvent } from '../../shared/mutations/audit.js';
import type { Figure } from './bench-kit.js';
import { arrival, percentile, startCentral, until } from './central.js';

const CHANGES = Number(process.env.BENCH_CHANGES ?? 200);

export async function run(): Promise<Figure[]> {
  const central = await startCentral();
  try {
    // Production timings: the kiosk's own push delay (BENCH_PUSH_DELAY_MS to try another); a long
    // poll so only pokes count.
    const pushDelayMs = process.env.BENCH_PUSH_DELAY_MS ? Number(process.env.BENCH_PUSH_DELAY_MS) : undefined;
    const a = await central.kiosk('restaurant', { live: true, pollMs: 600_000, pushDelayMs });
    const b = await central.kiosk('restaurant', { live: true, pollMs: 600_000 });
    await until(() => central.hub.connected() === 2);
    await new Promise((r) => setTimeout(r, 300));

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
          setTimeout(() => reject(new Error(`change ${i} did not reach kiosk B within 10 s`)), 10_000),
        ),
      ]);
      if (i >= 10) times.push(t1 - t0); // the first ten warm up connections and statements
      await new Promise((r) => setTimeout(r, 5 + Math.random() * 20));
    }

    const health: number[] = [];
    for (let i = 0; i < CHANGES + 10; i++) {
      const t0 = performance.now();
      const res = await fetch(`${central.url}/healthz`);
      await res.text();
      if (i >= 10) health.push(performance.now() - t0);
    }
    const p50 = percentile(times, 0.5);
    const p95 = percentile(times, 0.95);
    const h50 = percentile(health, 0.5);
    const h95 = percentile(health, 0.95);
    return [
      {
        name: 'propagation kiosk A to B, p50',
        value: p50,
        unit: 'ms',
        baseline: h50,
        ratio: p50 / h50,
        goal: 'p50 <= 50 ms',
        met: p50 <= 50,
      },
      {
        name: 'propagation kiosk A to B, p95',
        value: p95,
        unit: 'ms',
        baseline: h95,
        ratio: p95 / h95,
        goal: 'p95 <= 250 ms',
        met: p95 <= 250,
      },
    ];
  } finally {
    await central.stop();
  }
}
