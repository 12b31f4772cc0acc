import { slaOf, type SlaEvent, type SlaTarget } from './sla.js';
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
  reportedAt: string;
}

export interface DashboardFigures {
  open: number;
  byStage: Record<Stage, number>;
  bySeverity: Record<Severity, number>;
  byType: Record<IncidentType, number>;
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
 * bump): open incidents by stage, severity and type; each incident's SLA state; the share whose
 * finished targets were met; mean time (paused time left out) to acknowledge and to resolve.
 */
export function dashboardFigures(input: {
  incidents: readonly DashboardIncident[];
  eventsOf: (incidentId: string) => readonly SlaEvent[];
  targets: Readonly<Record<Severity, SlaTarget>>;
  now: string;
}): DashboardFigures {
  const out: DashboardFigures = {
    open: 0,
    byStage: zeros(STAGES),
    bySeverity: zeros(SEVERITIES),
    byType: zeros(INCIDENT_TYPES),
    sla: { onTrack: 0, atRisk: 0, overdue: 0, paused: 0, met: 0, missed: 0 },
    compliancePercent: null,
    meanAckMinutes: null,
    meanResolveMinutes: null,
  };
  let ackSum = 0;
  let ackN = 0;
  let resSum = 0;
  let resN = 0;
  let finished = 0;
  let compliant = 0;
  for (const i of input.incidents) {
    const target = input.targets[i.severity];
    const r = slaOf({ reportedAt: i.reportedAt, stage: i.stage, events: input.eventsOf(i.id), target, now: input.now });
    out.sla[KEY[r.state]]++;
    if (OPEN_STAGES.includes(i.stage)) {
      out.open++;
      out.byStage[i.stage]++;
      out.bySeverity[i.severity]++;
      out.byType[i.type]++;
    }
    if (r.acknowledge.stoppedAt) {
      ackSum += r.acknowledge.used * target.ackMinutes;
      ackN++;
    }
    if (r.resolve.stoppedAt) {
      resSum += r.resolve.used * target.resolveMinutes;
      resN++;
    }
    const clocks = [r.acknowledge, r.resolve].filter(
      (c) => c.state === 'met' || c.state === 'missed' || c.state === 'overdue',
    );
    if (clocks.length) {
      finished++;
      if (clocks.every((c) => c.state === 'met')) compliant++;
    }
  }
  out.meanAckMinutes = ackN ? ackSum / ackN : null;
  out.meanResolveMinutes = resN ? resSum / resN : null;
  out.compliancePercent = finished ? (100 * compliant) / finished : null;
  return out;
}
