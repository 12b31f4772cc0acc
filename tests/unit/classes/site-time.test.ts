import { describe, expect, it } from 'vitest';
import { addDays, instantAt, isIsoDate, mondayOf, siteClock, weekdayOf } from '../../../shared/classes/site-time.js';

describe('site time', () => {
  it('counts calendar days without a time zone, across month and year ends', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(weekdayOf('2026-11-22')).toBe(7);
    expect(mondayOf('2026-11-22')).toBe('2026-11-16');
  });

  it('accepts only real dates', () => {
    expect(isIsoDate('2026-02-28')).toBe(true);
    expect(isIsoDate('2026-02-30')).toBe(false);
    expect(isIsoDate('26-2-3')).toBe(false);
  });

  it('keeps 09:00 in Paris at 09:00 across the change to summer time (08:00Z then 07:00Z)', () => {
    expect(instantAt('2026-03-23', '09:00', 'Europe/Paris')).toBe('2026-03-23T08:00:00.000Z');
    expect(instantAt('2026-03-30', '09:00', 'Europe/Paris')).toBe('2026-03-30T07:00:00.000Z');
    expect(siteClock('2026-03-30T07:00:00.000Z', 'Europe/Paris')).toEqual({ date: '2026-03-30', time: '09:00' });
  });

  it('moves a time skipped by the spring change to after the gap, and reads the site date near midnight', () => {
    expect(instantAt('2026-03-29', '02:30', 'Europe/Paris')).toBe('2026-03-29T01:30:00.000Z');
    expect(siteClock('2026-11-22T23:30:00.000Z', 'Europe/Paris').date).toBe('2026-11-23');
    expect(siteClock('2026-11-22T23:30:00.000Z', 'UTC').date).toBe('2026-11-22');
  });
});
