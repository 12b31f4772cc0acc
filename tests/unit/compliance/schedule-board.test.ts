import { describe, expect, it } from 'vitest';
import { occurrences, type ScheduleSpec } from '../../../shared/compliance/schedule.js';
import { scheduleBoard } from '../../../shared/compliance/schedule-board.js';

const board = (specs: Record<string, ScheduleSpec>, done: Record<string, string[]>, now: string, tz: string) =>
  scheduleBoard(
    Object.entries(specs).map(([name, spec]) => ({
      of: name,
      occurrences: occurrences(spec, new Map((done[name] ?? []).map((p) => [p, { submitted: true }])), now, tz),
    })),
    now,
    tz,
  ).map((e) => [e.of, e.bucket, e.dueOn, e.occurrence.status]);

describe('the schedule board: today, this week, later, missed', () => {
  const specs: Record<string, ScheduleSpec> = {
    daily: { frequency: 'daily', startsOn: '2026-11-23', dueTime: '10:00' },
    weekly: { frequency: 'weekly', startsOn: '2026-11-02', dueTime: '12:00' },
    monthly: { frequency: 'monthly', startsOn: '2026-10-01', dueTime: '17:00' },
  };

  it('a kiosk off since Monday shows the two missed dailies, today’s, the week’s and the month’s', () => {
    // Wednesday 25 Nov 2026, 09:00 in Paris.
    expect(
      board(specs, { weekly: ['2026-11-16'], monthly: ['2026-10-01'] }, '2026-11-25T08:00:00Z', 'Europe/Paris'),
    ).toEqual([
      ['weekly', 'missed', '2026-11-08', 'missed'],
      ['weekly', 'missed', '2026-11-15', 'missed'],
      ['daily', 'missed', '2026-11-23', 'missed'],
      ['daily', 'missed', '2026-11-24', 'missed'],
      ['daily', 'today', '2026-11-25', 'due'],
      ['weekly', 'week', '2026-11-29', 'due'],
      ['monthly', 'later', '2026-11-30', 'due'],
    ]);
  });

  it('keeps today’s done report on the board and leaves earlier done ones out; a late one counts as today', () => {
    const now = '2026-11-25T10:30:00Z'; // 11:30 in Paris: today's daily is late.
    expect(board({ daily: specs.daily }, { daily: ['2026-11-23', '2026-11-24'] }, now, 'Europe/Paris')).toEqual([
      ['daily', 'today', '2026-11-25', 'late'],
    ]);
    expect(
      board({ daily: specs.daily }, { daily: ['2026-11-23', '2026-11-24', '2026-11-25'] }, now, 'Europe/Paris'),
    ).toEqual([['daily', 'today', '2026-11-25', 'done']]);
  });

  it('counts days in the site’s calendar across a daylight-saving change (Chatham, UTC+13:45 to +12:45)', () => {
    // Sunday 5 April 2026, 09:00 local after the clocks went back at 03:45.
    const now = '2026-04-04T20:15:00Z';
    expect(
      board({ daily: { frequency: 'daily', startsOn: '2026-04-04', dueTime: '10:00' } }, {}, now, 'Pacific/Chatham'),
    ).toEqual([
      ['daily', 'missed', '2026-04-04', 'missed'],
      ['daily', 'today', '2026-04-05', 'due'],
    ]);
  });
});
