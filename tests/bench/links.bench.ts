// Link monitor figures in simulated time (the monitor is pure: probe results in, switches out),
// so an hour of probes runs in milliseconds and the figures do not depend on the machine's load.
// Run with `npm run bench -- links`.
import { createLinkMonitor, type Route } from '../../shared/sync/link-monitor.js';
import { mostSwitchesIn, simulateProbes } from '../helpers/link-simulation.js';
import type { Figure } from './bench-kit.js';

const T0 = Date.parse('2026-11-22T09:00:00Z');
const MIN = 60_000;
const SEEDS = Array.from({ length: 100 }, (_, i) => 20261202 + i);
const routes: Route[] = [
  { name: 'lan', url: 'http://hub.test:7400', priority: 1, cost: 0, expensive: false },
  { name: '4g', url: 'https://shore.test', priority: 2, cost: 5, expensive: false },
];

/** The longest time, over many seeds and death moments, from a link dying to traffic leaving it. */
function deadLinkDetection(): number {
  let worst = 0;
  for (const seed of SEEDS) {
    const m = createLinkMonitor(routes);
    // The link dies at a moment that falls anywhere within a probe interval.
    const diesAt = T0 + 2 * MIN + ((seed * 997) % m.config.intervalMs);
    const events = simulateProbes(m, {
      start: T0,
      durationMs: 5 * MIN,
      seed,
      lossAt: (r, t) => (r === 'lan' && t >= diesAt ? 1 : 0),
    });
    const failover = events.find((e) => e.kind === 'failover');
    if (!failover) throw new Error(`seed ${seed}: the dead link was never left`);
    worst = Math.max(worst, failover.at - diesAt);
  }
  return worst;
}

/** The most switches in any ten minutes of an hour with the LAN losing 30 % of its probes. */
function switchesOnLossyLink(config: Parameters<typeof createLinkMonitor>[1]): { most: number; total: number } {
  let most = 0;
  let total = 0;
  for (const seed of SEEDS) {
    const m = createLinkMonitor(routes, config);
    const events = simulateProbes(m, { start: T0, durationMs: 60 * MIN, seed, lossAt: (r) => (r === 'lan' ? 0.3 : 0) });
    most = Math.max(most, mostSwitchesIn(events, 10 * MIN));
    total += events.length;
  }
  return { most, total: total / SEEDS.length };
}

export async function run(): Promise<Figure[]> {
  const detect = deadLinkDetection();
  const ours = switchesOnLossyLink({});
  // The same monitor without hysteresis: fail back as soon as the better route is up again.
  const naive = switchesOnLossyLink({ failbackHoldMs: 0, failbackMaxLoss: 1 });
  return [
    {
      name: 'links: dead link detected (worst of 100 seeds)',
      value: detect / 1000,
      unit: 's',
      baseline: 15,
      ratio: detect / 15_000,
      goal: '<= 15 s',
      met: detect <= 15_000,
    },
    {
      name: 'links: most switches in 10 min, 30 % loss, 1 h',
      value: ours.most,
      unit: 'switches',
      baseline: naive.most,
      ratio: naive.most ? ours.most / naive.most : 0,
      goal: '<= 1 (baseline: no hysteresis)',
      met: ours.most <= 1,
    },
    {
      name: 'links: switches per hour, 30 % loss (mean)',
      value: ours.total,
      unit: 'switches',
      baseline: naive.total,
      ratio: naive.total ? ours.total / naive.total : 0,
      goal: 'reported',
      met: true,
    },
  ];
}
