import { addDays, instantAt, minutesOf, siteClock, type WallTime } from '../classes/site-time.js';
import type { Urgency } from './kinds.js';

/** The delivery choices of one person that matter when something is to be sent ashore. */
export interface DeliveryPrefs {
  quietStart: WallTime | null;
  quietEnd: WallTime | null;
  digest: boolean;
}

export const DEFAULT_PREFS: DeliveryPrefs = Object.freeze({ quietStart: null, quietEnd: null, digest: false });

/** The hour of the day the daily digest goes out, site time. */
export const DIGEST_TIME: WallTime = '07:00';

/**
 * Whether a wall time falls in quiet hours `[start, end)`; a window past midnight (22:00-06:00)
 * wraps. Equal start and end, or either missing, means no quiet hours.
 *
 * @example inQuietHours('23:30', '22:00', '06:00') // true
 */
export function inQuietHours(time: WallTime, start: WallTime | null, end: WallTime | null): boolean {
  if (!start || !end || start === end) return false;
  const t = minutesOf(time);
  const s = minutesOf(start);
  const e = minutesOf(end);
  return s < e ? t >= s && t < e : t >= s || t < e;
}

export type DeliveryPlan = { mode: 'now' } | { mode: 'at'; at: string } | { mode: 'digest'; date: string };

/**
 * When a notification raised at `now` goes out to a person: urgent ones at once, whatever the
 * hour; others in the next daily digest when the person chose one, else at once, or when their
 * quiet hours end.
 *
 * @example planDelivery('normal', { quietStart: '22:00', quietEnd: '06:00', digest: false }, '2026-03-02T23:00:00Z', 'UTC')
 * // { mode: 'at', at: '2026-03-03T06:00:00.000Z' }
 */
export function planDelivery(urgency: Urgency, prefs: DeliveryPrefs, now: string, timeZone: string): DeliveryPlan {
  if (urgency === 'urgent') return { mode: 'now' };
  const local = siteClock(now, timeZone);
  if (prefs.digest) return { mode: 'digest', date: digestDate(now, timeZone) };
  if (!inQuietHours(local.time, prefs.quietStart, prefs.quietEnd)) return { mode: 'now' };
  // Quiet hours end today, or tomorrow when the window started this evening.
  const endToday = minutesOf(prefs.quietEnd!) > minutesOf(local.time);
  const date = endToday ? local.date : addDays(local.date, 1);
  return { mode: 'at', at: instantAt(date, prefs.quietEnd!, timeZone) };
}

/** The site date of the digest that carries something raised at `at`: today's if before DIGEST_TIME, else tomorrow's. */
export function digestDate(at: string, timeZone: string): string {
  const local = siteClock(at, timeZone);
  return minutesOf(local.time) < minutesOf(DIGEST_TIME) ? local.date : addDays(local.date, 1);
}

/**
 * Groups non-urgent items into daily digests: one per recipient and digest date, items newest
 * first, digests in date order. Urgent items never wait for a digest and are left out.
 *
 * @example digestGroups(items, 'Europe/Paris')[0] // { recipient: 'user:…', date: '2026-03-03', items: [...] }
 */
export function digestGroups<T extends { recipient: string; urgency: Urgency; raisedAt: string }>(
  items: readonly T[],
  timeZone: string,
): { recipient: string; date: string; items: T[] }[] {
  const groups = new Map<string, { recipient: string; date: string; items: T[] }>();
  for (const item of items) {
    if (item.urgency === 'urgent') continue;
    const date = digestDate(item.raisedAt, timeZone);
    const key = `${item.recipient}|${date}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { recipient: item.recipient, date, items: [] }));
    g.items.push(item);
  }
  const out = [...groups.values()];
  for (const g of out) g.items.sort((a, b) => b.raisedAt.localeCompare(a.raisedAt));
  return out.sort((a, b) => a.date.localeCompare(b.date) || a.recipient.localeCompare(b.recipient));
}
