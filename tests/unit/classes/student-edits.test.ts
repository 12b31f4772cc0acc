import { describe, expect, it } from 'vitest';
import { changedStudentFields } from '../../../shared/classes/student-edits.js';

const opened = {
  firstName: 'Ana',
  lastName: 'Ribeiro',
  course: 'French B1',
  startDate: '2026-11-23',
  endDate: null,
  schedule: [
    { weekday: 1, start: '18:00', durationMinutes: 60 },
    { weekday: 3, start: '09:00', durationMinutes: 90 },
  ],
};

describe('the fields a person changed on the student form', () => {
  it('names only the fields whose value differs from what the form showed', () => {
    expect(changedStudentFields(opened, { ...opened })).toEqual([]);
    expect(changedStudentFields(opened, { ...opened, lastName: 'Silva', endDate: '2027-01-31' })).toEqual([
      'lastName',
      'endDate',
    ]);
  });

  it('takes the same slots in another order for no change, and a changed slot for a schedule change', () => {
    expect(changedStudentFields(opened, { ...opened, schedule: [...opened.schedule].reverse() })).toEqual([]);
    expect(
      changedStudentFields(opened, {
        ...opened,
        schedule: [opened.schedule[0], { ...opened.schedule[1], start: '10:00' }],
      }),
    ).toEqual(['schedule']);
  });
});
