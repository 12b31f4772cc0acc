import type { ProbeResult } from './link-monitor.js';

/**
 * One minute of one route's probes, the row that syncs: twelve probes a minute per link would
 * make the health log the largest table of a vessel, one summary a minute keeps it at about 1,440
 * rows a day per link.
 */
export interface HealthSummary {
  route: string;
  /** Start of the minute, ms since the epoch (UTC). */
  minute: number;
  probes: number;
  errors: number;
  /** errors / probes, 0..1. */
  loss: number;
  /** Of the answered probes; null when none was answered. */
  latencyAvgMs: number | null;
  latencyMaxMs: number | null;
}

const MINUTE = 60_000;

/**
 * Gathers probe results into per-minute summaries. A minute is handed out once the first result of
 * a later minute arrives for that route (or on `flush`), so each summary is final when written.
 *
 * @example
 * const s = createHealthSummarizer();
 * s.add({ route: 'sat', ok: true, at: t, latencyMs: 710 }); // []
 * s.add({ route: 'sat', ok: true, at: t + 60_000, latencyMs: 690 }); // [summary of the first minute]
 */
export function createHealthSummarizer() {
  const open = new Map<string, { minute: number; probes: number; errors: number; latencies: number[] }>();

  const close = (route: string): HealthSummary | null => {
    const b = open.get(route);
    if (!b) return null;
    open.delete(route);
    const lat = b.latencies;
    return {
      route,
      minute: b.minute,
      probes: b.probes,
      errors: b.errors,
      loss: b.probes ? b.errors / b.probes : 0,
      latencyAvgMs: lat.length ? Math.round(lat.reduce((a, x) => a + x, 0) / lat.length) : null,
      latencyMaxMs: lat.length ? Math.round(Math.max(...lat)) : null,
    };
  };

  return {
    add(result: ProbeResult): HealthSummary[] {
      const minute = Math.floor(result.at / MINUTE) * MINUTE;
      const done: HealthSummary[] = [];
      const b = open.get(result.route);
      if (b && b.minute !== minute) done.push(close(result.route)!);
      const bucket = open.get(result.route) ?? { minute, probes: 0, errors: 0, latencies: [] };
      open.set(result.route, bucket);
      bucket.probes++;
      if (!result.ok) bucket.errors++;
      else if (result.latencyMs !== undefined) bucket.latencies.push(result.latencyMs);
      return done;
    },
    /** Closes every open minute (at shutdown). */
    flush(): HealthSummary[] {
      return [...open.keys()].map((r) => close(r)!);
    },
  };
}
