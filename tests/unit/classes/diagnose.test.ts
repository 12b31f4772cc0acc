import { describe, expect, it } from 'vitest';
import { diagnose, issueCount, type StoredClass, type StoredStudent } from '../../../shared/classes/diagnose.js';
import { expectedClasses } from '../../../shared/classes/generation.js';

const now = '2026-11-22T09:00:00.000Z';
const base: StoredStudent = {
  id: 'a1b2c3d4-0000-4000-8000-000000000001',
  name: 'Ana Lopez',
  course: 'Piano',
  startDate: '2026-11-16',
  endDate: null,
  schedule: JSON.stringify([{ weekday: 3, start: '17:00', durationMinutes: 60 }]),
  scheduleSince: null,
};
const classesOf = (s: StoredStudent): StoredClass[] =>
  expectedClasses({ ...s, schedule: JSON.parse(s.schedule), course: s.course }, s.startDate, '2026-12-14', 'UTC').map(
    (o) => ({
      ...o,
      studentId: s.id,
      course: s.course,
      status: 'scheduled',
      paymentStatus: 'pending',
      deletedAt: null,
    }),
  );

describe('diagnosis', () => {
  it('finds nothing when every class up to the horizon is there', () => {
    const d = diagnose({ students: [base], classes: classesOf(base), now, timeZone: 'UTC', horizonWeeks: 4 });
    expect(issueCount(d)).toBe(0);
    expect(d.studentsOk).toBe(1);
  });

  it('lists the missing dates of a student', () => {
    const d = diagnose({
      students: [base],
      classes: classesOf(base).filter((c) => c.date !== '2026-11-25'),
      now,
      timeZone: 'UTC',
      horizonWeeks: 4,
    });
    expect(d.missing).toEqual([{ studentId: base.id, name: 'Ana Lopez', count: 1, dates: ['2026-11-25'] }]);
  });

  it('reports an unreadable or invalid schedule with the reason, and does not guess its classes', () => {
    const broken = { ...base, id: 'a1b2c3d4-0000-4000-8000-000000000002', name: 'Broken', schedule: '{"mon":"9"}' };
    const overlap = {
      ...base,
      id: 'a1b2c3d4-0000-4000-8000-000000000003',
      name: 'Overlap',
      schedule: JSON.stringify([
        { weekday: 1, start: '09:00', durationMinutes: 60 },
        { weekday: 1, start: '09:30', durationMinutes: 60 },
      ]),
    };
    const d = diagnose({ students: [broken, overlap], classes: [], now, timeZone: 'UTC', horizonWeeks: 4 });
    expect(d.invalid.map((i) => i.name)).toEqual(['Broken', 'Overlap']);
    expect(d.invalid[1].problems[0]).toContain('overlaps slot 1');
    expect(d.missing).toEqual([]);
  });

  it('finds classes outside the schedule and duplicates of one date and start', () => {
    const cls = classesOf(base);
    const stray: StoredClass = {
      ...cls[0],
      id: 'ffffffff-0000-4000-8000-000000000001',
      date: '2026-11-24',
      start: '17:00',
    };
    const twin: StoredClass = { ...cls[1], id: 'ffffffff-0000-4000-8000-000000000002' };
    const d = diagnose({ students: [base], classes: [...cls, stray, twin], now, timeZone: 'UTC', horizonWeeks: 4 });
    expect(d.outsideSchedule.map((c) => c.date)).toEqual(['2026-11-24']);
    expect(d.duplicates).toEqual([
      {
        studentId: base.id,
        name: 'Ana Lopez',
        date: cls[1].date,
        start: '17:00',
        classIds: [cls[1].id, twin.id].sort(),
      },
    ]);
    expect(d.studentsOk).toBe(0);
  });

  it('ignores removed classes and classes before a schedule change', () => {
    const changed = {
      ...base,
      scheduleSince: '2026-11-20T00:00:00.000Z',
      schedule: JSON.stringify([{ weekday: 5, start: '17:00', durationMinutes: 60 }]),
    };
    const history: StoredClass[] = classesOf(base).slice(0, 1); // Wed 18 Nov, under the old schedule
    const fresh = classesOf(changed);
    const removed = classesOf(base)
      .slice(1)
      .map((c) => ({ ...c, deletedAt: '2026-11-20T00:00:00.000Z' }));
    const d = diagnose({
      students: [changed],
      classes: [...history, ...fresh, ...removed],
      now,
      timeZone: 'UTC',
      horizonWeeks: 4,
    });
    expect(issueCount(d)).toBe(0);
  });
});
