import { describe, expect, it } from 'vitest';
import { escalationId } from '../../../shared/incidents/escalation.js';
import { notificationId } from '../../../shared/notifications/recipients.js';
import { call, codeOf, demoPerson, makeKiosk, signIn, WRONG_PIN } from '../../helpers/kiosk.js';
import { ok, report } from '../incidents/world.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;
type Entry = {
  id: string;
  kind: string;
  urgency: string;
  params: Record<string, unknown>;
  recipientRole: string | null;
};
type Urgent = Entry & { eligible: { id: string; name: string }[] };

const rows = (k: { store: { raw: { prepare(s: string): { all(...a: unknown[]): unknown[] } } } }) =>
  k.store.raw
    .prepare('SELECT kind, period, recipient_user_id, recipient_role FROM notifications ORDER BY raised_at, id')
    .all() as { kind: string; period: string; recipient_user_id: string | null; recipient_role: string | null }[];

describe('notifications raised on board', () => {
  it('reminds a person and whoever assigned the training a week before, a day before and once overdue, each once', async () => {
    const tk = await makeKiosk();
    const { kiosk, clock } = tk;
    const manager = await signIn(kiosk, 'manager');
    const team = await ok<{ modules: { code: string; title: { en: string } }[] }>(
      call(kiosk, 'training.team', {}, manager),
    );
    const emma = demoPerson('staff');
    const boss = demoPerson('manager');
    const module = team.modules[0]!;
    const dueAt = new Date(clock.now() + 3 * DAY).toISOString();
    await ok(call(kiosk, 'training.assign', { userId: emma.id, moduleCode: module.code, dueAt }, manager));

    // The assignment itself set the watch off; checking again raises nothing more.
    await kiosk.notifications.idle();
    expect(rows(kiosk)).toHaveLength(2);
    expect(await kiosk.notifications.check()).toBe(0);
    expect(rows(kiosk).map((r) => [r.kind, r.period, r.recipient_user_id])).toEqual(
      expect.arrayContaining([
        ['training_due', `due_7d|${dueAt}`, emma.id],
        ['training_due', `due_7d|${dueAt}`, boss.id],
      ]),
    );

    // Emma sees it on her home screen after sign-in, in her list only.
    const emmaToken = await signIn(kiosk, 'staff');
    const mine = await ok<Entry[]>(call(kiosk, 'notifications.mine', {}, emmaToken));
    expect(mine.map((n) => [n.kind, n.params.code, n.params.titleEn])).toEqual([
      ['training_due', module.code, module.title.en],
    ]);

    // A day before: the due-tomorrow step replaces the week-before one in her list.
    clock.advance(2 * DAY + 60_000);
    expect(await kiosk.notifications.check()).toBe(2);
    const dayBefore = await ok<Entry[]>(call(kiosk, 'notifications.mine', {}, await signIn(kiosk, 'staff')));
    expect(dayBefore).toHaveLength(1);
    const assignment = kiosk.store.raw.prepare('SELECT id FROM training_assignments').get() as { id: string };
    expect(dayBefore[0]!.id).toBe(
      notificationId('training_due', assignment.id, { userId: emma.id }, `due_1d|${dueAt}`),
    );

    // Overdue: to Emma and the manager who assigned it.
    clock.advance(DAY);
    expect(await kiosk.notifications.check()).toBe(2);
    expect(
      rows(kiosk)
        .filter((r) => r.kind === 'training_overdue')
        .map((r) => r.recipient_user_id)
        .sort(),
    ).toEqual([emma.id, boss.id].sort());
    // Dismissed, it leaves her list; a restart raises nothing again.
    const token = await signIn(kiosk, 'staff');
    const [overdue] = await ok<Entry[]>(call(kiosk, 'notifications.mine', {}, token));
    expect(overdue!.kind).toBe('training_overdue');
    await ok(call(kiosk, 'notifications.dismiss', { notificationId: overdue!.id }, token));
    expect(await ok<Entry[]>(call(kiosk, 'notifications.mine', {}, token))).toEqual([]);
    const again = await tk.reopen();
    expect(await again.kiosk.notifications.check()).toBe(0);
  });

  it('puts an escalation on the locked screen until someone of its level acknowledges with their PIN', async () => {
    const { kiosk, clock } = await makeKiosk({ siteKey: 'vessel' });
    const { id } = await report(kiosk, 'critical', clock.now() - 60_000);
    // The escalation raised with the report set the watch off at once.
    await kiosk.notifications.idle();
    expect(rows(kiosk)).toHaveLength(2);
    // Level 1 on a vessel: the officer of the watch and the master, one card for both.
    const urgent = await ok<Urgent[]>(call(kiosk, 'notifications.urgent', {}, null));
    expect(urgent).toHaveLength(1);
    expect(urgent[0]!.kind).toBe('incident_escalated');
    expect(urgent[0]!.urgency).toBe('urgent');
    expect(urgent[0]!.eligible.map((p) => p.name).sort()).toEqual(['Erik Hansen', 'Maria Santos']);

    const crew = demoPerson('crew', 'vessel');
    const officer = demoPerson('officer', 'vessel');
    const ack = (userId: string, pin: string) =>
      call(kiosk, 'notifications.acknowledge', { notificationId: urgent[0]!.id, userId, pin }, null);
    expect(codeOf(await ack(crew.id, crew.pin))).toBe('FORBIDDEN');
    expect(codeOf(await ack(officer.id, WRONG_PIN))).not.toBe('OK');
    expect(await ok<unknown[]>(call(kiosk, 'notifications.urgent', {}, null))).toHaveLength(1);

    await ok(ack(officer.id, officer.pin));
    expect(await ok<unknown[]>(call(kiosk, 'notifications.urgent', {}, null))).toEqual([]);
    // The escalation itself is acknowledged by the officer: the incident's alert stops too.
    const esc = kiosk.store.raw
      .prepare('SELECT acknowledged_by FROM incident_escalations WHERE id = ?')
      .get(escalationId(id, 1)) as { acknowledged_by: string };
    expect(esc.acknowledged_by).toBe(officer.id);
    expect(await kiosk.notifications.check()).toBe(0);

    // Another critical incident, resolved before anyone answered its alert: it calls nobody.
    const second = await report(kiosk, 'critical', clock.now() - 60_000);
    await kiosk.notifications.idle();
    expect(await ok<unknown[]>(call(kiosk, 'notifications.urgent', {}, null))).toHaveLength(1);
    const master = await signIn(kiosk, 'master', 'vessel');
    for (const to of ['triaging', 'resolved'])
      await ok(call(kiosk, 'incidents.move', { id: second.id, to, reason: 'Put out at once' }, master));
    expect(await ok<unknown[]>(call(kiosk, 'notifications.urgent', {}, null))).toEqual([]);
    await kiosk.notifications.check();
    expect(await ok<unknown[]>(call(kiosk, 'notifications.urgent', {}, null))).toEqual([]);
  });
  it('does not call backups stopped while the catch-up backup after a clock jump is being made, and does once they stop', async () => {
    const { kiosk, clock } = await makeKiosk();
    const backupAlerts = () =>
      rows(kiosk).filter((r) => r.kind === 'health_alert' && r.period.startsWith('backup_age|'));
    await kiosk.backups.takeNow();
    await kiosk.notifications.idle();

    // Woken three hours later: the quarter-hour job makes its catch-up backup as the check reads.
    clock.advance(3 * HOUR);
    await kiosk.notifications.check();
    expect(backupAlerts()).toEqual([]);
    expect(Date.parse(kiosk.backups.lastBackupAt()!)).toBeGreaterThan(clock.now() - 15 * 60_000);

    // With the jobs stopped no backup is on its way, and three hours without one is critical.
    kiosk.jobs.stop();
    await kiosk.jobs.idle();
    clock.advance(3 * HOUR);
    await kiosk.notifications.check();
    expect(
      backupAlerts()
        .map((r) => r.recipient_role)
        .sort(),
    ).toEqual(['admin', 'manager']);
  });
});
