import { describe, expect, it } from 'vitest';
import { DEFAULT_SLA, slaOf, type SlaEvent } from '../../../shared/incidents/sla.js';
import { targetsOf } from '../../../shared/incidents/sla-targets.js';
import { SEVERITIES } from '../../../shared/incidents/workflow.js';

const T0 = Date.parse('2026-11-22T09:00:00Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();
const move = (minutes: number, from: string, to: string): SlaEvent => ({
  kind: 'move',
  fromStage: from,
  toStage: to,
  at: at(minutes),
});
const pause = (minutes: number): SlaEvent => ({ kind: 'sla_paused', fromStage: null, toStage: null, at: at(minutes) });
const resume = (minutes: number): SlaEvent => ({
  kind: 'sla_resumed',
  fromStage: null,
  toStage: null,
  at: at(minutes),
});
const read = (severity: keyof typeof DEFAULT_SLA, nowMin: number, events: SlaEvent[] = [], stage = 'reported') =>
  slaOf({ reportedAt: at(0), stage, events, target: DEFAULT_SLA[severity], now: at(nowMin) });

describe('SLA on read', () => {
  it('uses the default targets: critical 15 min / 24 h, high 1 h / 3 d, medium 4 h / 7 d, low 1 d / 30 d', () => {
    expect(DEFAULT_SLA).toEqual({
      critical: { ackMinutes: 15, resolveMinutes: 1440 },
      high: { ackMinutes: 60, resolveMinutes: 4320 },
      medium: { ackMinutes: 240, resolveMinutes: 10080 },
      low: { ackMinutes: 1440, resolveMinutes: 43200 },
    });
  });

  it('is on track below 75 % of the acknowledge target, at risk from 75 %, overdue at 100 %, for every severity', () => {
    for (const s of SEVERITIES) {
      const ack = DEFAULT_SLA[s].ackMinutes;
      expect(read(s, ack * 0.74).acknowledge.state).toBe('on_track');
      expect(read(s, ack * 0.75).acknowledge.state).toBe('at_risk');
      expect(read(s, ack).acknowledge.state).toBe('overdue');
      expect(read(s, ack).state).toBe('overdue');
      expect(read(s, 0).acknowledge.dueAt).toBe(at(ack));
    }
  });

  it('stops the acknowledge clock at the first move out of reported: met in time, missed late', () => {
    expect(read('critical', 60, [move(10, 'reported', 'triaging')], 'triaging').acknowledge).toMatchObject({
      state: 'met',
      stoppedAt: at(10),
    });
    expect(read('critical', 60, [move(20, 'reported', 'triaging')], 'triaging').acknowledge.state).toBe('missed');
    // The resolve clock still runs: an hour of 24 used.
    expect(read('critical', 60, [move(10, 'reported', 'triaging')], 'triaging').resolve.state).toBe('on_track');
  });

  it('leaves paused time out of both clocks and gives no due time while paused', () => {
    // Critical: 10 minutes, a 60-minute pause, then 4 more minutes: 14 of 15 used, at risk, not overdue.
    const events = [pause(10), resume(70)];
    const r = read('critical', 74, events);
    expect(r.acknowledge.state).toBe('at_risk');
    expect(r.acknowledge.dueAt).toBe(at(75));
    expect(read('critical', 40, [pause(10)]).acknowledge).toMatchObject({ state: 'paused', dueAt: null });
    // Overdue before the pause stays overdue.
    expect(read('critical', 40, [pause(20)]).acknowledge.state).toBe('overdue');
    // Two pauses add up.
    expect(read('high', 95, [pause(10), resume(30), pause(40), resume(60)]).acknowledge.state).toBe('at_risk');
    expect(read('high', 100, [pause(10), resume(30), pause(40), resume(60)]).acknowledge.state).toBe('overdue');
    expect(read('high', 99, [pause(10), resume(30), pause(40), resume(80)]).acknowledge.state).toBe('on_track');
  });

  it('resolves at the latest move into resolved while resolved or closed, and runs again once reopened', () => {
    const history = [move(5, 'reported', 'triaging'), move(600, 'triaging', 'resolved')];
    expect(read('critical', 2000, history, 'resolved')).toMatchObject({ resolve: { state: 'met' }, state: 'met' });
    const closed = [...history, move(700, 'resolved', 'closed')];
    expect(read('critical', 2000, closed, 'closed').resolve.stoppedAt).toBe(at(600));
    const reopened = [...closed, move(800, 'closed', 'reopened')];
    expect(read('critical', 2000, reopened, 'reopened').resolve.state).toBe('overdue');
    const again = [...reopened, move(1500, 'reopened', 'triaging'), move(1600, 'triaging', 'resolved')];
    expect(read('critical', 2000, again, 'resolved').resolve).toMatchObject({ state: 'missed', stoppedAt: at(1600) });
  });

  it('reads history in time order whatever order the rows came in', () => {
    const events = [resume(70), move(72, 'reported', 'triaging'), pause(10)];
    expect(read('critical', 80, events, 'triaging').acknowledge.state).toBe('met');
  });

  it("takes a site's own target over the default", () => {
    const t = targetsOf([{ severity: 'low', ack_minutes: 30, resolve_minutes: 120 }]);
    expect(t.low).toEqual({ ackMinutes: 30, resolveMinutes: 120 });
    expect(t.high).toEqual(DEFAULT_SLA.high);
  });
});
