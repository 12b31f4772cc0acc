import { describe, expect, it } from 'vitest';
import { incidentSummary } from '../../../shared/compliance/incident-summary.js';
import { trainingReport } from '../../../shared/compliance/training-report.js';

const NOW = '2026-11-22T09:00:00.000Z';
const day = (n: number) => new Date(Date.parse(NOW) + n * 86_400_000).toISOString();

describe('training compliance report', () => {
  const base = {
    now: NOW,
    people: [
      { id: 'u1', name: 'Ana', roleCode: 'chef' },
      { id: 'u2', name: 'Ben', roleCode: 'waiter' },
      { id: 'u3', name: 'Cleo', roleCode: 'manager' },
    ],
    paths: [
      { roleCodes: ['chef', 'waiter'], moduleCodes: ['FOOD'] },
      { roleCodes: ['chef'], moduleCodes: ['FIRE', 'FOOD'] },
    ],
    modules: [
      { code: 'FOOD', title: { en: 'Food safety', fr: 'Hygiène alimentaire' } },
      { code: 'FIRE', title: { en: 'Fire', fr: 'Incendie' } },
    ],
  };

  it('lists each required module once per person with the best certificate held, and flags within 30 days', () => {
    const lines = trainingReport({
      ...base,
      certificates: [
        // Ana: an old expired one and a newer one expiring in 30 days (the boundary is "expiring").
        { userId: 'u1', moduleCode: 'FOOD', number: 'F-1', expiresAt: day(-5), revoked: false },
        { userId: 'u1', moduleCode: 'FOOD', number: 'F-2', expiresAt: day(30), revoked: false },
        // Ana's fire certificate never expires.
        { userId: 'u1', moduleCode: 'FIRE', number: 'X-1', expiresAt: null, revoked: false },
        // Ben's only certificate was revoked, and one expired yesterday is all else he has.
        { userId: 'u2', moduleCode: 'FOOD', number: 'F-3', expiresAt: day(200), revoked: true },
        { userId: 'u2', moduleCode: 'FOOD', number: 'F-4', expiresAt: day(-1), revoked: false },
      ],
    });
    expect(lines.map((l) => [l.name, l.moduleCode, l.status, l.certificate])).toEqual([
      ['Ana', 'FIRE', 'valid', 'X-1'],
      ['Ana', 'FOOD', 'expiring', 'F-2'],
      ['Ben', 'FOOD', 'expired', 'F-4'],
    ]);
  });

  it('a day past 30 is valid; no certificate is missing; a role on no path requires nothing', () => {
    const lines = trainingReport({
      ...base,
      certificates: [{ userId: 'u1', moduleCode: 'FOOD', number: 'F-2', expiresAt: day(31), revoked: false }],
    });
    expect(lines.map((l) => [l.name, l.moduleCode, l.status])).toEqual([
      ['Ana', 'FIRE', 'missing'],
      ['Ana', 'FOOD', 'valid'],
      ['Ben', 'FOOD', 'missing'],
    ]);
  });
});

describe('incident summary', () => {
  it('counts the period (start included, end excluded) by type and severity, open being any stage but resolved or closed', () => {
    const s = incidentSummary({
      from: '2026-11-01T00:00:00.000Z',
      to: '2026-12-01T00:00:00.000Z',
      incidents: [
        { type: 'fire', severity: 'high', stage: 'reported', occurredAt: '2026-11-01T00:00:00.000Z' },
        { type: 'fire', severity: 'low', stage: 'closed', occurredAt: '2026-11-15T10:00:00.000Z' },
        { type: 'injury', severity: 'critical', stage: 'reopened', occurredAt: '2026-11-30T23:59:59.999Z' },
        { type: 'injury', severity: 'low', stage: 'reported', occurredAt: '2026-12-01T00:00:00.000Z' },
        { type: 'injury', severity: 'low', stage: 'reported', occurredAt: '2026-10-31T23:59:59.999Z' },
      ],
    });
    expect(s).toMatchObject({ total: 3, open: 2, bySeverity: { low: 1, medium: 0, high: 1, critical: 1 } });
    expect(s.byType).toEqual([
      { type: 'fire', total: 2, open: 1, bySeverity: { low: 1, medium: 0, high: 1, critical: 0 } },
      { type: 'injury', total: 1, open: 1, bySeverity: { low: 0, medium: 0, high: 0, critical: 1 } },
    ]);
  });
});
