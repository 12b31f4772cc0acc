import { describe, expect, it } from 'vitest';
import { latestDue } from '../../../electron/core/jobs/job-schedule.js';
import { backupsToKeep } from '../../../shared/backups/retention.js';

/** Every quarter-hour from `start` for `days` days. */
function quarterHours(start: string, days: number): string[] {
  const out: string[] = [];
  const t0 = Date.parse(start);
  for (let i = 0; i < days * 96; i++) out.push(new Date(t0 + i * 900_000).toISOString());
  return out;
}

describe('backup retention', () => {
  it('keeps every quarter-hour of the last day, the newest of each of 30 days and of 12 months', () => {
    // 400 days of quarter-hours, up to 2026-11-22 08:45 UTC.
    const all = quarterHours('2025-10-18T09:00:00.000Z', 400);
    const now = '2026-11-22T08:50:00.000Z';
    const keep = backupsToKeep(all, now, 'UTC');
    const recent = all.filter((a) => Date.parse(now) - Date.parse(a) < 24 * 3_600_000);
    expect(recent).toHaveLength(96);
    for (const r of recent) expect(keep.has(r)).toBe(true);
    // Each of the 30 newest days keeps its last backup (23:45), today's newest is among the recent ones.
    expect(keep.has('2026-11-21T23:45:00.000Z')).toBe(true);
    expect(keep.has('2026-10-24T23:45:00.000Z')).toBe(true);
    expect(keep.has('2026-10-23T23:45:00.000Z')).toBe(false); // 31 days back, and October's newest is the 31st
    expect(keep.has('2026-10-24T12:00:00.000Z')).toBe(false); // a daily keeps one a day
    // Monthlies: the newest of each month, 12 months, the current one included.
    expect(keep.has('2026-09-30T23:45:00.000Z')).toBe(true);
    expect(keep.has('2025-12-31T23:45:00.000Z')).toBe(true);
    expect(keep.has('2025-11-30T23:45:00.000Z')).toBe(false); // the 13th month back
    // 96 recent, 28 more dailies (today's and yesterday's newest are recent), 10 more monthlies (November and October are dailies).
    expect(keep.size).toBe(96 + 28 + 10);
  });

  it('counts days and months in the site time zone', () => {
    // 23:30 UTC on 21 November is already 22 November in Paris: that day's newest is 23:45 UTC on the 21st.
    const taken = ['2026-11-21T22:30:00.000Z', '2026-11-21T23:30:00.000Z'];
    const now = '2026-12-20T12:00:00.000Z';
    expect([...backupsToKeep(taken, now, 'UTC')].sort()).toEqual(['2026-11-21T23:30:00.000Z']);
    expect([...backupsToKeep(taken, now, 'Europe/Paris')].sort()).toEqual(taken);
  });

  it('never drops a backup that looks newer than now (the clock went back)', () => {
    const taken = ['2027-01-01T00:00:00.000Z', '2027-01-01T00:15:00.000Z'];
    expect(backupsToKeep(taken, '2026-11-22T09:00:00.000Z', 'UTC').size).toBe(2);
  });
});

describe('a job every 15 minutes', () => {
  it('falls due on the quarter-hours, whatever the time zone', () => {
    const every = { kind: 'every', minutes: 15 } as const;
    expect(latestDue(every, '2026-11-22T09:14:59.000Z', 'Pacific/Chatham')).toBe('2026-11-22T09:00:00.000Z');
    expect(latestDue(every, '2026-11-22T09:15:00.000Z', 'Europe/Paris')).toBe('2026-11-22T09:15:00.000Z');
  });
});
