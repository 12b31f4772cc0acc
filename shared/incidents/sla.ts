import type { Severity, Stage } from './workflow.js';

/** A site's targets for one severity, in minutes from the report. */
export interface SlaTarget {
  ackMinutes: number;
  resolveMinutes: number;
}

const H = 60;
const D = 24 * H;

/** Used when a site has not set its own target for a severity. */
export const DEFAULT_SLA: Readonly<Record<Severity, SlaTarget>> = Object.freeze({
  critical: { ackMinutes: 15, resolveMinutes: D },
  high: { ackMinutes: H, resolveMinutes: 3 * D },
  medium: { ackMinutes: 4 * H, resolveMinutes: 7 * D },
  low: { ackMinutes: D, resolveMinutes: 30 * D },
});

/** Share of a target's time used from which a running clock is "at risk". */
export const AT_RISK_SHARE = 0.75;

export type ClockState = 'on_track' | 'at_risk' | 'overdue' | 'paused' | 'met' | 'missed';

export interface SlaClock {
  state: ClockState;
  /** Share of the target used so far (or when it stopped), paused time left out. */
  used: number;
  /** When the target falls due if nothing pauses it; null while paused or once stopped. */
  dueAt: string | null;
  /** When the clock stopped (acknowledged, resolved), or null while it runs. */
  stoppedAt: string | null;
}

export interface SlaReading {
  acknowledge: SlaClock;
  resolve: SlaClock;
  /** The worst of the two for a list: overdue > at risk > paused > on track; met or missed once both stopped. */
  state: ClockState;
}

/** The part of an incident's history the SLA reads: its moves and pauses, in any order. */
export interface SlaEvent {
  kind: 'reported' | 'move' | 'sla_paused' | 'sla_resumed';
  fromStage: string | null;
  toStage: string | null;
  at: string;
}

const ms = (iso: string) => Date.parse(iso);
const DONE: readonly string[] = ['resolved', 'closed'];

/** An event with its time parsed once: a dashboard reads thousands of histories per call. */
interface TimedEvent {
  kind: SlaEvent['kind'];
  fromStage: string | null;
  toStage: string | null;
  t: number;
}

/** Paused time between `from` and `to` (ms), from the pause/resume events in time order. */
function pausedBetween(events: readonly TimedEvent[], from: number, to: number): number {
  let total = 0;
  let since: number | null = null;
  for (const e of events) {
    if (e.kind === 'sla_paused' && since === null) since = e.t;
    else if (e.kind === 'sla_resumed' && since !== null) {
      total += Math.max(0, Math.min(e.t, to) - Math.max(since, from));
      since = null;
    }
  }
  if (since !== null) total += Math.max(0, to - Math.max(since, from));
  return total;
}

function isPausedAt(events: readonly TimedEvent[], at: number): boolean {
  let paused = false;
  for (const e of events) {
    if (e.t > at) break;
    if (e.kind === 'sla_paused') paused = true;
    else if (e.kind === 'sla_resumed') paused = false;
  }
  return paused;
}

function clock(
  events: readonly TimedEvent[],
  start: number,
  targetMin: number,
  stop: number | null,
  now: number,
): SlaClock {
  const target = targetMin * 60_000;
  const end = stop ?? now;
  const paused = pausedBetween(events, start, end);
  const used = (end - start - paused) / target;
  if (stop !== null)
    return { state: used <= 1 ? 'met' : 'missed', used, dueAt: null, stoppedAt: new Date(stop).toISOString() };
  if (used >= 1) return { state: 'overdue', used, dueAt: null, stoppedAt: null };
  if (isPausedAt(events, now)) return { state: 'paused', used, dueAt: null, stoppedAt: null };
  // A running clock ends now, so the pauses up to now are the ones just counted.
  const dueAt = new Date(start + target + paused).toISOString();
  return { state: used >= AT_RISK_SHARE ? 'at_risk' : 'on_track', used, dueAt, stoppedAt: null };
}

const RANK: Readonly<Record<ClockState, number>> = {
  overdue: 5,
  at_risk: 4,
  paused: 3,
  on_track: 2,
  missed: 1,
  met: 0,
};

/**
 * An incident's SLA, computed on read from its own history with no link to shore: acknowledged at
 * its first move out of "reported", resolved at its latest move into resolved or closed while its
 * stage is one of those (a reopened incident's resolve clock runs again from the report). Paused
 * time counts for neither clock.
 *
 * @example
 * slaOf({ reportedAt: '2026-11-22T09:00:00Z', stage: 'reported', events: [], target: DEFAULT_SLA.critical, now: '2026-11-22T09:12:00Z' })
 * // acknowledge: at_risk (12 of 15 minutes used)
 */
export function slaOf(input: {
  reportedAt: string;
  stage: Stage | string;
  events: readonly SlaEvent[];
  target: SlaTarget;
  now: string;
}): SlaReading {
  const events: TimedEvent[] = input.events
    .map((e) => ({ kind: e.kind, fromStage: e.fromStage, toStage: e.toStage, t: ms(e.at) }))
    .sort((a, b) => a.t - b.t);
  const start = ms(input.reportedAt);
  const now = ms(input.now);
  const acked = events.find((e) => e.kind === 'move' && e.fromStage === 'reported');
  let resolvedAt: number | null = null;
  if (DONE.includes(input.stage))
    for (const e of events)
      if (e.kind === 'move' && e.toStage !== null && DONE.includes(e.toStage) && !DONE.includes(e.fromStage ?? ''))
        resolvedAt = e.t;
  const acknowledge = clock(events, start, input.target.ackMinutes, acked ? acked.t : resolvedAt, now);
  const resolve = clock(events, start, input.target.resolveMinutes, resolvedAt, now);
  const worst = RANK[acknowledge.state] >= RANK[resolve.state] ? acknowledge.state : resolve.state;
  return { acknowledge, resolve, state: worst };
}

/** How many of an incident's two targets have been breached (overdue or missed). */
export const breaches = (r: SlaReading): number =>
  [r.acknowledge, r.resolve].filter((c) => c.state === 'overdue' || c.state === 'missed').length;
