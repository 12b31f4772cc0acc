import { describe, expect, it } from 'vitest';
import { attemptAllowance, isCorrect, scoreAssessment } from '../../../shared/training/scoring.js';

const Q = [
  { id: 'q1', weight: 3, correct: ['a'] },
  { id: 'q2', weight: 1, correct: ['b', 'c'] },
  { id: 'q3', weight: 1, correct: ['d'] },
];

describe('assessment scoring', () => {
  it('is the sum of the weights answered correctly over the sum of all weights, times 100', () => {
    const r = scoreAssessment(
      Q,
      [
        { questionId: 'q1', selected: ['a'] },
        { questionId: 'q2', selected: ['c', 'b'] },
      ],
      80,
    );
    expect(r.score).toBe(80);
    expect(r.passed).toBe(true);
    expect(r.correct).toEqual({ q1: true, q2: true, q3: false });
  });

  it('counts a multiple-choice question right only with exactly its correct options', () => {
    expect(isCorrect(['b', 'c'], ['b'])).toBe(false);
    expect(isCorrect(['b', 'c'], ['b', 'c', 'd'])).toBe(false);
    expect(isCorrect(['b', 'c'], ['c', 'b'])).toBe(true);
    expect(isCorrect(['a'], [])).toBe(false);
  });

  it('fails just under the threshold and rounds to two decimals', () => {
    const r = scoreAssessment(
      [
        { id: 'x', weight: 2, correct: ['a'] },
        { id: 'y', weight: 1, correct: ['a'] },
      ],
      [{ questionId: 'x', selected: ['a'] }],
      80,
    );
    expect(r.score).toBe(66.67);
    expect(r.passed).toBe(false);
  });

  it('ignores answers to questions that are not in the module and scores 0 with no questions', () => {
    expect(scoreAssessment(Q, [{ questionId: 'zz', selected: ['a'] }], 80).score).toBe(0);
    expect(scoreAssessment([], [], 80)).toMatchObject({ score: 0, passed: false });
  });
});

describe('attempt allowance', () => {
  const fail = (at: string) => ({ submittedAt: at, passed: 0 });
  it('waits the cool-down after a failed attempt', () => {
    const r = attemptAllowance([fail('2026-11-22T09:00:00.000Z')], 3, 30, '2026-11-22T09:10:00.000Z');
    expect(r).toMatchObject({ allowed: false, reason: 'cooldown', opensAt: '2026-11-22T09:30:00.000Z' });
    expect(attemptAllowance([fail('2026-11-22T09:00:00.000Z')], 3, 30, '2026-11-22T09:30:00.000Z').allowed).toBe(true);
  });
  it('stops after the maximum number of failed attempts, unless one passed', () => {
    const three = [
      fail('2026-11-20T09:00:00.000Z'),
      fail('2026-11-21T09:00:00.000Z'),
      fail('2026-11-21T10:00:00.000Z'),
    ];
    expect(attemptAllowance(three, 3, 0, '2026-11-22T09:00:00.000Z')).toMatchObject({
      allowed: false,
      reason: 'max_attempts',
      used: 3,
    });
    expect(
      attemptAllowance(
        [...three, { submittedAt: '2026-11-21T11:00:00.000Z', passed: 1 }],
        3,
        0,
        '2026-11-22T09:00:00.000Z',
      ).allowed,
    ).toBe(true);
    expect(attemptAllowance(three, 0, 0, '2026-11-22T09:00:00.000Z').allowed).toBe(true);
  });
  it('does not count an attempt started and never submitted', () => {
    expect(attemptAllowance([{ submittedAt: null, passed: null }], 1, 30, '2026-11-22T09:00:00.000Z')).toMatchObject({
      allowed: true,
      used: 0,
    });
  });
});
