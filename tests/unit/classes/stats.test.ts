import { describe, expect, it } from 'vitest';
import { classFigures } from '../../../shared/classes/stats.js';

describe('dashboard figures', () => {
  it('count by status and payment, created today and this week in site time, failed runs today', () => {
    const now = '2026-11-22T23:30:00.000Z'; // Monday 23 Nov 00:30 in Paris
    const f = classFigures({
      now,
      timeZone: 'Europe/Paris',
      classes: [
        { status: 'completed', payment_status: 'paid', created_at: '2026-11-22T23:10:00.000Z', date: '2026-11-23' },
        { status: 'scheduled', payment_status: 'pending', created_at: '2026-11-22T20:00:00.000Z', date: '2026-11-30' },
        { status: 'no_show', payment_status: 'waived', created_at: '2026-10-01T10:00:00.000Z', date: '2026-10-05' },
      ],
      logs: [
        { status: 'failed', operation: 'scheduled', created_at: '2026-11-22T23:20:00.000Z' },
        { status: 'failed', operation: 'manual', created_at: '2026-11-22T22:00:00.000Z' },
        { status: 'success', operation: 'catch-up', created_at: '2026-11-22T23:25:00.000Z' },
      ],
    });
    expect(f.byStatus).toEqual({ scheduled: 1, completed: 1, cancelled: 0, no_show: 1 });
    expect(f.byPayment).toEqual({ pending: 1, paid: 1, waived: 1, refunded: 0 });
    expect([f.total, f.createdToday, f.createdThisWeek, f.failedToday]).toEqual([3, 1, 1, 1]);
    expect(f.weeklyRuns).toEqual({ success: 1, skipped: 0, failed: 1 });
    expect(f.byMonth).toEqual([
      { month: '2026-10', count: 1 },
      { month: '2026-11', count: 2 },
    ]);
  });
});
