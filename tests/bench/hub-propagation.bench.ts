// Propagation through a site hub with shore cut: a change committed on kiosk A until it is applied
// (as tentative) on kiosk B, same site, both live and syncing through the restaurant's hub kiosk
// over loopback (A pushes after its usual gathering delay, the hub holds it and pokes B over its
// WebSocket, B pulls the hub's tentative mutations and applies them). p50 and p95 over 200 changes,
// one at a time; the baseline is a plain HTTP round trip on loopback in the same run.
// Run with `npm run bench -- hub-propagation`.
import { newId } from '../../shared/ids.js';
import { recordAuthEvent } from '../../shared/mutations/audit.js';
import type { Figure } from './bench-kit.js';
import { arrival } from './central.js';
import { jitteredPause, latencyFigures, startHubSite, within } from './hub-site.js';

const CHANGES = Number(process.env.BENCH_CHANGES ?? 200);

export async function run(): Promise<Figure[]> {
  const site = await startHubSite();
  try {
    const { hub, a, b } = site;
    await site.cutShore();
    const pause = jitteredPause(11);
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
      const t1 = await within(arrived, 10_000, `change ${i} did not reach kiosk B through the hub within 10 s`);
      if (i >= 10) times.push(t1 - t0); // the first ten warm up connections and statements
      await pause();
    }
    const held = hub.store.raw.prepare("SELECT COUNT(*) FROM hub_relay WHERE status = 'held'").pluck().get();
    if (held !== CHANGES + 10) throw new Error(`the hub held ${String(held)} changes, not ${CHANGES + 10}`);
    return latencyFigures('hub propagation kiosk A to B, shore cut', times, await site.loopbackRtt(CHANGES), {
      text: 'p95 <= 250 ms',
      p95Ms: 250,
    });
  } finally {
    await site.stop();
  }
}
