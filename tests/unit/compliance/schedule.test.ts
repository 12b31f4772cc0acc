import { describe, expect, it } from 'vitest';
import { nextPeriod, occurrences, periodStart } from '../../../shared/compliance/schedule.js';

const none = new Map<string, { submitted: boolean }>();
const statuses = (list: ReturnType<typeof occurrences>) => list.map((o) => `${o.period} ${o.status}`);

describe('compliance schedules', () => {
  it('a kiosk off three days shows the three missed dailies, and today due', () => {
    const daily = { frequency: 'daily' as const, startsOn: '2026-11-01', dueTime: '10:00' };
    const done = new Map(
      ['2026-11-01', '2026-11-02', '2026-11-03', '2026-11-04', '2026-11-05', '2026-11-06', '2026-11-07'].map((d) => [
        d,
        { submitted: true },
      ]),
    );
    const list = occurrences(daily, done, '2026-11-11T08:00:00Z', 'Europe/Paris');
    expect(statuses(list).slice(-4)).toEqual([
      '2026-11-08 missed',
      '2026-11-09 missed',
      '2026-11-10 missed',
      '2026-11-11 due',
    ]);
    expect(list.filter((o) => o.status === 'missed')).toHaveLength(3);
  });

  it('late between the due time and the end of the period; a started report is still not done', () => {
    const daily = { frequency: 'daily' as const, startsOn: '2026-11-11', dueTime: '10:00' };
    // 10:30 in Paris (UTC+1 in November).
    const [o] = occurrences(
      daily,
      new Map([['2026-11-11', { submitted: false }]]),
      '2026-11-11T09:30:00Z',
      'Europe/Paris',
    );
    expect(o).toMatchObject({
      status: 'late',
      started: true,
      dueAt: '2026-11-11T09:00:00.000Z',
      endsAt: '2026-11-11T23:00:00.000Z',
    });
  });

  it('keeps the due time in site time across the spring change: 10:00 Paris is 09:00Z, then 08:00Z', () => {
    const daily = { frequency: 'daily' as const, startsOn: '2026-03-28', dueTime: '10:00' };
    const list = occurrences(daily, none, '2026-03-30T07:30:00Z', 'Europe/Paris');
    expect(list.map((o) => [o.period, o.dueAt, o.status])).toEqual([
      ['2026-03-28', '2026-03-28T09:00:00.000Z', 'missed'],
      // The 29th has 23 hours: still one day, one missed report.
      ['2026-03-29', '2026-03-29T08:00:00.000Z', 'missed'],
      ['2026-03-30', '2026-03-30T08:00:00.000Z', 'due'],
    ]);
    expect(list[1].endsAt).toBe('2026-03-29T22:00:00.000Z');
  });

  it('counts the autumn day of 25 hours once, and moves a due time inside the spring gap past it', () => {
    const daily = { frequency: 'daily' as const, startsOn: '2026-10-24', dueTime: '02:30' };
    const list = occurrences(daily, none, '2026-10-26T12:00:00Z', 'Europe/Paris');
    expect(list.map((o) => o.period)).toEqual(['2026-10-24', '2026-10-25', '2026-10-26']);
    expect(list.map((o) => o.status)).toEqual(['missed', 'missed', 'late']);
    const spring = occurrences({ ...daily, startsOn: '2026-03-29' }, none, '2026-03-29T00:30:00Z', 'Europe/Paris');
    // 02:30 does not exist on 29 March in Paris: it moves on by the hour skipped, to 03:30 CEST.
    expect(spring[0]).toMatchObject({ dueAt: '2026-03-29T01:30:00.000Z', status: 'due' });
  });

  it('uses the site date, not UTC: 19:00Z on the 10th is 08:00 on the 11th in Auckland', () => {
    const daily = { frequency: 'daily' as const, startsOn: '2026-11-10', dueTime: '09:00' };
    expect(statuses(occurrences(daily, none, '2026-11-10T19:00:00Z', 'Pacific/Auckland'))).toEqual([
      '2026-11-10 missed',
      '2026-11-11 due',
    ]);
  });

  it('weekly, monthly, quarterly and yearly periods, due on their last day', () => {
    expect(periodStart('weekly', '2026-11-12')).toBe('2026-11-09');
    expect(periodStart('quarterly', '2026-11-12')).toBe('2026-10-01');
    expect(nextPeriod('quarterly', '2026-10-01')).toBe('2027-01-01');
    expect(nextPeriod('monthly', '2026-12-01')).toBe('2027-01-01');
    const weekly = occurrences(
      { frequency: 'weekly', startsOn: '2026-11-02', dueTime: '18:00' },
      none,
      '2026-11-12T12:00:00Z',
      'UTC',
    );
    expect(weekly.map((o) => [o.period, o.dueAt, o.status])).toEqual([
      ['2026-11-02', '2026-11-08T18:00:00.000Z', 'missed'],
      ['2026-11-09', '2026-11-15T18:00:00.000Z', 'due'],
    ]);
    const yearly = occurrences(
      { frequency: 'yearly', startsOn: '2025-06-01', dueTime: '12:00' },
      new Map([['2025-01-01', { submitted: true }]]),
      '2026-12-31T13:00:00Z',
      'UTC',
    );
    expect(statuses(yearly)).toEqual(['2025-01-01 done', '2026-01-01 late']);
    const monthly = occurrences(
      { frequency: 'monthly', startsOn: '2026-12-01', dueTime: '12:00' },
      none,
      '2026-11-30T00:00:00Z',
      'UTC',
    );
    expect(monthly).toEqual([]);
  });

  it('looks back at most `limit` periods', () => {
    const list = occurrences(
      { frequency: 'daily', startsOn: '2025-01-01', dueTime: '10:00' },
      none,
      '2026-11-22T09:00:00Z',
      'UTC',
      5,
    );
    expect(list.map((o) => o.period)).toEqual(['2026-11-18', '2026-11-19', '2026-11-20', '2026-11-21', '2026-11-22']);
  });
});
