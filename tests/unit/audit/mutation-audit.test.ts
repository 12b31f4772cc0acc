import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AUDIT_AREA_IDS, auditAreaOf } from '../../../shared/audit/areas.js';
import {
  AUDIT_TEXT_LIMIT,
  auditDetailOf,
  mutationAuditId,
  mutationAuditRow,
} from '../../../shared/audit/mutation-audit.js';
import { defineMutation, type MutationContext } from '../../../shared/mutations/define.js';
import { MUTATIONS } from '../../../shared/mutations/index.js';

const USER = '0193a4f0-0000-7000-8000-000000000001';
const SUBJECT = '0193a4f0-0000-7000-8000-000000000002';
const DEVICE = '0193a4f0-0000-7000-8000-0000000000d1';

const ctx = (over: Partial<MutationContext> = {}) =>
  ({
    userId: USER,
    permissions: [],
    siteId: '0193a4f0-0000-7000-8000-0000000000a1',
    deviceId: DEVICE,
    hlc: '0001795e2b1c2d00:0000:0193a4f0-0000-7000-8000-0000000000d1',
    now: '2026-11-22T09:00:00.000Z',
    ...over,
  }) as MutationContext;

const plain = defineMutation({
  name: 'tables.setGuests',
  version: 1,
  authority: 'tables.serve',
  args: z.object({}).passthrough(),
  run: async () => undefined,
});

describe('the audit entry of a mutation', () => {
  it('keeps only the short facts it lists, and cuts long text', () => {
    expect(
      auditDetailOf({
        sessionId: SUBJECT,
        guests: 4,
        status: 'resolved',
        pin: '1234',
        pinHash: 'scrypt$…',
        whatHappened: 'Someone slipped',
        confidential: true,
        title: 'x'.repeat(200),
        nested: { status: 'open' },
      }),
    ).toEqual({ guests: 4, status: 'resolved', confidential: true, title: `${'x'.repeat(AUDIT_TEXT_LIMIT - 1)}…` });
    expect(auditDetailOf(null)).toEqual({});
    expect(auditDetailOf([1, 2])).toEqual({});
  });

  it('has the same id wherever it is written, and another for another mutation', () => {
    const a = mutationAuditRow(plain, ctx(), { guests: 2 })!;
    const b = mutationAuditRow(plain, ctx(), { guests: 2 })!;
    expect(a.id).toBe(b.id);
    expect(a.id).toBe(mutationAuditId(DEVICE, ctx().hlc));
    expect(z.uuid().safeParse(a.id).success).toBe(true);
    const later = mutationAuditRow(plain, ctx({ hlc: '0001795e2b1c2d01:0000:x' }), {})!;
    expect(later.id).not.toBe(a.id);
    const other = mutationAuditRow(plain, ctx({ deviceId: SUBJECT }), {})!;
    expect(other.id).not.toBe(a.id);
  });

  it('says who, what, about whom, on which kiosk and when', () => {
    expect(mutationAuditRow(plain, ctx(), { userId: SUBJECT, guests: 3 })).toEqual({
      id: mutationAuditId(DEVICE, ctx().hlc),
      site_id: ctx().siteId,
      action: 'tables.setGuests',
      actor_user_id: USER,
      subject_user_id: SUBJECT,
      device_id: DEVICE,
      hlc: ctx().hlc,
      detail: JSON.stringify({ guests: 3 }),
    });
    // A userId that is not an id is not taken for a person.
    expect(mutationAuditRow(plain, ctx(), { userId: 'everyone' })!.subject_user_id).toBeNull();
    // The kiosk acting on its own (an escalation after the response time) has no actor.
    expect(mutationAuditRow(plain, ctx({ userId: null }), {})!.actor_user_id).toBeNull();
  });

  it('is left to mutations that write their own entries, and not written for telemetry', () => {
    expect(mutationAuditRow({ ...plain, audit: 'own' }, ctx(), {})).toBeNull();
    expect(mutationAuditRow({ ...plain, audit: 'none' }, ctx(), {})).toBeNull();
    const skipped = MUTATIONS.filter((m) => m.audit === 'none').map((m) => m.name);
    expect(skipped.sort()).toEqual(['devices.report', 'fuel.recordMinutes', 'health.recordError']);
  });
});

describe('audit areas', () => {
  it('put every mutation in an area, none under other', () => {
    const lost = MUTATIONS.filter((m) => !m.audit)
      .map((m) => m.name)
      .filter((n) => auditAreaOf(n) === 'other');
    expect(lost).toEqual([]);
  });

  it('place actions by the part before the dot', () => {
    expect(auditAreaOf('incidents.report')).toBe('incidents');
    expect(auditAreaOf('users.created')).toBe('people');
    expect(auditAreaOf('auth.sign_in')).toBe('signIn');
    expect(auditAreaOf('certificate.revoke')).toBe('training');
    expect(auditAreaOf('fuel.anomaly.raise')).toBe('fuel');
    expect(auditAreaOf('something')).toBe('other');
    expect(AUDIT_AREA_IDS.at(-1)).toBe('other');
  });
});
