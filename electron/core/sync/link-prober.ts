import { createHealthSummarizer, type HealthSummary } from '../../../shared/sync/link-health.js';
import type { LinkMonitor, ProbeResult, SwitchEvent } from '../../../shared/sync/link-monitor.js';
import type { Clock } from '../clock.js';
import type { Logger } from '../log.js';

export interface LinkProberDeps {
  monitor: LinkMonitor;
  clock: Clock;
  /** Node's fetch in production; tests pass it too, never a fake of the service. */
  fetch: typeof fetch;
  log: Logger;
  /** Changes waiting to go upstream, recorded with each switch. */
  queued(): number;
  /** A switch happened: the sync client reconnects, the kiosk records the event. */
  onSwitch?(event: SwitchEvent): void;
  /** A minute of one route's probes is complete. */
  onHealth?(summary: HealthSummary): void;
  /** What is probed on each route: cheap, unauthenticated, touching no database. */
  probePath?: string;
  /**
   * Milliseconds for measuring a probe's latency (performance.now by default): a measurement, kept
   * apart from `clock`, which under the test clock does not move while a probe is in flight.
   */
  stopwatch?: () => number;
  /** A probe not answered in time counts as failed (default 3 s, well under the 5 s interval). */
  timeoutMs?: number;
}

/**
 * Probes every route of a link monitor at its interval (GET /healthz, in parallel) and feeds it the
 * results: the monitor decides, this only measures. `upstream()` is the URL the sync client uses
 * now. A probe round that is still running when the next is due is not doubled up.
 *
 * @example
 * const prober = createLinkProber({ monitor, clock: systemClock, fetch, log, queued: () => replica.pendingCount() });
 * prober.start();
 * createSyncClient({ ..., pickUpstream: () => prober.upstream() });
 */
export function createLinkProber(deps: LinkProberDeps) {
  const path = deps.probePath ?? '/healthz';
  const timeoutMs = deps.timeoutMs ?? 3_000;
  const stopwatch = deps.stopwatch ?? (() => performance.now());
  const summaries = createHealthSummarizer();
  let stop: (() => void) | null = null;
  let round: Promise<void> | null = null;
  // The last ten minutes of every route, for the live latency chart; older ones live on as summaries.
  const keep = Math.ceil((10 * 60_000) / deps.monitor.config.intervalMs) * deps.monitor.routes.length;
  const recent: ProbeResult[] = [];

  async function probe(name: string, url: string): Promise<ProbeResult> {
    const t0 = stopwatch();
    try {
      const res = await deps.fetch(`${url.replace(/\/$/, '')}${path}`, { signal: AbortSignal.timeout(timeoutMs) });
      await res.arrayBuffer();
      const at = deps.clock.now();
      const latencyMs = Math.round((stopwatch() - t0) * 10) / 10;
      return res.ok ? { route: name, ok: true, at, latencyMs } : { route: name, ok: false, at };
    } catch {
      return { route: name, ok: false, at: deps.clock.now() };
    }
  }

  const emit = (events: SwitchEvent[]) => {
    for (const e of events) {
      deps.log.warn(e, `link ${e.kind}: ${e.from ?? '-'} to ${e.to} (${e.reason})`);
      deps.onSwitch?.(e);
    }
  };

  /** One round: every route probed at once; results are fed in route order, so a round decides the same every time. */
  async function probeAll(): Promise<void> {
    if (round) return round;
    round = (async () => {
      const results = await Promise.all(deps.monitor.routes.map((r) => probe(r.name, r.url)));
      for (const result of results) {
        recent.push(result);
        if (recent.length > keep) recent.shift();
        emit(deps.monitor.observe(result, { queued: deps.queued() }));
        for (const s of summaries.add(result)) deps.onHealth?.(s);
      }
    })().finally(() => {
      round = null;
    });
    return round;
  }

  return {
    monitor: deps.monitor,
    probeAll,
    /** The probe results of the last ten minutes, oldest first. */
    recent: (): readonly ProbeResult[] => recent,
    upstream: () => deps.monitor.current().url,
    /**
     * Probes back to back until every route has a state (3 rounds by default), so a first sync
     * at start does not go to a first choice that is dead. Only when waiting for it is worth it:
     * a kiosk that has not received its site yet.
     */
    async warmUp() {
      const rounds = Math.max(deps.monitor.config.downAfter, deps.monitor.config.upAfter);
      for (let i = 0; i < rounds; i++) await probeAll();
    },
    manual(to: string, reason?: string) {
      const e = deps.monitor.manual(to, deps.clock.now(), { queued: deps.queued(), reason });
      if (e) emit([e]);
      return e;
    },
    release: () => deps.monitor.release(),
    startTest() {
      const e = deps.monitor.startTest(deps.clock.now(), { queued: deps.queued() });
      if (e) emit([e]);
      return e;
    },
    start() {
      stop ??= deps.clock.every(deps.monitor.config.intervalMs, () => {
        // The end of a test failover is due even if a probe round hangs.
        emit(deps.monitor.tick(deps.clock.now(), { queued: deps.queued() }));
        void probeAll();
      });
    },
    async stop() {
      stop?.();
      stop = null;
      await round;
      for (const s of summaries.flush()) deps.onHealth?.(s);
    },
  };
}

export type LinkProber = ReturnType<typeof createLinkProber>;
