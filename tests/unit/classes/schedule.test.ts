import { describe, expect, it } from 'vitest';
import { scheduleSchema, validateSchedule } from '../../../shared/classes/schedule.js';

const slot = (weekday: number, start: string, durationMinutes: number) => ({ weekday, start, durationMinutes });

describe('a weekly schedule', () => {
  it('is valid with one or more slots on weekdays 1-7 at HH:MM lasting 15 to 480 minutes', () => {
    expect(validateSchedule([slot(1, '09:00', 60), slot(4, '18:30', 90), slot(7, '00:00', 15)])).toEqual([]);
  });

  it('needs at least one slot', () => {
    expect(validateSchedule([]).map((p) => p.code)).toEqual(['EMPTY']);
  });

  it('names the slot and says what to write for a bad weekday, time or duration', () => {
    const problems = validateSchedule([slot(8, '09:00', 60), slot(2, '9am', 60), slot(3, '10:00', 5)]);
    expect(problems.map((p) => [p.slot, p.code])).toEqual([
      [0, 'BAD_WEEKDAY'],
      [1, 'BAD_START'],
      [2, 'BAD_DURATION'],
    ]);
    expect(problems[1].message).toBe(
      'Slot 2 (Tuesday 9am): the start time must be HH:MM on a 24-hour clock (e.g. 09:30), not "9am".',
    );
    expect(problems[2].message).toContain('a class lasts 15 to 480 whole minutes, not 5');
  });

  it('refuses a class running past midnight', () => {
    expect(validateSchedule([slot(5, '23:30', 60)]).map((p) => p.code)).toEqual(['PAST_MIDNIGHT']);
    expect(validateSchedule([slot(5, '23:00', 60)])).toEqual([]);
  });

  it('refuses two slots overlapping on the same day, but not back to back or on other days', () => {
    expect(validateSchedule([slot(1, '09:00', 90), slot(1, '10:00', 60)]).map((p) => [p.slot, p.code])).toEqual([
      [1, 'OVERLAP'],
    ]);
    expect(validateSchedule([slot(1, '09:00', 60), slot(1, '09:00', 60)]).map((p) => p.code)).toEqual(['OVERLAP']);
    expect(validateSchedule([slot(1, '09:00', 60), slot(1, '10:00', 60), slot(2, '09:30', 60)])).toEqual([]);
  });

  it('is checked by the mutation schema with the same messages', () => {
    const r = scheduleSchema.safeParse([slot(1, '25:00', 60)]);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0].message).toContain('the start time must be HH:MM');
  });
});
