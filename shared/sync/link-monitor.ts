import { z } from 'zod';

/**
 * Which route a kiosk (or a hub) uses to reach its upstream, decided from probe results alone:
 * no timers, no sockets, no clock of its own. The prober (electron/core/sync/link-prober.ts) feeds
 * it results with their time; tests and benchmarks feed it a simulated hour in a few milliseconds.
 *
 * The rules, like a router's:
 * - a route is `down` after `downAfter` failed probes in a row and `up` again after `upAfter`
 *   good ones in a row (defaults 3 and 3, probing every 5 s: a dead link is known within 15 s);
 * - when the route in use goes down, the best route that is up (lowest `priority` number) takes
 *   over at once (a failover);
 * - a better route takes back only when it has stayed up for `failbackHoldMs` and lost at most
 *   `failbackMaxLoss` of its last `lossWindow` probes (a failback). A link that loses 30 % of its
 *   packets keeps going down and never looks clean, so it never takes traffic back after losing it:
 *   one switch, not one every few minutes;
 * - a person may switch by hand (the choice holds until released, unless that route dies) or run a
 *   test failover (to the next route for `testMs`, then back).
 *
 * @example
 * const m = createLinkMonitor([{ name: 'lan', url: 'http://hub:7400', priority: 1, cost: 0, expensive: false },
 *   { name: 'sat', url: 'https://shore', priority: 3, cost: 10, expensive: true }]);
 * m.observe({ route: 'lan', ok: false, at: t }, { queued: 4 }); // ...three times: switches to 'sat'
 * m.active; // 'sat'
 */

export const routeSchema = z
  .object({
    name: z.string().trim().min(1).max(40),
    url: z.url(),
    /** 1 is the first choice. */
    priority: z.number().int().min(1).max(99),
    /** Relative cost of a byte (0 free LAN .. 100 satellite); shown to people, not used to choose. */
    cost: z.number().min(0).max(100),
    /** Bulk traffic (attachments, raw samples) stays off an expensive link unless allowed. */
    expensive: z.boolean(),
  })
  .strict();
export type Route = z.infer<typeof routeSchema>;

export interface MonitorConfig {
  intervalMs: number;
  downAfter: number;
  upAfter: number;
  failbackHoldMs: number;
  failbackMaxLoss: number;
  lossWindow: number;
  testMs: number;
}

export const DEFAULT_MONITOR_CONFIG: Readonly<MonitorConfig> = Object.freeze({
  intervalMs: 5_000,
  downAfter: 3,
  upAfter: 3,
  failbackHoldMs: 10 * 60_000,
  failbackMaxLoss: 0.05,
  lossWindow: 60,
  testMs: 30_000,
});

export type RouteState = 'unknown' | 'up' | 'down';
export type SwitchKind = 'failover' | 'failback' | 'manual' | 'test';

export interface ProbeResult {
  route: string;
  ok: boolean;
  /** Milliseconds since the epoch when the probe was answered or given up. */
  at: number;
  latencyMs?: number;
}

export interface SwitchEvent {
  kind: SwitchKind;
  from: string | null;
  to: string;
  reason: string;
  at: number;
  /**
   * A failover: how long the link had been failing when it was left (its first failed probe to
   * the switch), i.e. the time traffic had no working route. Otherwise: how long `from` was in use.
   */
  durationMs: number;
  /** Changes waiting to go upstream at the moment of the switch. */
  queued: number;
}

export interface RouteView {
  route: Route;
  state: RouteState;
  /** Share of the last `lossWindow` probes that failed (0 before any probe). */
  loss: number;
  lastLatencyMs: number | null;
  since: number | null;
}

interface Health {
  state: RouteState;
  goodRun: number;
  badRun: number;
  /** First failed probe of the current run of failures. */
  failingSince: number | null;
  /** When the route last became up (for the failback hold). */
  upSince: number | null;
  since: number | null;
  window: boolean[];
  lastLatencyMs: number | null;
}

/** Routes by priority; ties keep the order given. Names must be unique. */
export function orderRoutes(routes: readonly Route[]): Route[] {
  const names = new Set<string>();
  for (const r of routes) {
    if (names.has(r.name)) throw new Error(`Two routes are called "${r.name}"; give each route its own name.`);
    names.add(r.name);
  }
  return routes
    .map((r, i) => ({ r, i }))
    .sort((a, b) => a.r.priority - b.r.priority || a.i - b.i)
    .map((x) => x.r);
}

