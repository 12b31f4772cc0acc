import type { SyncedRowBase } from '../synced-row.js';
import type { NotificationKind, Urgency } from './kinds.js';

/**
 * Something that happened, for one recipient: a person (`recipient_user_id`) or everyone holding
 * a role at the site (`recipient_role`), never both. Title and body are not stored as text: the
 * kind and its `params` are, so each kiosk (and the shore mailer) writes it in the reader's
 * language. Its id derives from (kind, subject, recipient, period): two kiosks raising the same
 * one offline write one row.
 */
export interface NotificationRow extends SyncedRowBase {
  kind: NotificationKind;
  /** What it is about: `incident_escalation`, `training_assignment`, `training_certificate`, ... */
  subject_kind: string;
  subject_id: string;
  recipient_user_id: string | null;
  recipient_role: string | null;
  /** The lane it travels in: urgent ignores quiet hours and digests, and shows on the locked screen. */
  urgency: Urgency;
  /** JSON object of the values its message needs (a module title in EN and FR, a due date). */
  params: string;
  /** Which occurrence it is (the reminder's step, the expiry date): part of the derived id. */
  period: string;
  raised_at: string;
  raised_by: string | null;
  device_id: string;
  acknowledged_at: string | null;
  acknowledged_by: string | null;
}

/**
 * One delivery attempt ashore (email, webhook), written by the sync service only
 * (server/notifications/). The attempt is recorded `sending` in the transaction that claims it,
 * and becomes `sent`, `failed` (retried at `next_attempt_at`, or given up when that is null) or,
 * for an attempt not made because the notification was acknowledged on board first, `skipped`.
 * Site-scoped and pulled like any synced row, so administrators see failures on their kiosk.
 */
export interface NotificationDeliveryRow extends SyncedRowBase {
  notification_id: string;
  channel: 'email' | 'webhook';
  /** The email address or webhook URL it went to. */
  address: string;
  attempt: number;
  outcome: 'sending' | 'sent' | 'failed' | 'skipped';
  error: string;
  /** Idempotent Message-ID (email) or delivery id header (webhook), derived from the row's id. */
  message_id: string;
  at: string;
  /** When a failed attempt is retried (backoff); null once sent or given up. */
  next_attempt_at: string | null;
}

/** A person's choices at a site; id derived from (user, site). Absent: the defaults. */
export interface NotificationPreferenceRow extends SyncedRowBase {
  user_id: string;
  /** JSON array of channels: 'kiosk', 'email', 'webhook'. */
  channels: string;
  email: string | null;
  /** HH:MM site time, or null for no quiet hours. */
  quiet_start: string | null;
  quiet_end: string | null;
  /** 1: non-urgent ones come once a day in a digest instead of one email each. */
  digest: number;
}

/** Who is on call for a role at a site; id derived from (site, role). */
export interface NotificationOnCallRow extends SyncedRowBase {
  role_code: string;
  user_id: string | null;
}

/** Synced tables of the notifications area, merged into SyncedDatabase (shared/schema.ts). */
export interface NotificationsTables {
  notifications: NotificationRow;
  notification_deliveries: NotificationDeliveryRow;
  notification_preferences: NotificationPreferenceRow;
  notification_on_call: NotificationOnCallRow;
}

/** In dependency order (referenced tables first): pulled pages apply in this order. */
export const NOTIFICATIONS_TABLES: readonly (keyof NotificationsTables)[] = [
  'notifications',
  'notification_deliveries',
  'notification_preferences',
  'notification_on_call',
];
export const NOTIFICATIONS_INSERT_ONLY: readonly (keyof NotificationsTables)[] = [];
/** Written by the sync service's delivery worker only. */
export const NOTIFICATIONS_SERVER_WRITTEN: readonly (keyof NotificationsTables)[] = ['notification_deliveries'];
