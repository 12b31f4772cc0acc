import { describe, expect, it } from 'vitest';
import { MUTATIONS } from '../../../shared/mutations/index.js';
import { laneOf, lanesAllowed, orderForLink } from '../../../shared/sync/lanes.js';

describe('lanes', () => {
  it('puts incidents, escalations, lockouts and emergency messages in the urgent lane', () => {
    expect(laneOf('incidents.report')).toBe('urgent');
    expect(laneOf('escalations.raise')).toBe('urgent');
    expect(laneOf('audit.recordAuthEvent')).toBe('urgent');
    expect(laneOf('messages.emergency')).toBe('urgent');
    expect(laneOf('links.setEmergency')).toBe('urgent');
  });

  it('puts attachments and raw sensor samples in the bulk lane and the rest in normal', () => {
    expect(laneOf('attachments.put')).toBe('bulk');
    expect(laneOf('sensors.recordSamples')).toBe('bulk');
    expect(laneOf('users.create')).toBe('normal');
    expect(laneOf('messages.chat')).toBe('normal');
  });

  it('gives every registered mutation a lane', () => {
    for (const m of MUTATIONS) expect(['urgent', 'normal', 'bulk']).toContain(laneOf(m.name));
  });

  it('lets only urgent traffic through in emergency mode, and keeps bulk off expensive links unless allowed', () => {
    expect(lanesAllowed({ emergency: true, expensive: false })).toEqual(['urgent']);
    expect(lanesAllowed({ emergency: false, expensive: true })).toEqual(['urgent', 'normal']);
    expect(lanesAllowed({ emergency: false, expensive: true, bulkOnExpensive: true })).toEqual([
      'urgent',
      'normal',
      'bulk',
    ]);
    expect(lanesAllowed({ emergency: false, expensive: false })).toEqual(['urgent', 'normal', 'bulk']);
  });

  it('sends urgent first, each lane in its own seq order', () => {
    const q = [
      { seq: 1, name: 'attachments.put' },
      { seq: 2, name: 'users.create' },
      { seq: 3, name: 'incidents.report' },
      { seq: 4, name: 'users.rename' },
      { seq: 5, name: 'incidents.escalate' },
    ];
    expect(orderForLink(q, { emergency: false, expensive: false }).map((m) => m.seq)).toEqual([3, 5, 2, 4, 1]);
    expect(orderForLink(q, { emergency: false, expensive: true }).map((m) => m.seq)).toEqual([3, 5, 2, 4]);
    expect(orderForLink(q, { emergency: true, expensive: false }).map((m) => m.seq)).toEqual([3, 5]);
  });
});
