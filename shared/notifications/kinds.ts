/**
 * What a notification can be about (issue 17): incident escalations and SLA breaches, compliance
 * reports due or missed, training assigned or due, certificates issued or expiring, fuel
 * anomalies, link failovers and health alerts. Adding a kind is a line here and its strings.
 */
export const NOTIFICATION_KINDS = [
  'incident_escalated',
  'sla_breached',
  'report_due',
  'report_missed',
  'training_assigned',
  'training_due',
  'training_overdue',
  'certificate_issued',
  'certificate_expiring',
  'fuel_anomaly',
  'link_failover',
  'health_alert',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const URGENCIES = ['urgent', 'normal', 'low'] as const;
export type Urgency = (typeof URGENCIES)[number];

/** The lane each kind travels in. Urgent: locked screen with sound, no quiet hours, no digest. */
export const URGENCY_OF: Readonly<Record<NotificationKind, Urgency>> = Object.freeze({
  incident_escalated: 'urgent',
  sla_breached: 'urgent',
  report_due: 'normal',
  report_missed: 'normal',
  training_assigned: 'low',
  training_due: 'normal',
  training_overdue: 'normal',
  certificate_issued: 'low',
  certificate_expiring: 'normal',
  fuel_anomaly: 'normal',
  link_failover: 'normal',
  health_alert: 'urgent',
});

/** Newest first within a lane, urgent lanes first: the order of a person's list. */
export const URGENCY_RANK: Readonly<Record<Urgency, number>> = Object.freeze({ urgent: 0, normal: 1, low: 2 });
