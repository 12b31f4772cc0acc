import { derivedId } from '../ids.js';
import type { NotificationKind } from './kinds.js';

type SiteKind = 'vessel' | 'restaurant';

/** A person, or everyone holding a role at the notification's site. */
export type Recipient = { userId: string } | { role: string };

/**
 * The roles that supervise a site's people for each kind, as data. Training reminders also go to
 * the person who assigned the training when known (shared/notifications/training-reminders.ts);
 * these roles stand in when nobody did. Escalations follow the incident chain instead
 * (shared/incidents/escalation.ts).
 */
export const SUPERVISOR_ROLES: Readonly<Record<SiteKind, Partial<Record<NotificationKind, readonly string[]>>>> =
  Object.freeze({
    vessel: {
      training_due: ['officer'],
      training_overdue: ['officer', 'master'],
      certificate_expiring: ['master'],
      report_due: ['officer'],
      report_missed: ['master'],
      fuel_anomaly: ['officer'],
      link_failover: ['officer'],
      health_alert: ['officer', 'admin'],
    },
    restaurant: {
      training_due: ['manager'],
      training_overdue: ['manager', 'owner'],
      certificate_expiring: ['manager'],
      report_due: ['manager'],
      report_missed: ['owner'],
      link_failover: ['manager'],
      health_alert: ['manager', 'admin'],
    },
  });

/** The roles told of `kind` at a site of `siteKind` (none: only the people named by the event). */
export const supervisorRoles = (kind: NotificationKind, siteKind: SiteKind): readonly string[] =>
  SUPERVISOR_ROLES[siteKind][kind] ?? [];

export const recipientKey = (r: Recipient): string => ('userId' in r ? `user:${r.userId}` : `role:${r.role}`);

/**
 * The id of one notification: the same on every kiosk for the same kind, subject, recipient and
 * period, so two kiosks raising it offline write one row.
 *
 * @example notificationId('training_due', assignmentId, { userId }, 'due_7d')
 */
export const notificationId = (kind: NotificationKind, subjectId: string, to: Recipient, period: string): string =>
  derivedId('notification', kind, subjectId, recipientKey(to), period);

/** Whether a person (their id and role code at the site) is among a notification's recipients. */
export function isRecipient(
  n: { recipient_user_id: string | null; recipient_role: string | null },
  person: { id: string; roleCode: string },
): boolean {
  if (n.recipient_user_id !== null) return n.recipient_user_id === person.id;
  return n.recipient_role === person.roleCode;
}
