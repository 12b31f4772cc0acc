import { describe, expect, it } from 'vitest';
import { mostMissed, sectionEngagement } from '../../../shared/training/engagement.js';
import {
  bucketOf,
  bucketsOf,
  defaultPeriod,
  periodInstants,
  periodProblem,
  shiftPeriod,
  trainingTrend,
} from '../../../shared/training/trends.js';

const PARIS = 'Europe/Paris';

describe('training trends on the site calendar', () => {
  it('puts an attempt in the site day, week and month, not the UTC one', () => {
    // 23:30 UTC on Sunday 22 March is 00:30 on Monday 23 March in Paris (CET, +1).
    expect(bucketOf('2026-03-22T23:30:00Z', 'day', PARIS)).toBe('2026-03-23');
    expect(bucketOf('2026-03-22T23:30:00Z', 'week', PARIS)).toBe('2026-03-23');
    expect(bucketOf('2026-03-22T23:30:00Z', 'week', 'UTC')).toBe('2026-03-16');
    // 22:30 UTC on 31 March is 00:30 on 1 April in Paris (CEST, +2).
    expect(bucketOf('2026-03-31T22:30:00Z', 'month', PARIS)).toBe('2026-04-01');
    expect(bucketOf('2026-03-31T22:30:00Z', 'month', 'UTC')).toBe('2026-03-01');
    // Chatham is 13:45 ahead in its summer: a UTC morning is already the next day.
    expect(bucketOf('2026-12-01T11:00:00Z', 'day', 'Pacific/Chatham')).toBe('2026-12-02');
  });

  it('counts the DST week (clocks go forward on Sunday 29 March 2026 in Paris) as Monday to Sunday, 167 hours long', () => {
    const week = { from: '2026-03-23', to: '2026-03-29' };
    const { start, end } = periodInstants(week, PARIS);
    expect(start).toBe('2026-03-22T23:00:00.000Z');
    expect(end).toBe('2026-03-29T22:00:00.000Z');
    expect((Date.parse(end) - Date.parse(start)) / 3_600_000).toBe(167);
    const attempts = [
      // Sunday 29 March 23:30 in Paris (CEST): still this week.
      { submittedAt: '2026-03-29T21:30:00Z', score: 80, passed: true },
      // Monday 30 March 00:30 in Paris: next week, though it is Sunday in UTC.
      { submittedAt: '2026-03-29T22:30:00Z', score: 40, passed: false },
      // Monday 23 March 00:30 in Paris (CET): this week's first hour.
      { submittedAt: '2026-03-22T23:30:00Z', score: 95, passed: true },
      // Sunday 22 March 23:30 in Paris: the week before, left out of the period.
      { submittedAt: '2026-03-22T22:30:00Z', score: 10, passed: false },
      { submittedAt: '2026-03-25T10:00:00Z', score: null, passed: false },
    ];
    expect(trainingTrend(attempts, week, 'week', PARIS)).toEqual([
      { bucket: '2026-03-23', attempts: 3, completions: 2, meanScore: 87.5 },
    ]);
    expect(trainingTrend(attempts, week, 'day', PARIS).map((p) => [p.bucket, p.attempts])).toEqual([
      ['2026-03-23', 1],
      ['2026-03-24', 0],
      ['2026-03-25', 1],
      ['2026-03-26', 0],
      ['2026-03-27', 0],
      ['2026-03-28', 0],
      ['2026-03-29', 1],
    ]);
    expect(
      trainingTrend(attempts, { from: '2026-03-01', to: '2026-04-30' }, 'month', PARIS).map((p) => [
        p.bucket,
        p.completions,
        p.meanScore,
      ]),
      // The whole of March holds all five: (80 + 40 + 95 + 10) / 4 scored = 56.25.
    ).toEqual([
      ['2026-03-01', 2, 56.3],
      ['2026-04-01', 0, null],
    ]);
  });

  it('makes default periods of whole buckets up to today, shifts them by their own size, and refuses bad ones naming the field', () => {
    expect(defaultPeriod('2026-03-31', 'day')).toEqual({ from: '2026-03-18', to: '2026-03-31' });
    expect(defaultPeriod('2026-03-31', 'week')).toEqual({ from: '2026-02-09', to: '2026-04-05' });
    expect(defaultPeriod('2026-03-31', 'month')).toEqual({ from: '2025-10-01', to: '2026-03-31' });
    expect(bucketsOf(defaultPeriod('2026-03-31', 'week'), 'week')).toHaveLength(8);
    expect(shiftPeriod({ from: '2026-02-09', to: '2026-04-05' }, 'week', -1)).toEqual({
      from: '2025-12-15',
      to: '2026-02-08',
    });
    expect(shiftPeriod({ from: '2025-10-01', to: '2026-03-31' }, 'month', 1)).toEqual({
      from: '2026-04-01',
      to: '2026-09-30',
    });
    expect(periodProblem({ from: '2026-02-30', to: '2026-03-01' }, 'day')?.field).toBe('from');
    expect(periodProblem({ from: '2026-03-02', to: '2026-03-01' }, 'day')?.field).toBe('to');
    expect(periodProblem({ from: '2020-01-01', to: '2026-03-01' }, 'day')?.message).toMatch(/shorter/);
    expect(periodProblem({ from: '2020-01-01', to: '2026-03-01' }, 'month')).toBeNull();
  });
});

