import { describe, expect, it } from 'vitest';
import {
  classId,
  expectedClasses,
  generationWeek,
  horizonEnd,
  planGeneration,
  type ExistingClass,
  type StudentPlan,
} from '../../../shared/classes/generation.js';

const PARIS = 'Europe/Paris';
const student = (over: Partial<StudentPlan> = {}): StudentPlan => ({
  id: '0b9e4a3c-64a5-4c1a-9a44-7c1b4c0e1a01',
  course: 'Piano',
  startDate: '2026-11-23',
  endDate: null,
  schedule: [
    { weekday: 1, start: '09:00', durationMinutes: 60 },
    { weekday: 4, start: '18:30', durationMinutes: 90 },
  ],
  scheduleSince: null,
  ...over,
});
const asExisting = (
  s: StudentPlan,
  o: ReturnType<typeof expectedClasses>[number],
  over: Partial<ExistingClass> = {},
): ExistingClass => ({
  id: o.id,
  date: o.date,
  start: o.start,
  durationMinutes: o.durationMinutes,
  course: s.course,
  startsAt: o.startsAt,
  status: 'scheduled',
  paymentStatus: 'pending',
  deletedAt: null,
  ...over,
});

describe('the rolling horizon', () => {
  it('runs from the Monday of the latest weekly run (Monday 06:00 site time) for the given weeks', () => {
    // Sunday 22 Nov 2026: the latest run was Monday 16 Nov; 4 weeks end before Monday 14 Dec.
    expect(horizonEnd('2026-11-22T09:00:00Z', PARIS, 4)).toBe('2026-12-14');
    // Monday 23 Nov 05:59 in Paris (04:59Z): the new week's run has not happened yet.
    expect(generationWeek('2026-11-23T04:59:00Z', PARIS)).toBe('2026-11-16');
    expect(generationWeek('2026-11-23T05:00:00Z', PARIS)).toBe('2026-11-23');
    expect(horizonEnd('2026-11-23T05:00:00Z', PARIS, 2)).toBe('2026-12-07');
  });
});

describe('the classes a schedule calls for', () => {
  it('are every slot of every week in the window, in time order, with ids from (student, date, start)', () => {
    const s = student();
    const list = expectedClasses(s, '2026-11-23', '2026-12-07', PARIS);
    expect(list.map((o) => `${o.date} ${o.start}`)).toEqual([
      '2026-11-23 09:00',
      '2026-11-26 18:30',
      '2026-11-30 09:00',
      '2026-12-03 18:30',
    ]);
    expect(list[0].id).toBe(classId(s.id, '2026-11-23', '09:00'));
    expect(list[0].startsAt).toBe('2026-11-23T08:00:00.000Z');
  });

  it('are the same list when generated twice: same ids, so regenerating writes nothing', () => {
    const a = expectedClasses(student(), '2026-11-23', '2026-12-21', PARIS);
    const b = expectedClasses(student(), '2026-11-23', '2026-12-21', PARIS);
    expect(b).toEqual(a);
    const plan = planGeneration({
      student: student(),
      expected: b,
      existing: a.map((o) => asExisting(student(), o)),
      now: '2026-11-22T09:00:00.000Z',
      removeUnfit: false,
    });
    expect(plan).toEqual({ create: [], restore: [], adjust: [], remove: [] });
  });

  it('stop at the end date (inclusive) and start at the start date', () => {
    const s = student({ startDate: '2026-11-26', endDate: '2026-11-30' });
    expect(expectedClasses(s, '2026-11-23', '2026-12-21', PARIS).map((o) => o.date)).toEqual([
      '2026-11-26',
      '2026-11-30',
    ]);
  });

  it('keep the site wall time across the change to summer time in Paris, so the instant moves an hour', () => {
    const s = student({
      startDate: '2026-03-16',
      schedule: [
        { weekday: 1, start: '09:00', durationMinutes: 60 },
        { weekday: 7, start: '02:30', durationMinutes: 30 },
      ],
    });
    const list = expectedClasses(s, '2026-03-16', '2026-04-06', PARIS);
    expect(list.filter((o) => o.start === '09:00').map((o) => o.startsAt)).toEqual([
      '2026-03-16T08:00:00.000Z',
      '2026-03-23T08:00:00.000Z',
      '2026-03-30T07:00:00.000Z',
    ]);
    // 29 March 02:30 does not exist in Paris: the class is still generated once, right after the gap.
    const sunday = list.filter((o) => o.date === '2026-03-29');
    expect(sunday).toHaveLength(1);
    expect(sunday[0].startsAt).toBe('2026-03-29T01:30:00.000Z');
    expect(new Set(list.map((o) => o.id)).size).toBe(list.length);
  });

  it('keep one class per slot on the autumn night that repeats an hour', () => {
    const s = student({ startDate: '2026-10-19', schedule: [{ weekday: 7, start: '02:30', durationMinutes: 30 }] });
    const list = expectedClasses(s, '2026-10-19', '2026-11-02', PARIS);
    expect(list.map((o) => o.date)).toEqual(['2026-10-25', '2026-11-01']);
  });

  it('are not called for before a schedule change took effect', () => {
    const s = student({ scheduleSince: '2026-11-26T12:00:00.000Z' });
    expect(expectedClasses(s, '2026-11-23', '2026-12-07', PARIS).map((o) => o.date)).toEqual([
      '2026-11-26',
      '2026-11-30',
      '2026-12-03',
    ]);
  });
});

