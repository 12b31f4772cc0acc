import { describe, expect, it } from 'vitest';
import { ageBucket, complianceDashboard } from '../../../shared/compliance/dashboard.js';
import { occurrences } from '../../../shared/compliance/schedule.js';

const title = { en: 'Opening', fr: 'Ouverture' };

describe('the compliance dashboard', () => {
  it('completion and mean score per template and week, from the schedule and the submitted reports', () => {
    // Thursday 26 Nov 2026, 15:00 UTC; the daily check is due at 10:00 and started on Monday 16th.
    const now = '2026-11-26T15:00:00Z';
    const done = new Map(
      ['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-23', '2026-11-26'].map((p) => [p, { submitted: true }]),
    );
    const occ = occurrences({ frequency: 'daily', startsOn: '2026-11-16', dueTime: '10:00' }, done, now, 'UTC', 60);
    const d = complianceDashboard({
      now,
      timeZone: 'UTC',
      weeks: 3,
      templates: [{ code: 'OPENING', title }],
      occurrences: new Map([['OPENING', occ]]),
      reports: [
        { templateCode: 'OPENING', submittedAt: '2026-11-16T09:00:00Z', score: 100, maxScore: 100 },
        { templateCode: 'OPENING', submittedAt: '2026-11-17T09:00:00Z', score: 80, maxScore: 100 },
        // Points: 9 of 12 is 75 %.
        { templateCode: 'OPENING', submittedAt: '2026-11-23T09:00:00Z', score: 9, maxScore: 12 },
        { templateCode: 'OTHER', submittedAt: '2026-11-23T09:00:00Z', score: 0, maxScore: 100 },
        // Before the three weeks: left out.
        { templateCode: 'OPENING', submittedAt: '2026-11-06T09:00:00Z', score: 0, maxScore: 100 },
      ],
      openActions: [],
    });
    expect(d.weeks).toEqual(['2026-11-09', '2026-11-16', '2026-11-23']);
    expect(d.templates).toEqual([
      {
        code: 'OPENING',
        title,
        // Week of the 16th: 3 of 7 dailies. This week: Mon, Tue, Wed and Thu due so far, Mon and Thu done.
        completion: [null, 42.9, 50],
        score: [null, 90, 75],
      },
    ]);
  });

  it('counts open actions by age in the site calendar', () => {
    expect([0, 7, 8, 30, 31].map(ageBucket)).toEqual(['0-7', '0-7', '8-30', '8-30', '31+']);
    const d = complianceDashboard({
      now: '2026-11-26T15:00:00Z',
      timeZone: 'Pacific/Chatham',
      weeks: 1,
      templates: [],
      occurrences: new Map(),
      reports: [],
      openActions: [
        { createdAt: '2026-11-26T10:00:00Z' },
        { createdAt: '2026-11-10T10:00:00Z' },
        { createdAt: '2026-09-01T10:00:00Z' },
      ],
    });
    expect(d.openActionsByAge).toEqual({ '0-7': 1, '8-30': 1, '31+': 1 });
  });
});