export function createLinkMonitor(routes: readonly Route[], config: Partial<MonitorConfig> = {}) {
  if (!routes.length) throw new Error('A link monitor needs at least one route.');
  const cfg: Readonly<MonitorConfig> = Object.freeze({ ...DEFAULT_MONITOR_CONFIG, ...config });
  const ordered = orderRoutes(routes);
  const health = new Map<string, Health>(
    ordered.map((r) => [
      r.name,
      {
        state: 'unknown',
        goodRun: 0,
        badRun: 0,
        failingSince: null,
        upSince: null,
        since: null,
        window: [],
        lastLatencyMs: null,
      },
    ]),
  );
  // Nothing is known at start: the first choice is used until a probe says otherwise.
  let active = ordered[0].name;
  let activeSince: number | null = null;
  let pinned = false;
  let test: { back: string; until: number } | null = null;
  const history: SwitchEvent[] = [];

  const rank = (name: string) => ordered.findIndex((r) => r.name === name);
  const lossOf = (h: Health) => (h.window.length ? h.window.filter((ok) => !ok).length / h.window.length : 0);
  const healthOf = (name: string) => {
    const h = health.get(name);
    if (!h) throw new Error(`No route is called "${name}".`);
    return h;
  };

  function switchTo(kind: SwitchKind, to: string, reason: string, at: number, queued: number): SwitchEvent {
    const from = active;
    const durationMs =
      kind === 'failover' ? at - (healthOf(from).failingSince ?? at) : activeSince === null ? 0 : at - activeSince;
    const event: SwitchEvent = { kind, from, to, reason, at, durationMs, queued };
    active = to;
    activeSince = at;
    history.push(event);
    return event;
  }

  /**
   * The best route that is up, other than `except`; one whose last probe failed only if no other
   * is up (within one probe round, the route failing next must not be chosen first).
   */
  const bestUp = (except?: string) => {
    const up = ordered.filter((r) => r.name !== except && healthOf(r.name).state === 'up');
    return (up.find((r) => healthOf(r.name).badRun === 0) ?? up[0])?.name ?? null;
  };

  function decide(at: number, queued: number): SwitchEvent[] {
    const events: SwitchEvent[] = [];
    if (test && at >= test.until) {
      const back = test.back;
      test = null;
      if (back !== active && healthOf(back).state !== 'down')
        events.push(switchTo('test', back, `test failover over: back to ${back}`, at, queued));
    }
    const current = healthOf(active);
    if (current.state === 'down') {
      const next = bestUp(active);
      if (next) {
        pinned = false;
        test = null;
        events.push(switchTo('failover', next, `${active} down after ${cfg.downAfter} failed probes`, at, queued));
      }
      return events;
    }
    if (pinned || test) return events;
    // Failback: a better route, up and clean for long enough.
    for (const r of ordered) {
      if (r.name === active) break;
      const h = healthOf(r.name);
      if (h.state !== 'up' || h.upSince === null) continue;
      if (at - h.upSince < cfg.failbackHoldMs) continue;
      if (h.window.length < Math.min(cfg.lossWindow, cfg.upAfter) || lossOf(h) > cfg.failbackMaxLoss) continue;
      events.push(
        switchTo(
          'failback',
          r.name,
          `${r.name} up for ${Math.round((at - h.upSince) / 1000)} s with ${Math.round(lossOf(h) * 100)} % loss`,
          at,
          queued,
        ),
      );
      break;
    }
    return events;
  }

  return {
    config: cfg,
    routes: ordered,
    get active() {
      return active;
    },
    get pinned() {
      return pinned;
    },
    get testing() {
      return test !== null;
    },
    /** Every switch so far, oldest first. */
    get history(): readonly SwitchEvent[] {
      return history;
    },
    /** The route to use now, with whether it is marked expensive. */
    current(): Route {
      return ordered[rank(active)];
    },
    view(): RouteView[] {
      return ordered.map((route) => {
        const h = healthOf(route.name);
        return { route, state: h.state, loss: lossOf(h), lastLatencyMs: h.lastLatencyMs, since: h.since };
      });
    },
    /** Takes one probe result; returns the switches it caused (usually none). */
    observe(result: ProbeResult, ctx: { queued: number } = { queued: 0 }): SwitchEvent[] {
      const h = healthOf(result.route);
      activeSince ??= result.at;
      h.window.push(result.ok);
      if (h.window.length > cfg.lossWindow) h.window.shift();
      if (result.ok) {
        h.lastLatencyMs = result.latencyMs ?? h.lastLatencyMs;
        h.goodRun++;
        h.badRun = 0;
        h.failingSince = null;
        if (h.state !== 'up' && h.goodRun >= cfg.upAfter) {
          h.state = 'up';
          h.upSince = result.at;
          h.since = result.at;
        }
      } else {
        h.badRun++;
        h.goodRun = 0;
        h.failingSince ??= result.at;
        if (h.state !== 'down' && h.badRun >= cfg.downAfter) {
          h.state = 'down';
          h.upSince = null;
          h.since = result.at;
        }
      }
      return decide(result.at, ctx.queued);
    },
    /** Time passing with no probe (ends a test failover on time). */
    tick(at: number, ctx: { queued: number } = { queued: 0 }): SwitchEvent[] {
      return decide(at, ctx.queued);
    },
    /** A person picks a route; it stays in use until released or until it goes down. */
    manual(to: string, at: number, ctx: { queued: number; reason?: string } = { queued: 0 }): SwitchEvent | null {
      healthOf(to);
      pinned = true;
      test = null;
      if (to === active) return null;
      return switchTo('manual', to, ctx.reason ?? `switched by hand to ${to}`, at, ctx.queued);
    },
    /** Back to automatic choice; a better clean route takes back at the next probe. */
    release(): void {
      pinned = false;
    },
    /**
     * Test failover: moves traffic to the next route that is not down for `testMs`, then back.
     * Returns null when there is no other route to test with.
     */
    startTest(at: number, ctx: { queued: number } = { queued: 0 }): SwitchEvent | null {
      if (test) return null;
      const to = ordered.find((r) => r.name !== active && healthOf(r.name).state !== 'down')?.name;
      if (!to) return null;
      test = { back: active, until: at + cfg.testMs };
      return switchTo(
        'test',
        to,
        `test failover from ${active} for ${Math.round(cfg.testMs / 1000)} s`,
        at,
        ctx.queued,
      );
    },
  };
}

export type LinkMonitor = ReturnType<typeof createLinkMonitor>;
