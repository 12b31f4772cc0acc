import { describe, expect, it } from 'vitest';
import { incidentTrends, TREND_SPAN } from '../../../shared/incidents/trends.js';
import type { Severity } from '../../../shared/incidents/workflow.js';

const at = (iso: string) => Date.parse(iso);
const total = (b: { counts: Record<Severity, number> }) => Object.values(b.counts).reduce((a, n) => a + n, 0);
const nonEmpty = (buckets: { label: string; counts: Record<Severity, number> }[]) =>
  buckets.filter((b) => total(b) > 0).map((b) => [b.label, total(b)]);

describe('incident trends', () => {
  // Sunday 22 Nov 2026, 10:30 in Paris (UTC+1).
  const now = at('2026-11-22T09:30:00Z');
  const reports = [
    { reportedAt: at('2026-11-22T09:05:00Z'), severity: 'critical' as const }, // 10:05 Paris, this hour
    { reportedAt: at('2026-11-22T08:59:00Z'), severity: 'low' as const }, // 09:59, the hour before
    { reportedAt: at('2026-11-21T23:30:00Z'), severity: 'high' as const }, // 00:30 on the 22nd in Paris
    { reportedAt: at('2026-11-21T22:30:00Z'), severity: 'high' as const }, // 23:30 on the 21st
    { reportedAt: at('2026-11-16T00:10:00Z'), severity: 'medium' as const }, // Monday 16th, 01:10
    { reportedAt: at('2026-10-31T23:30:00Z'), severity: 'low' as const }, // 1 Nov 00:30 in Paris
    { reportedAt: at('2025-11-30T23:30:00Z'), severity: 'low' as const }, // 1 Dec 2025: the oldest month shown
    { reportedAt: at('2025-11-30T22:30:00Z'), severity: 'low' as const }, // 30 Nov 2025: too old for months
    { reportedAt: at('2026-11-22T09:31:00Z'), severity: 'low' as const }, // after now: not counted
  ];
  const trends = incidentTrends(reports, now, 'Europe/Paris');

  it('counts per site hour, day, week and month, the current bucket last, in the site zone', () => {
    expect(trends.hour).toHaveLength(TREND_SPAN.hour);
    expect(trends.hour.at(-1)!.label).toBe('2026-11-22T10');
    expect(trends.hour[0]!.label).toBe('2026-11-21T11');
    expect(nonEmpty(trends.hour)).toEqual([
      ['2026-11-21T23', 1],
      ['2026-11-22T00', 1],
      ['2026-11-22T09', 1],
      ['2026-11-22T10', 1],
    ]);
    expect(trends.hour.at(-1)!.counts).toEqual({ low: 0, medium: 0, high: 0, critical: 1 });
    expect(trends.day.at(-1)!.label).toBe('2026-11-22');
    expect(nonEmpty(trends.day)).toEqual([
      ['2026-11-01', 1],
      ['2026-11-16', 1],
      ['2026-11-21', 1],
      ['2026-11-22', 3],
    ]);
    // Weeks start on Monday: the 16th to the 22nd holds five.
    expect(nonEmpty(trends.week)).toEqual([
      ['2026-10-26', 1],
      ['2026-11-16', 5],
    ]);
    expect(trends.month[0]!.label).toBe('2025-12');
    expect(nonEmpty(trends.month)).toEqual([
      ['2025-12', 1],
      ['2026-11', 6],
    ]);
  });

  it('does not depend on the order of the reports, and follows a zone of 45 minutes', () => {
    expect(incidentTrends([...reports].reverse(), now, 'Europe/Paris')).toEqual(trends);
    // Chatham is UTC+13:45 in summer: 09:30 UTC is 23:15 on the 22nd.
    const chatham = incidentTrends(
      [{ reportedAt: at('2026-11-22T10:14:00Z'), severity: 'low' }],
      at('2026-11-22T10:20:00Z'),
      'Pacific/Chatham',
    );
    expect(chatham.hour.at(-1)!.label).toBe('2026-11-23T00');
    expect(nonEmpty(chatham.hour)).toEqual([['2026-11-22T23', 1]]);
    expect(nonEmpty(chatham.day)).toEqual([['2026-11-22', 1]]);
  });
});
