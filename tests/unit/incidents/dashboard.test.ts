import { describe, expect, it } from 'vitest';
import { dashboardFigures, type DashboardIncident } from '../../../shared/incidents/dashboard.js';
import { DEFAULT_SLA, type SlaEvent } from '../../../shared/incidents/sla.js';

const T0 = Date.parse('2026-11-22T09:00:00Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();
const move = (minutes: number, from: string, to: string): SlaEvent => ({
  kind: 'move',
  fromStage: from,
  toStage: to,
  at: at(minutes),
});

describe('incidents dashboard figures', () => {
  it('counts open incidents by stage, severity and type, and derives SLA compliance and mean times from history', () => {
    const incidents: DashboardIncident[] = [
      { id: 'a', type: 'fire', severity: 'critical', stage: 'resolved', reportedAt: at(0) },
      { id: 'b', type: 'near_miss', severity: 'critical', stage: 'triaging', reportedAt: at(0) },
      { id: 'c', type: 'near_miss', severity: 'low', stage: 'reported', reportedAt: at(0) },
    ];
    const events: Record<string, SlaEvent[]> = {
      // Acknowledged after 10 min, resolved after 600: both targets met.
      a: [move(10, 'reported', 'triaging'), move(600, 'triaging', 'resolved')],
      // Acknowledged after 20 min: missed.
      b: [move(20, 'reported', 'triaging')],
      c: [],
    };
    const f = dashboardFigures({ incidents, eventsOf: (id) => events[id], targets: DEFAULT_SLA, now: at(60) });
    expect(f.open).toBe(2);
    expect(f.byStage).toMatchObject({ triaging: 1, reported: 1, resolved: 0 });
    expect(f.bySeverity).toMatchObject({ critical: 1, low: 1 });
    expect(f.byType).toMatchObject({ near_miss: 2, fire: 0 });
    // b missed its acknowledgement but is on track to be resolved: the list shows the clock still running.
    expect(f.sla).toEqual({ onTrack: 2, atRisk: 0, overdue: 0, paused: 0, met: 1, missed: 0 });
    expect(f.compliancePercent).toBe(50);
    expect(f.meanAckMinutes).toBeCloseTo(15);
    expect(f.meanResolveMinutes).toBeCloseTo(600);
  });

  it('has no compliance or mean times before any target has finished', () => {
    const f = dashboardFigures({
      incidents: [{ id: 'x', type: 'other', severity: 'low', stage: 'reported', reportedAt: at(0) }],
      eventsOf: () => [],
      targets: DEFAULT_SLA,
      now: at(1),
    });
    expect([f.compliancePercent, f.meanAckMinutes, f.meanResolveMinutes]).toEqual([null, null, null]);
  });
});
