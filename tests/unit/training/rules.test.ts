import { describe, expect, it } from 'vitest';
import { certificateStatus, expiryFor } from '../../../shared/training/certificate-status.js';
import { moduleProgress, pathProgress } from '../../../shared/training/path-progress.js';
import { promotions, seatFor, waitlistPositions, type SeatHolder } from '../../../shared/training/waitlist.js';
import { atRiskLearners, median, rate } from '../../../shared/training/kpis.js';
import { publishProblems } from '../../../shared/training/draft-rules.js';

const NOW = '2026-11-22T09:00:00.000Z';

describe('certificate expiry', () => {
  it('expires after the module validity period; 0 days never expires', () => {
    expect(expiryFor(NOW, 365)).toBe('2027-11-22T09:00:00.000Z');
    expect(expiryFor(NOW, 0)).toBeNull();
  });
  it('is valid, expiring within 30 days, expired at its expiry instant, and revoked above all', () => {
    expect(certificateStatus('2027-01-01T00:00:00.000Z', false, NOW)).toBe('valid');
    expect(certificateStatus('2026-12-20T00:00:00.000Z', false, NOW)).toBe('expiring');
    expect(certificateStatus(NOW, false, NOW)).toBe('expired');
    expect(certificateStatus(null, false, NOW)).toBe('valid');
    expect(certificateStatus('2027-01-01T00:00:00.000Z', true, NOW)).toBe('revoked');
  });
});

describe('waitlist', () => {
  const r = (id: string, status: SeatHolder['status'], requestedAt: string): SeatHolder => ({
    id,
    status,
    requestedAt,
  });
  it('gives a seat while fewer than capacity hold one, else a place on the waitlist', () => {
    expect(seatFor([r('a', 'enrolled', '1'), r('b', 'cancelled', '2')], 2)).toBe('enrolled');
    expect(seatFor([r('a', 'enrolled', '1'), r('b', 'enrolled', '2')], 2)).toBe('waitlisted');
  });
  it('promotes the earliest waiting requests into freed seats, in order', () => {
    const rows = [
      r('a', 'cancelled', '1'),
      r('b', 'enrolled', '2'),
      r('d', 'waitlisted', '5'),
      r('c', 'waitlisted', '4'),
      r('e', 'waitlisted', '6'),
    ];
    expect(promotions(rows, 2)).toEqual(['c']);
    expect(promotions(rows, 3)).toEqual(['c', 'd']);
    expect(promotions(rows, 1)).toEqual([]);
    expect([...waitlistPositions(rows)]).toEqual([
      ['c', 1],
      ['d', 2],
      ['e', 3],
    ]);
  });
  it('breaks a tie in request time by id, the same on every replica', () => {
    expect(promotions([r('z', 'waitlisted', '1'), r('y', 'waitlisted', '1')], 1)).toEqual(['y']);
  });
});

describe('progress', () => {
  it('module progress is completed sections over sections', () => {
    expect(moduleProgress(['s1', 's2', 's3', 's4'], new Set(['s1', 's3', 'other']))).toBe(50);
    expect(moduleProgress([], new Set())).toBe(0);
  });
  it('path progress counts passed modules and names the first one not passed', () => {
    expect(pathProgress(['A', 'B', 'C'], new Set(['B']))).toEqual({
      done: 1,
      total: 3,
      percent: 33,
      nextCode: 'A',
      status: 'in_progress',
    });
    expect(pathProgress(['A', 'B'], new Set(), new Set(['A']))).toMatchObject({ status: 'in_progress', nextCode: 'A' });
    expect(pathProgress(['A', 'B'], new Set())).toMatchObject({ status: 'not_started', percent: 0 });
    expect(pathProgress(['A'], new Set(['A']))).toMatchObject({ status: 'completed', nextCode: null, percent: 100 });
  });
});

describe('KPIs', () => {
  it('rate and median', () => {
    expect(rate(2, 3)).toBe(66.7);
    expect(rate(1, 0)).toBe(0);
    expect(median([70, 90, 80])).toBe(80);
    expect(median([70, 90])).toBe(80);
    expect(median([])).toBeNull();
  });
  it('flags overdue assignments not passed and repeated fails not passed since', () => {
    const out = atRiskLearners({
      now: NOW,
      assignments: [
        { userId: 'u1', code: 'A', dueAt: '2026-11-01T00:00:00.000Z' },
        { userId: 'u2', code: 'A', dueAt: '2026-11-01T00:00:00.000Z' },
        { userId: 'u3', code: 'A', dueAt: '2026-12-01T00:00:00.000Z' },
      ],
      passed: new Set(['u2|A', 'u5|B']),
      failures: [
        { userId: 'u4', code: 'B' },
        { userId: 'u4', code: 'B' },
        { userId: 'u5', code: 'B' },
        { userId: 'u5', code: 'B' },
        { userId: 'u6', code: 'B' },
      ],
    });
    expect(out).toEqual([
      { userId: 'u1', reasons: [{ kind: 'overdue', detail: 'A' }] },
      { userId: 'u4', reasons: [{ kind: 'repeated_fails', detail: 'B' }] },
    ]);
  });
});

describe('learners at risk and their certificates', () => {
  it('a valid certificate for the module (a classroom one, with no attempt) counts as passed', () => {
    const out = atRiskLearners({
      now: NOW,
      assignments: [
        { userId: 'u1', code: 'ALLERGENS_101', dueAt: '2026-11-01T00:00:00.000Z' },
        { userId: 'u2', code: 'ALLERGENS_101', dueAt: '2026-11-01T00:00:00.000Z' },
      ],
      passed: new Set(),
      certified: new Set(['u1|ALLERGENS_101', 'u3|B']),
      failures: [
        { userId: 'u3', code: 'B' },
        { userId: 'u3', code: 'B' },
      ],
    });
    expect(out).toEqual([{ userId: 'u2', reasons: [{ kind: 'overdue', detail: 'ALLERGENS_101' }] }]);
  });
});

describe('publishing rules', () => {
  const ok = { en: 'x', fr: 'x' };
  it('need both languages, a section, a question and its correct answer among its options', () => {
    expect(
      publishProblems({
        title: ok,
        description: ok,
        sections: [{ title: ok, body: ok }],
        questions: [
          {
            kind: 'single',
            prompt: ok,
            options: [
              { id: 'a', en: 'a', fr: 'a' },
              { id: 'b', en: 'b', fr: 'b' },
            ],
            correct: ['a'],
          },
        ],
      }),
    ).toEqual([]);
    const problems = publishProblems({
      title: { en: 'x', fr: '' },
      description: ok,
      sections: [],
      questions: [{ kind: 'single', prompt: ok, options: [{ id: 'a', en: 'a', fr: '' }], correct: ['a', 'z'] }],
    });
    expect(problems.map((p) => p.path)).toEqual([
      'title.fr',
      'sections',
      'questions.0.options.0.fr',
      'questions.0.correct',
      'questions.0.correct',
    ]);
  });
});
