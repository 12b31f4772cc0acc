import { CLASS_STATUSES, PAYMENT_STATUSES, type ClassStatus, type PaymentStatus } from './generation.js';
import { mondayOf, siteClock } from './site-time.js';

export interface ClassFigures {
  byStatus: Record<ClassStatus, number>;
  byPayment: Record<PaymentStatus, number>;
  total: number;
  createdToday: number;
  createdThisWeek: number;
  failedToday: number;
  /** Weekly runs since Monday, by status. */
  weeklyRuns: { success: number; skipped: number; failed: number };
  /** Classes by month of their date (YYYY-MM), the last six months with classes. */
  byMonth: { month: string; count: number }[];
}

/**
 * The old system's daily, weekly and monthly dashboard queries as one pure function over the
 * rows, in the site's calendar (today and this week start at the site's midnight).
 */
export function classFigures(input: {
  classes: readonly { status: string; payment_status: string; created_at: string; date: string }[];
  logs: readonly { status: string; operation: string; created_at: string }[];
  now: string;
  timeZone: string;
}): ClassFigures {
  const today = siteClock(input.now, input.timeZone).date;
  const monday = mondayOf(today);
  const localDate = (iso: string) => siteClock(iso, input.timeZone).date;
  const byStatus = Object.fromEntries(CLASS_STATUSES.map((s) => [s, 0])) as Record<ClassStatus, number>;
  const byPayment = Object.fromEntries(PAYMENT_STATUSES.map((s) => [s, 0])) as Record<PaymentStatus, number>;
  const months = new Map<string, number>();
  let createdToday = 0;
  let createdThisWeek = 0;
  for (const c of input.classes) {
    if (c.status in byStatus) byStatus[c.status as ClassStatus]++;
    if (c.payment_status in byPayment) byPayment[c.payment_status as PaymentStatus]++;
    const created = localDate(c.created_at);
    if (created === today) createdToday++;
    if (created >= monday && created <= today) createdThisWeek++;
    months.set(c.date.slice(0, 7), (months.get(c.date.slice(0, 7)) ?? 0) + 1);
  }
  let failedToday = 0;
  const weeklyRuns = { success: 0, skipped: 0, failed: 0 };
  for (const l of input.logs) {
    const d = localDate(l.created_at);
    if (l.status === 'failed' && d === today) failedToday++;
    if (
      (l.operation === 'scheduled' || l.operation === 'catch-up') &&
      d >= monday &&
      d <= today &&
      l.status in weeklyRuns
    )
      weeklyRuns[l.status as keyof typeof weeklyRuns]++;
  }
  const byMonth = [...months.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .slice(-6)
    .map(([month, count]) => ({ month, count }));
  return {
    byStatus,
    byPayment,
    total: input.classes.length,
    createdToday,
    createdThisWeek,
    failedToday,
    weeklyRuns,
    byMonth,
  };
}
