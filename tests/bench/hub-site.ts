// A restaurant run through its site hub with the shore link cut, for the latency benchmarks that
// measure what crosses the hub (hub-propagation, kitchen-ticket): the central side, a shore link
// that can be cut, the hub kiosk and two kiosks on its live socket, and the figures built the same
// way for both (p50 and p95 against a plain HTTP round trip on loopback in the same run).
import { createServer, type Server } from 'node:http';
import type { Kiosk } from '../../electron/core/kiosk.js';
import { startShoreLink } from '../../scripts/shore-link.js';
import type { Figure } from './bench-kit.js';
import { percentile, startCentral, until, type Central } from './central.js';

export interface HubSite {
  central: Central;
  /** The restaurant's hub kiosk. */
  hub: Kiosk;
  /** Two kiosks of the same site syncing through the hub. */
  a: Kiosk;
  b: Kiosk;
  /** Brings every kiosk up to date through shore, then cuts the shore link. */
  cutShore(): Promise<void>;
  /** `n` plain HTTP round trips on loopback after ten to warm up, in ms. */
  loopbackRtt(n: number): Promise<number[]>;
  stop(): Promise<void>;
}

/** Starts the central side, a shore link, a hub kiosk and two kiosks on it, all live. */
export async function startHubSite(): Promise<HubSite> {
  const central = await startCentral();
  const link = await startShoreLink({
    target: { host: '127.0.0.1', port: Number(new URL(central.url).port) },
    port: 0,
  });
  const plain: Server = createServer((_req, res) => res.end('ok'));
  await new Promise<void>((r) => plain.listen(0, '127.0.0.1', () => r()));
  const viaLink = { live: true, serverUrl: link.url, pollMs: 600_000 };
  const hub = await central.kiosk('restaurant', { ...viaLink, hubListen: { host: '127.0.0.1', port: 0 } });
  const a = await central.kiosk('restaurant', { ...viaLink, hubs: [hub.hubUrl!] });
  const b = await central.kiosk('restaurant', { ...viaLink, hubs: [hub.hubUrl!] });
  // The hub kiosk and both kiosks on the hub's live socket, each known to the hub through shore.
  await until(() => hub.hub!.connected() === 3);
  // Each kiosk has pulled its site before a bench writes: a table mutation on a kiosk that has not
  // yet pulled its site row is refused ("this site has no tables"), which failed a run now and then.
  for (const k of [hub, a, b]) await k.sync!.syncNow();
  return {
    central,
    hub,
    a,
    b,
    async cutShore() {
      for (let i = 0; i < 3; i++) for (const k of [a, hub, b]) await k.sync!.syncNow();
      link.cut();
    },
    async loopbackRtt(n) {
      const { port } = plain.address() as { port: number };
      const rtt: number[] = [];
      for (let i = 0; i < n + 10; i++) {
        const t0 = performance.now();
        await (await fetch(`http://127.0.0.1:${port}/`)).text();
        if (i >= 10) rtt.push(performance.now() - t0);
      }
      return rtt;
    },
    async stop() {
      link.restore();
      await central.stop();
      await link.close();
      await new Promise((r) => plain.close(r));
    },
  };
}

/** Rejects with `what` if `p` has not settled within `ms` (a lost change must not hang the run). */
export function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    p,
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(what)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** A pause of 5 to 25 ms from a seeded generator, so rounds do not beat with the sync timers. */
export function jitteredPause(seed: number): () => Promise<void> {
  let s = seed;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return new Promise((r) => setTimeout(r, 5 + (s / 2 ** 32) * 20));
  };
}

/** The p50 and p95 figures of `times` against the loopback round trips `rtt`; the goal is on p95. */
export function latencyFigures(
  name: string,
  times: number[],
  rtt: number[],
  goal: { text: string; p95Ms: number },
): Figure[] {
  const [p50, p95, h50, h95] = [
    percentile(times, 0.5),
    percentile(times, 0.95),
    percentile(rtt, 0.5),
    percentile(rtt, 0.95),
  ];
  return [
    {
      name: `${name}, p50`,
      value: p50,
      unit: 'ms',
      baseline: h50,
      ratio: p50 / h50,
      goal: 'none (the goal is on p95)',
      met: true,
    },
    {
      name: `${name}, p95`,
      value: p95,
      unit: 'ms',
      baseline: h95,
      ratio: p95 / h95,
      goal: goal.text,
      met: p95 <= goal.p95Ms,
    },
  ];
}
