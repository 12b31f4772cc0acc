import { derivedId } from '../ids.js';
import { instantAt } from '../classes/site-time.js';
import { DEFAULT_PREFS, DIGEST_TIME, planDelivery, type DeliveryPrefs } from './delivery-plan.js';
import type { Urgency } from './kinds.js';

/** The channels the sync service delivers ashore; 'kiosk' is the kiosk's own screen. */
export const SHORE_CHANNELS = ['email', 'webhook'] as const;
export type ShoreChannel = (typeof SHORE_CHANNELS)[number];

/** Attempts before a delivery is given up (and shown to administrators as failed). */
export const MAX_ATTEMPTS = 6;
const FIRST_RETRY_MS = 30_000;
const LONGEST_RETRY_MS = 3_600_000;

/**
 * How long to wait after failed attempt number `attempt` (1-based): 30 s, doubled each time, at
 * most an hour; null once `MAX_ATTEMPTS` have failed (given up).
 *
 * @example retryDelayMs(1) // 30_000; retryDelayMs(3) // 120_000; retryDelayMs(6) // null
 */
export function retryDelayMs(attempt: number): number | null {
  if (attempt >= MAX_ATTEMPTS) return null;
  return Math.min(FIRST_RETRY_MS * 2 ** (attempt - 1), LONGEST_RETRY_MS);
}

/** The id of the work row for one (notification, channel, person): planning twice writes one. */
export const sendId = (notificationId: string, channel: ShoreChannel, userId: string): string =>
  derivedId('notification_send', notificationId, channel, userId);

/** A recipient person as the planner sees them: their shore channels and delivery choices. */
export interface PlannedPerson {
  userId: string;
  /** The channels they chose (kiosk, email, webhook). */
  channels: readonly string[];
  email: string | null;
  prefs: DeliveryPrefs;
}

export interface PlannedSend {
  id: string;
  channel: ShoreChannel;
  userId: string;
  dueAt: string;
  /** The site date of the digest it waits for, or null for a message of its own. */
  digestDate: string | null;
}

/**
 * The work rows for one notification that reached shore at `now`: one per recipient person and
 * shore channel they chose and the service offers (email needs their address). When each is due
 * follows the shared delivery plan: urgent ones at once, others after quiet hours or in the
 * next daily digest (DIGEST_TIME, site time).
 *
 * @example planSends('urgent', [{ userId, channels: ['email'], email: 'a@b.c', prefs }], { email: true, webhook: false }, now, 'Europe/Paris')
 * // [{ id, channel: 'email', userId, dueAt: now, digestDate: null }]
 */
export function planSends(
  urgency: Urgency,
  people: readonly PlannedPerson[],
  offered: Readonly<Record<ShoreChannel, boolean>>,
  now: string,
  timeZone: string,
  notificationId: string,
): PlannedSend[] {
  const out: PlannedSend[] = [];
  for (const p of people) {
    const plan = planDelivery(urgency, p.prefs ?? DEFAULT_PREFS, now, timeZone);
    const dueAt =
      plan.mode === 'at' ? plan.at : plan.mode === 'digest' ? instantAt(plan.date, DIGEST_TIME, timeZone) : now;
    for (const channel of SHORE_CHANNELS) {
      if (!offered[channel] || !p.channels.includes(channel)) continue;
      if (channel === 'email' && !p.email) continue;
      out.push({
        id: sendId(notificationId, channel, p.userId),
        channel,
        userId: p.userId,
        dueAt,
        digestDate: plan.mode === 'digest' ? plan.date : null,
      });
    }
  }
  return out;
}

/**
 * The people a notification is for: the named person; for a role, the person on call for it at
 * the site when one is set, else everyone holding it there.
 */
export function recipientPeople(
  n: { recipient_user_id: string | null; recipient_role: string | null },
  holders: readonly { userId: string; roleCode: string }[],
  onCall: ReadonlyMap<string, string | null>,
): string[] {
  if (n.recipient_user_id !== null) return [n.recipient_user_id];
  const role = n.recipient_role ?? '';
  const chosen = onCall.get(role);
  const ofRole = holders.filter((h) => h.roleCode === role).map((h) => h.userId);
  if (chosen && ofRole.includes(chosen)) return [chosen];
  return [...new Set(ofRole)].sort();
}
