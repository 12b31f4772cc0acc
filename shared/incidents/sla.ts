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

/** A pause or resume, as an instant (ms): a dashboard reads thousands of histories per call. */
export interface PauseMark {
  paused: boolean;
  t: number;
}

/**
 * All an incident's SLA depends on, as instants (ms since the epoch): when it was reported, its
 * first move out of "reported", its latest move into resolved or closed (only while its stage is
 * one of those), and its pauses and resumes in time order. A dashboard reads these marks straight
 * from SQL; `marksOf` derives them from a history.
 */
export interface SlaMarks {
  start: number;
  ackedAt: number | null;
  resolvedAt: number | null;
  pauses: readonly PauseMark[];
}

/** A clock with its instants as ms, and the time it has used (ms, paused time left out). */
export interface SlaClockMs {
  state: ClockState;
  used: number;
  spentMs: number;
  dueAt: number | null;
  stoppedAt: number | null;
}

/** The marks of an incident's history (events in any order). */
export function marksOf(reportedAt: string, stage: Stage | string, events: readonly SlaEvent[]): SlaMarks {
  const timed = events.map((e) => ({ e, t: ms(e.at) })).sort((a, b) => a.t - b.t);
  let ackedAt: number | null = null;
  let resolvedAt: number | null = null;
  const pauses: PauseMark[] = [];
  const done = DONE.includes(stage);
  for (const { e, t } of timed) {
    if (e.kind === 'sla_paused' || e.kind === 'sla_resumed') pauses.push({ paused: e.kind === 'sla_paused', t });
    else if (e.kind === 'move') {
      if (ackedAt === null && e.fromStage === 'reported') ackedAt = t;
      if (done && e.toStage !== null && DONE.includes(e.toStage) && !DONE.includes(e.fromStage ?? '')) resolvedAt = t;
    }
  }
  return { start: ms(reportedAt), ackedAt, resolvedAt, pauses };
}

/** Paused time between `from` and `to` (ms), from the pauses and resumes in time order. */
function pausedBetween(pauses: readonly PauseMark[], from: number, to: number): number {
  let total = 0;
  let since: number | null = null;
  for (const p of pauses) {
    if (p.paused && since === null) since = p.t;
    else if (!p.paused && since !== null) {
      total += Math.max(0, Math.min(p.t, to) - Math.max(since, from));
      since = null;
    }
  }
  if (since !== null) total += Math.max(0, to - Math.max(since, from));
  return total;
}

function isPausedAt(pauses: readonly PauseMark[], at: number): boolean {
  let paused = false;
  for (const p of pauses) {
    if (p.t > at) break;
    paused = p.paused;
  }
  return paused;
}

function clock(
  pauses: readonly PauseMark[],
  start: number,
  targetMin: number,
  stop: number | null,
  now: number,
): SlaClockMs {
  const target = targetMin * 60_000;
  const end = stop ?? now;
  const paused = pauses.length ? pausedBetween(pauses, start, end) : 0;
  const spentMs = end - start - paused;
  const used = spentMs / target;
  if (stop !== null) return { state: used <= 1 ? 'met' : 'missed', used, spentMs, dueAt: null, stoppedAt: stop };
  if (used >= 1) return { state: 'overdue', used, spentMs, dueAt: null, stoppedAt: null };
  if (pauses.length && isPausedAt(pauses, now)) return { state: 'paused', used, spentMs, dueAt: null, stoppedAt: null };
  // A running clock ends now, so the pauses up to now are the ones just counted.
  const dueAt = start + target + paused;
  return { state: used >= AT_RISK_SHARE ? 'at_risk' : 'on_track', used, spentMs, dueAt, stoppedAt: null };
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
 * Both clocks of an incident from its marks, instants as ms: what `slaOf` reads, without the
 * ISO strings a dashboard of thousands of incidents does not show.
 *
 * @example slaClocks({ start, ackedAt: null, resolvedAt: null, pauses: [] }, DEFAULT_SLA.low, now).state // 'on_track'
 */
export function slaClocks(
  marks: SlaMarks,
  target: SlaTarget,
  now: number,
): { acknowledge: SlaClockMs; resolve: SlaClockMs; state: ClockState } {
  const acknowledge = clock(marks.pauses, marks.start, target.ackMinutes, marks.ackedAt ?? marks.resolvedAt, now);
  const resolve = clock(marks.pauses, marks.start, target.resolveMinutes, marks.resolvedAt, now);
  const state = RANK[acknowledge.state] >= RANK[resolve.state] ? acknowledge.state : resolve.state;
  return { acknowledge, resolve, state };
}

const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());
const reading = (c: SlaClockMs): SlaClock => ({
  state: c.state,
  used: c.used,
  dueAt: iso(c.dueAt),
  stoppedAt: iso(c.stoppedAt),
});

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
  const c = slaClocks(marksOf(input.reportedAt, input.stage, input.events), input.target, ms(input.now));
  return { acknowledge: reading(c.acknowledge), resolve: reading(c.resolve), state: c.state };
}

/** How many of an incident's two targets have been breached (overdue or missed). */
export const breaches = (r: SlaReading): number =>
  [r.acknowledge, r.resolve].filter((c) => c.state === 'overdue' || c.state === 'missed').length;
