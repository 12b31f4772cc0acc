import type { LinkMonitor, SwitchEvent } from '../../shared/sync/link-monitor.js';
import { seededRandom } from './seeded-random.js';

/**
 * Drives a link monitor through simulated time: every `intervalMs` each route is probed, and a
 * probe fails with the chance `lossAt(route, t)` says (1 for a dead link). Seeded, so a run is the
 * same every time. Used by the monitor's unit tests and by `npm run bench -- links`.
 */
export function simulateProbes(
  monitor: LinkMonitor,
  opts: {
    start: number;
    durationMs: number;
    lossAt: (route: string, t: number) => number;
    seed: number;
    latencyMs?: (route: string) => number;
  },
): SwitchEvent[] {
  const rnd = seededRandom(opts.seed);
  const events: SwitchEvent[] = [];
  const step = monitor.config.intervalMs;
  for (let t = opts.start + step; t <= opts.start + opts.durationMs; t += step) {
    for (const r of monitor.routes) {
      const ok = rnd.next() >= opts.lossAt(r.name, t);
      events.push(
        ...monitor.observe({ route: r.name, ok, at: t, latencyMs: ok ? (opts.latencyMs?.(r.name) ?? 20) : undefined }),
      );
    }
  }
  return events;
}

/** The most switches that fall in any window of `windowMs` (sliding over the switch times). */
export function mostSwitchesIn(events: readonly SwitchEvent[], windowMs: number): number {
  let most = 0;
  for (let i = 0; i < events.length; i++) {
    let n = 0;
    for (let j = i; j < events.length && events[j].at - events[i].at < windowMs; j++) n++;
    most = Math.max(most, n);
  }
  return most;
}
