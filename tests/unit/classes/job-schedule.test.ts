import { describe, expect, it } from 'vitest';
import { latestDue } from '../../../electron/core/jobs/job-schedule.js';

const weekly = { kind: 'weekly', weekday: 1, time: '06:00' } as const;

describe('when a job was last due', () => {
  it('is this Monday 06:00 site time once it has passed, last Monday before', () => {
    expect(latestDue(weekly, '2026-11-25T10:00:00.000Z', 'Europe/Paris')).toBe('2026-11-23T05:00:00.000Z');
    expect(latestDue(weekly, '2026-11-23T04:59:59.000Z', 'Europe/Paris')).toBe('2026-11-16T05:00:00.000Z');
    expect(latestDue(weekly, '2026-11-23T05:00:00.000Z', 'Europe/Paris')).toBe('2026-11-23T05:00:00.000Z');
  });

  it('stays at 06:00 in Paris across the change to summer time (05:00Z, then 04:00Z)', () => {
    expect(latestDue(weekly, '2026-03-29T12:00:00.000Z', 'Europe/Paris')).toBe('2026-03-23T05:00:00.000Z');
    expect(latestDue(weekly, '2026-03-30T04:00:00.000Z', 'Europe/Paris')).toBe('2026-03-30T04:00:00.000Z');
  });

  it('is today at the time for a daily job once passed, else yesterday, in the site time zone', () => {
    const daily = { kind: 'daily', time: '03:00' } as const;
    expect(latestDue(daily, '2026-11-22T02:30:00.000Z', 'Europe/Paris')).toBe('2026-11-22T02:00:00.000Z');
    expect(latestDue(daily, '2026-11-22T01:30:00.000Z', 'Europe/Paris')).toBe('2026-11-21T02:00:00.000Z');
    expect(latestDue(daily, '2026-11-22T01:30:00.000Z', 'America/New_York')).toBe('2026-11-21T08:00:00.000Z');
  });
});
