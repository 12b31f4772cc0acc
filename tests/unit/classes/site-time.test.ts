import { describe, expect, it } from 'vitest';
import { TZDate } from '@date-fns/tz';
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

  it('gives the same date and minute from its per-second answers as a fresh conversion, around DST and in odd zones', () => {
    const pad = (n: number) => String(n).padStart(2, '0');
    const fresh = (ms: number, tz: string) => {
      const t = new TZDate(ms, tz);
      return {
        date: `${t.getFullYear()}-${pad(t.getMonth() + 1)}-${pad(t.getDate())}`,
        time: `${pad(t.getHours())}:${pad(t.getMinutes())}`,
      };
    };
    const starts = [
      '2026-03-29T00:59:58.000Z',
      '2026-10-25T00:59:58.000Z',
      '2026-11-22T23:59:59.500Z',
      '1890-06-01T12:00:00.000Z',
    ];
    for (const tz of ['Europe/Paris', 'Asia/Kathmandu', 'America/St_Johns', 'UTC']) {
      for (const start of starts) {
        // Instants a few ms apart inside one second and across the next ones, asked twice.
        for (const step of [0, 1, 499, 999, 1000, 1500, 2001, 20_999, 21_000, 38_999, 39_000, 61_000]) {
          const ms = Date.parse(start) + step;
          expect(siteClock(ms, tz)).toEqual(fresh(ms, tz));
          expect(siteClock(new Date(ms).toISOString(), tz)).toEqual(fresh(ms, tz));
        }
      }
    }
  });
});
