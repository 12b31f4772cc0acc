import { describe, expect, it } from 'vitest';
import { DEFAULT_ROLES } from '../../../shared/permissions.js';
import { NOTIFICATION_KINDS, URGENCY_OF } from '../../../shared/notifications/kinds.js';
import {
  isRecipient,
  notificationId,
  SUPERVISOR_ROLES,
  supervisorRoles,
} from '../../../shared/notifications/recipients.js';
import { assignmentStep, certificateStep } from '../../../shared/notifications/training-reminders.js';

const USER = '0190a6f0-0000-7000-8000-000000000001';
const OTHER = '0190a6f0-0000-7000-8000-000000000002';
const SUBJECT = '0190a6f0-0000-7000-8000-0000000000aa';

describe('who receives what', () => {
  it('sends training reminders to the site kind supervisors, overdue ones one rung higher', () => {
    expect(supervisorRoles('training_due', 'vessel')).toEqual(['officer']);
    expect(supervisorRoles('training_overdue', 'vessel')).toEqual(['officer', 'master']);
    expect(supervisorRoles('training_due', 'restaurant')).toEqual(['manager']);
    expect(supervisorRoles('certificate_expiring', 'restaurant')).toEqual(['manager']);
  });

  it('sends a restaurant no fuel anomalies and a certificate issued to nobody but its holder', () => {
    expect(supervisorRoles('fuel_anomaly', 'restaurant')).toEqual([]);
    expect(supervisorRoles('certificate_issued', 'vessel')).toEqual([]);
  });

  it('names only roles that exist for the site kind', () => {
    for (const kind of ['vessel', 'restaurant'] as const) {
      const codes = DEFAULT_ROLES.filter((r) => r.siteKind === kind || r.siteKind === 'any').map((r) => r.id);
      for (const roles of Object.values(SUPERVISOR_ROLES[kind])) for (const r of roles) expect(codes).toContain(r);
    }
  });

  it('makes escalations, SLA breaches and health alerts urgent, reminders not', () => {
    const urgent = NOTIFICATION_KINDS.filter((k) => URGENCY_OF[k] === 'urgent');
    expect(urgent).toEqual(['incident_escalated', 'sla_breached', 'health_alert']);
  });

  it('counts a person among the recipients by their id, or by the role they hold', () => {
    const forPerson = { recipient_user_id: USER, recipient_role: null };
    const forRole = { recipient_user_id: null, recipient_role: 'officer' };
    expect(isRecipient(forPerson, { id: USER, roleCode: 'crew' })).toBe(true);
    expect(isRecipient(forPerson, { id: OTHER, roleCode: 'officer' })).toBe(false);
    expect(isRecipient(forRole, { id: OTHER, roleCode: 'officer' })).toBe(true);
    expect(isRecipient(forRole, { id: USER, roleCode: 'crew' })).toBe(false);
  });
});

describe('derived notification ids', () => {
  it('are the same for the same kind, subject, recipient and period on any kiosk', () => {
    expect(notificationId('training_due', SUBJECT, { userId: USER }, 'due_7d')).toBe(
      notificationId('training_due', SUBJECT, { userId: USER }, 'due_7d'),
    );
  });

  it('differ when any part of the key differs', () => {
    const ids = new Set([
      notificationId('training_due', SUBJECT, { userId: USER }, 'due_7d'),
      notificationId('training_due', SUBJECT, { userId: USER }, 'due_1d'),
      notificationId('training_overdue', SUBJECT, { userId: USER }, 'due_7d'),
      notificationId('training_due', SUBJECT, { userId: OTHER }, 'due_7d'),
      notificationId('training_due', SUBJECT, { role: 'officer' }, 'due_7d'),
      notificationId('training_due', OTHER, { userId: USER }, 'due_7d'),
    ]);
    expect(ids.size).toBe(6);
  });

  it('never confuse a person with a role of the same text', () => {
    expect(notificationId('report_due', SUBJECT, { userId: USER }, 'p')).not.toBe(
      notificationId('report_due', SUBJECT, { role: USER }, 'p'),
    );
  });
});

describe('training reminders', () => {
  const due = '2026-03-10T00:00:00.000Z';
  it('says nothing more than a week before, then a week before, a day before, and overdue', () => {
    expect(assignmentStep(due, '2026-03-02T23:59:59.000Z')).toBeNull();
    expect(assignmentStep(due, '2026-03-03T00:00:00.000Z')).toBe('due_7d');
    expect(assignmentStep(due, '2026-03-08T23:59:59.000Z')).toBe('due_7d');
    expect(assignmentStep(due, '2026-03-09T00:00:00.000Z')).toBe('due_1d');
    expect(assignmentStep(due, '2026-03-10T00:00:00.000Z')).toBe('overdue');
    expect(assignmentStep(null, '2026-03-10T00:00:00.000Z')).toBeNull();
  });

  it('warns of a certificate expiring 30 days and 7 days before, and not once it has expired', () => {
    const exp = '2026-04-30T12:00:00.000Z';
    expect(certificateStep(exp, '2026-03-31T11:59:59.000Z')).toBeNull();
    expect(certificateStep(exp, '2026-03-31T12:00:00.000Z')).toBe('expiring_30d');
    expect(certificateStep(exp, '2026-04-23T12:00:00.000Z')).toBe('expiring_7d');
    expect(certificateStep(exp, '2026-04-30T12:00:00.000Z')).toBeNull();
    expect(certificateStep(null, '2026-04-30T12:00:00.000Z')).toBeNull();
  });
});
