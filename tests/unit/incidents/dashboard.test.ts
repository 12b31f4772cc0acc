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
      { id: 'a', type: 'fire', severity: 'critical', stage: 'resolved', placeId: 'galley', reportedAt: at(0) },
      { id: 'b', type: 'near_miss', severity: 'critical', stage: 'triaging', placeId: 'galley', reportedAt: at(0) },
      { id: 'c', type: 'near_miss', severity: 'low', stage: 'reported', placeId: 'bridge', reportedAt: at(0) },
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
    // By place: open ones only (a, resolved in the galley, is not counted).
    expect(f.byPlace).toEqual({ galley: 1, bridge: 1 });
    // b missed its acknowledgement but is on track to be resolved: the list shows the clock still running.
    expect(f.sla).toEqual({ onTrack: 2, atRisk: 0, overdue: 0, paused: 0, met: 1, missed: 0 });
    expect(f.compliancePercent).toBe(50);
    expect(f.meanAckMinutes).toBeCloseTo(15);
    expect(f.meanResolveMinutes).toBeCloseTo(600);
  });

  it('has no compliance or mean times before any target has finished', () => {
    const f = dashboardFigures({
      incidents: [{ id: 'x', type: 'other', severity: 'low', stage: 'reported', placeId: 'galley', reportedAt: at(0) }],
      eventsOf: () => [],
      targets: DEFAULT_SLA,
      now: at(1),
    });
    expect([f.compliancePercent, f.meanAckMinutes, f.meanResolveMinutes]).toEqual([null, null, null]);
  });

  it('leaves paused time out of the mean times and does not depend on the order of incidents', () => {
    const incidents: DashboardIncident[] = [
      { id: 'p', type: 'fire', severity: 'high', stage: 'closed', placeId: 'galley', reportedAt: at(0) },
      { id: 'q', type: 'fire', severity: 'high', stage: 'closed', placeId: 'galley', reportedAt: at(0) },
      { id: 'r', type: 'other', severity: 'medium', stage: 'triaging', placeId: 'galley', reportedAt: at(0) },
    ];
    const pause = (minutes: number, paused: boolean): SlaEvent => ({
      kind: paused ? 'sla_paused' : 'sla_resumed',
      fromStage: null,
      toStage: null,
      at: at(minutes),
    });
    const events: Record<string, SlaEvent[]> = {
      // Acknowledged at 30, resolved at 300 with 100 minutes waiting for shore: 200 minutes spent.
      p: [
        move(300, 'triaging', 'resolved'),
        pause(100, true),
        move(30, 'reported', 'triaging'),
        pause(200, false),
        move(310, 'resolved', 'closed'),
      ],
      // Resolved then reopened then resolved again: the latest resolution counts (400 minutes).
      q: [
        move(10, 'reported', 'triaging'),
        move(50, 'triaging', 'resolved'),
        move(60, 'resolved', 'reopened'),
        move(400, 'reopened', 'resolved'),
        move(410, 'resolved', 'closed'),
      ],
      // Paused now: neither running nor breached.
      r: [move(5, 'reported', 'triaging'), pause(20, true)],
    };
    const figures = (list: DashboardIncident[]) =>
      dashboardFigures({ incidents: list, eventsOf: (id) => events[id], targets: DEFAULT_SLA, now: at(500) });
    const f = figures(incidents);
    // Acknowledged after 30, 10 and 5 minutes.
    expect(f.meanAckMinutes).toBe(15);
    expect(f.meanResolveMinutes).toBe(300);
    expect(f.sla).toEqual({ onTrack: 0, atRisk: 0, overdue: 0, paused: 1, met: 2, missed: 0 });
    expect(f.compliancePercent).toBe(100);
    expect(figures([...incidents].reverse())).toEqual(f);
  });
});