describe('a schedule change', () => {
  const now = '2026-11-25T10:00:00.000Z';
  const old = student();
  const oldClasses = expectedClasses(old, '2026-11-23', '2026-12-14', PARIS);

  it('removes only classes still ahead, scheduled and unpaid that the new schedule does not call for', () => {
    const changed = student({ schedule: [{ weekday: 2, start: '10:00', durationMinutes: 60 }], scheduleSince: now });
    const existing = oldClasses.map((o) => {
      if (o.date === '2026-11-30') return asExisting(old, o, { paymentStatus: 'paid' });
      if (o.date === '2026-12-03') return asExisting(old, o, { status: 'cancelled' });
      return asExisting(old, o);
    });
    const plan = planGeneration({
      student: changed,
      expected: expectedClasses(changed, '2026-11-25', '2026-12-14', PARIS),
      existing,
      now,
      removeUnfit: true,
    });
    // Monday 23rd is past (kept as history); the paid 30th and cancelled 3rd are never touched.
    expect(plan.remove.map((c) => c.date)).toEqual(['2026-11-26', '2026-12-07', '2026-12-10']);
    expect(plan.create.map((o) => o.date)).toEqual(['2026-12-01', '2026-12-08']);
  });

  it('never removes a completed class, even one ahead (marked early)', () => {
    const changed = student({ schedule: [{ weekday: 2, start: '10:00', durationMinutes: 60 }], scheduleSince: now });
    const existing = oldClasses.map((o) => asExisting(old, o, { status: 'completed' }));
    const plan = planGeneration({ student: changed, expected: [], existing, now, removeUnfit: true });
    expect(plan.remove).toEqual([]);
  });

  it('brings back a class it removed before when the schedule returns to it, with the same id', () => {
    const o = oldClasses.find((c) => c.date === '2026-11-30')!;
    const plan = planGeneration({
      student: old,
      expected: [o],
      existing: [asExisting(old, o, { deletedAt: '2026-11-24T10:00:00.000Z' })],
      now,
      removeUnfit: true,
    });
    expect(plan.restore.map((c) => c.id)).toEqual([o.id]);
    expect(plan.create).toEqual([]);
  });

  it('adjusts a class ahead whose slot keeps its start but changes its duration', () => {
    const longer = student({
      schedule: [
        { weekday: 1, start: '09:00', durationMinutes: 90 },
        { weekday: 4, start: '18:30', durationMinutes: 90 },
      ],
      scheduleSince: now,
    });
    const plan = planGeneration({
      student: longer,
      expected: expectedClasses(longer, '2026-11-25', '2026-12-14', PARIS),
      existing: oldClasses.map((o) => asExisting(old, o)),
      now,
      removeUnfit: true,
    });
    expect(plan.adjust.map((o) => o.date)).toEqual(['2026-11-30', '2026-12-07']);
    expect(plan.remove).toEqual([]);
  });

  it('with an earlier end date removes the classes after it that are still ahead', () => {
    const ending = student({ endDate: '2026-11-30', scheduleSince: now });
    const plan = planGeneration({
      student: ending,
      expected: expectedClasses(ending, '2026-11-25', '2026-12-14', PARIS),
      existing: oldClasses.map((o) => asExisting(old, o)),
      now,
      removeUnfit: true,
    });
    expect(plan.remove.map((c) => c.date)).toEqual(['2026-12-03', '2026-12-07', '2026-12-10']);
  });
});
