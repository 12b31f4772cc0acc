import { marksOf, slaClocks, type SlaEvent, type SlaMarks, type SlaTarget } from './sla.js';
import {
  INCIDENT_TYPES,
  OPEN_STAGES,
  SEVERITIES,
  STAGES,
  type IncidentType,
  type Severity,
  type Stage,
} from './workflow.js';

export interface DashboardIncident {
  id: string;
  type: IncidentType;
  severity: Severity;
  stage: Stage;
  placeId: string;
  reportedAt: string;
}

/** One incident as the dashboard tallies it: what it is, where, and its SLA marks. */
export interface DashboardRow {
  type: IncidentType;
  severity: Severity;
  stage: Stage;
  placeId: string;
  marks: SlaMarks;
}

export interface DashboardFigures {
  open: number;
  byStage: Record<Stage, number>;
  bySeverity: Record<Severity, number>;
  byType: Record<IncidentType, number>;
  /** Open incidents by place id (places with none are left out). */
  byPlace: Record<string, number>;
  sla: { onTrack: number; atRisk: number; overdue: number; paused: number; met: number; missed: number };
  compliancePercent: number | null;
  meanAckMinutes: number | null;
  meanResolveMinutes: number | null;
}

const zeros = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
const KEY = {
  on_track: 'onTrack',
  at_risk: 'atRisk',
  overdue: 'overdue',
  paused: 'paused',
  met: 'met',
  missed: 'missed',
} as const;

/**
 * The incidents dashboard, derived from the rows (never stored counters two kiosks would both
 * bump): open incidents by stage, severity, type and place; each incident's SLA state; the share
 * whose finished targets were met; mean time (paused time left out) to acknowledge and to resolve.
 * Times are summed as whole milliseconds, so the figures do not depend on the rows' order.
 *
 * @example tallyDashboard(rows, DEFAULT_SLA, Date.parse(now)).sla.overdue // 3
 */
export function tallyDashboard(
  rows: Iterable<DashboardRow>,
  targets: Readonly<Record<Severity, SlaTarget>>,
  now: number,
): DashboardFigures {
  const out: DashboardFigures = {
    open: 0,
    byStage: zeros(STAGES),
    bySeverity: zeros(SEVERITIES),
    byType: zeros(INCIDENT_TYPES),
    byPlace: {},
    sla: { onTrack: 0, atRisk: 0, overdue: 0, paused: 0, met: 0, missed: 0 },
    compliancePercent: null,
    meanAckMinutes: null,
    meanResolveMinutes: null,
  };
  let ackMs = 0;
  let ackN = 0;
  let resMs = 0;
  let resN = 0;
  let finished = 0;
  let compliant = 0;
  const finishedState = (s: string) => s === 'met' || s === 'missed' || s === 'overdue';
  for (const i of rows) {
    const r = slaClocks(i.marks, targets[i.severity], now);
    out.sla[KEY[r.state]]++;
    if (OPEN_STAGES.includes(i.stage)) {
      out.open++;
      out.byStage[i.stage]++;
      out.bySeverity[i.severity]++;
      out.byType[i.type]++;
      out.byPlace[i.placeId] = (out.byPlace[i.placeId] ?? 0) + 1;
    }
    if (r.acknowledge.stoppedAt !== null) {
      ackMs += r.acknowledge.spentMs;
      ackN++;
    }
    if (r.resolve.stoppedAt !== null) {
      resMs += r.resolve.spentMs;
      resN++;
    }
    const a = finishedState(r.acknowledge.state);
    const b = finishedState(r.resolve.state);
    if (a || b) {
      finished++;
      if ((!a || r.acknowledge.state === 'met') && (!b || r.resolve.state === 'met')) compliant++;
    }
  }
  out.meanAckMinutes = ackN ? ackMs / ackN / 60_000 : null;
  out.meanResolveMinutes = resN ? resMs / resN / 60_000 : null;
  out.compliancePercent = finished ? (100 * compliant) / finished : null;
  return out;
}

/**
 * The dashboard from incidents and their histories: the reference the kiosk's SQL read
 * (electron/core/incidents/dashboard-read.ts) must equal.
 */
export function dashboardFigures(input: {
  incidents: readonly DashboardIncident[];
  eventsOf: (incidentId: string) => readonly SlaEvent[];
  targets: Readonly<Record<Severity, SlaTarget>>;
  now: string;
}): DashboardFigures {
  return tallyDashboard(
    input.incidents.map((i) => ({
      type: i.type,
      severity: i.severity,
      stage: i.stage,
      placeId: i.placeId,
      marks: marksOf(i.reportedAt, i.stage, input.eventsOf(i.id)),
    })),
    input.targets,
    Date.parse(input.now),
  );
}