describe('engagement', () => {
  const sections = [
    { id: 's2', moduleId: 'm', position: 2 },
    { id: 's1', moduleId: 'm', position: 1 },
    { id: 's3', moduleId: 'm', position: 3 },
  ];

  it('adds time per section and finds where each unfinished person stops', () => {
    const progress = [
      // Ana read everything and passed: she stops nowhere.
      { userId: 'ana', sectionId: 's1', seconds: 120, completed: true },
      { userId: 'ana', sectionId: 's2', seconds: 300, completed: true },
      { userId: 'ana', sectionId: 's3', seconds: 60, completed: true },
      // Ben left section 2 half read: he stops at section 2.
      { userId: 'ben', sectionId: 's1', seconds: 60, completed: true },
      { userId: 'ben', sectionId: 's2', seconds: 30, completed: false },
      // Cleo jumped to section 3 without finishing section 1: she stops at section 1.
      { userId: 'cleo', sectionId: 's1', seconds: 10, completed: false },
      { userId: 'cleo', sectionId: 's3', seconds: 45, completed: true },
      // Dan read every section and failed: he stops at the assessment.
      { userId: 'dan', sectionId: 's1', seconds: 90, completed: true },
      { userId: 'dan', sectionId: 's2', seconds: 200, completed: true },
      { userId: 'dan', sectionId: 's3', seconds: 100, completed: true },
      // A section of another module is not counted here.
      { userId: 'dan', sectionId: 'other', seconds: 999, completed: true },
    ];
    const r = sectionEngagement(sections, progress, new Set(['ana|m']));
    expect(
      r.sections.map((s) => [
        s.sectionId,
        s.learners,
        s.totalSeconds,
        s.meanSeconds,
        s.medianSeconds,
        s.completed,
        s.stoppedHere,
      ]),
    ).toEqual([
      ['s1', 4, 280, 70, 75, 3, 1],
      ['s2', 3, 530, 176.7, 200, 2, 1],
      ['s3', 3, 205, 68.3, 60, 3, 0],
    ]);
    expect(r.modules).toEqual([{ moduleId: 'm', started: 4, finished: 1, stoppedAtAssessment: 1 }]);
  });

  it('counts a person completing a module once in a period, at their first pass, whatever order the rows come in', () => {
    const days = { from: '2026-03-02', to: '2026-03-04' };
    const attempts = [
      { submittedAt: '2026-03-03T09:00:00Z', score: 95, passed: true, learner: 'emma|FOOD' },
      { submittedAt: '2026-03-02T09:00:00Z', score: 85, passed: true, learner: 'emma|FOOD' },
      { submittedAt: '2026-03-03T10:00:00Z', score: 90, passed: true, learner: 'emma|FIRE' },
      { submittedAt: '2026-03-04T09:00:00Z', score: 88, passed: true, learner: 'tom|FOOD' },
    ];
    expect(trainingTrend(attempts, days, 'day', PARIS).map((p) => [p.bucket, p.attempts, p.completions])).toEqual([
      ['2026-03-02', 1, 1],
      ['2026-03-03', 2, 1],
      ['2026-03-04', 1, 1],
    ]);
  });

  it('lists the questions most often missed, then by miss rate, leaving out those never missed', () => {
    const r = (q: string, correct: boolean) => ({ questionId: q, correct });
    const responses = [
      r('q1', false),
      r('q1', true),
      r('q1', true),
      r('q1', false),
      r('q2', false),
      r('q2', false),
      r('q3', true),
      r('q4', false),
    ];
    expect(mostMissed(responses)).toEqual([
      { questionId: 'q2', answered: 2, missed: 2, missRate: 100 },
      { questionId: 'q1', answered: 4, missed: 2, missRate: 50 },
      { questionId: 'q4', answered: 1, missed: 1, missRate: 100 },
    ]);
    expect(mostMissed(responses, 1).map((m) => m.questionId)).toEqual(['q2']);
  });
});
