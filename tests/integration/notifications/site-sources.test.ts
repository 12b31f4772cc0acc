import { describe, expect, it } from 'vitest';
import { templateId } from '../../../shared/compliance/template-rows.js';
import { raiseAnomaly } from '../../../shared/fuel/anomaly-mutations.js';
import { rateReading, HEALTH_CHECKS } from '../../../shared/health/thresholds.js';
import type { SwitchEvent } from '../../../shared/sync/link-monitor.js';
import { createLogger } from '../../../electron/core/log.js';
import { startNotificationWatch } from '../../../electron/core/notifications/jobs.js';
import { submitPassingReport } from '../../helpers/compliance-report.js';
import { call, codeOf, demoPerson, makeKiosk, signIn } from '../../helpers/kiosk.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
type Entry = {
  id: string;
  kind: string;
  urgency: string;
  params: Record<string, unknown>;
  recipientRole: string | null;
};
type Urgent = Entry & { eligible: { id: string; name: string }[] };

async function ok<T>(p: Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }>) {
  const r = await p;
  if (!r.ok) throw new Error(`${r.error!.code}: ${r.error!.message}`);
  return r.value as T;
}

type RawStore = { store: { raw: { prepare(s: string): { all(...a: unknown[]): unknown[] } } } };
const rows = (k: RawStore, kind: string) =>
  (
    k.store.raw
      .prepare(
        'SELECT period, recipient_role, urgency FROM notifications WHERE kind = ? ORDER BY period, recipient_role',
      )
      .all(kind) as { period: string; recipient_role: string; urgency: string }[]
  ).map((r) => [r.period, r.recipient_role]);

describe('notifications of reports, fuel, health and links, raised on board', () => {
  it('tells the chef and the manager a report is due, drops it once submitted, and tells of the days missed', async () => {
    // The test clock: Sunday 22 Nov 2026, 10:00 in Paris.
    const { kiosk, clock } = await makeKiosk();
    const manager = await signIn(kiosk, 'manager');
    const schedule = await ok<{ id: string }>(
      call(
        kiosk,
        'compliance.setSchedule',
        {
          templateCode: 'RESTAURANT_OPENING',
          frequency: 'daily',
          roleCode: 'chef',
          startsOn: '2026-11-22',
          dueTime: '12:00',
        },
        manager,
      ),
    );
    // Setting the schedule set the watch off: today's report is due at noon, to the chef and the manager.
    await kiosk.notifications.idle();
    expect(rows(kiosk, 'report_due')).toEqual([
      ['due|2026-11-22', 'chef'],
      ['due|2026-11-22', 'manager'],
    ]);
    expect(await kiosk.notifications.check()).toBe(0);
    const chef = await signIn(kiosk, 'chef');
    const mine = await ok<Entry[]>(call(kiosk, 'notifications.mine', {}, chef));
    expect(mine.map((n) => [n.kind, n.params.titleEn, n.params.period])).toEqual([
      ['report_due', 'Daily opening checklist', '2026-11-22'],
    ]);

    // Submitted: it leaves the chef's list and the manager's, with nobody dismissing it.
    await submitPassingReport(
      kiosk,
      { templateId: templateId('RESTAURANT_OPENING', 1), scheduleId: schedule.id, period: '2026-11-22' },
      chef,
      '2222',
    );
    expect(await ok<Entry[]>(call(kiosk, 'notifications.mine', {}, chef))).toEqual([]);
    expect(await ok<Entry[]>(call(kiosk, 'notifications.mine', {}, await signIn(kiosk, 'manager')))).toEqual([]);

    // Three days on with no report: the 23rd and 24th were missed (to the chef and the owner),
    // the 25th is due; each is its own card on the chef's list.
    clock.advance(3 * DAY);
    await kiosk.notifications.check();
    expect(rows(kiosk, 'report_missed')).toEqual([
      ['missed|2026-11-23', 'chef'],
      ['missed|2026-11-23', 'owner'],
      ['missed|2026-11-24', 'chef'],
      ['missed|2026-11-24', 'owner'],
    ]);
    expect(rows(kiosk, 'report_due').map((r) => r[0])).toContain('due|2026-11-25');
    const later = await ok<Entry[]>(call(kiosk, 'notifications.mine', {}, await signIn(kiosk, 'chef')));
    expect(later.map((n) => [n.kind, n.params.period]).sort()).toEqual([
      ['report_due', '2026-11-25'],
      ['report_missed', '2026-11-23'],
      ['report_missed', '2026-11-24'],
    ]);
    // A restart raises nothing again.
    expect(await kiosk.notifications.check()).toBe(0);
  });

  it('tells the officer of an open fuel anomaly, not the crew, until it is taken up', async () => {
    const { kiosk, clock } = await makeKiosk({ siteKey: 'vessel' });
    const since = new Date(clock.now() - 40 * 60_000).toISOString().slice(0, 16) + ':00.000Z';
    const detectedAt = new Date(clock.now()).toISOString().slice(0, 16) + ':00.000Z';
    await kiosk.runner.run(
      raiseAnomaly,
      {
        kind: 'excessive_consumption',
        sensor: 'fuel_rate#1',
        engine: 1,
        expected: 812.5,
        seen: 905.25,
        unit: 'kg/h',
        since,
        detectedAt,
      },
      { userId: null, permissions: [] },
    );
    await kiosk.notifications.idle();
    expect(rows(kiosk, 'fuel_anomaly')).toEqual([['open', 'officer']]);
    const officer = await signIn(kiosk, 'officer', 'vessel');
    const mine = await ok<Entry[]>(call(kiosk, 'notifications.mine', {}, officer));
    expect(mine.map((n) => [n.kind, n.urgency, n.params.anomaly, n.params.sensor, n.params.seen])).toEqual([
      ['fuel_anomaly', 'normal', 'excessive_consumption', 'fuel_rate#1', 905.25],
    ]);
    expect(await ok<Entry[]>(call(kiosk, 'notifications.mine', {}, await signIn(kiosk, 'crew', 'vessel')))).toEqual([]);
    const [anomaly] = await ok<{ id: string }[]>(call(kiosk, 'fuel.anomalies', {}, officer));
    await ok(
      call(
        kiosk,
        'fuel.investigate',
        { id: anomaly!.id, status: 'investigating', rootCause: 'Fouled hull', resolution: null },
        officer,
      ),
    );
    expect(await ok<Entry[]>(call(kiosk, 'notifications.mine', {}, officer))).toEqual([]);
    expect(await kiosk.notifications.check()).toBe(0);
  });

  it("puts this kiosk's critical health reading on the locked screen until an officer acknowledges it, and tells of a failover", async () => {
    const tk = await makeKiosk({ siteKey: 'vessel' });
    const { kiosk, clock } = tk;
    const deviceId = (
      kiosk.store.raw.prepare("SELECT value FROM meta WHERE key = 'device_id'").all()[0] as {
        value: string;
      }
    ).value;
    const check = (id: string) => HEALTH_CHECKS.find((c) => c.id === id)!;
    // Free disk below its critical mark; the last sync a day old (normal at sea: it calls nobody).
    let readings = [rateReading(check('free_disk'), 100 * 1024 ** 2), rateReading(check('last_sync'), 26 * 60)];
    const switches: SwitchEvent[] = [
      {
        kind: 'failover',
        from: 'vsat',
        to: 'iridium',
        reason: 'no answer',
        at: clock.now() - HOUR,
        durationMs: 90_000,
        queued: 12,
      },
      {
        kind: 'test',
        from: 'iridium',
        to: 'vsat',
        reason: 'test',
        at: clock.now() - HOUR / 2,
        durationMs: 0,
        queued: 0,
      },
    ];
    const watch = startNotificationWatch({
      store: kiosk.store,
      runner: kiosk.runner,
      clock,
      log: createLogger({ name: 'test', quiet: true }),
      site: async () => ({ id: demoSiteId(kiosk), kind: 'vessel', timezone: 'UTC' }),
      deviceId,
      health: async () => readings,
      linkSwitches: () => switches,
      everyMs: DAY,
    });
    try {
      await watch.check();
      expect(rows(kiosk, 'health_alert')).toEqual([
        [`free_disk|${new Date(clock.now()).toISOString().slice(0, 10)}`, 'admin'],
        [`free_disk|${new Date(clock.now()).toISOString().slice(0, 10)}`, 'officer'],
      ]);
      expect(rows(kiosk, 'link_failover').map((r) => r[1])).toEqual(['officer']);

      const urgent = await ok<Urgent[]>(call(kiosk, 'notifications.urgent', {}, null));
      const health = urgent.filter((u) => u.kind === 'health_alert');
      expect(health).toHaveLength(1);
      expect(health[0]!.params).toMatchObject({ check: 'free_disk', unit: 'bytes', device: deviceId.slice(0, 8) });
      expect(health[0]!.eligible.map((p) => p.name).sort()).toEqual(['Ana Ribeiro', 'Maria Santos']);
      const crew = demoPerson('crew', 'vessel');
      const officer = demoPerson('officer', 'vessel');
      const ack = (p: { id: string; pin: string }) =>
        call(kiosk, 'notifications.acknowledge', { notificationId: health[0]!.id, userId: p.id, pin: p.pin }, null);
      expect(codeOf(await ack(crew))).toBe('FORBIDDEN');
      await ok(ack(officer));
      expect(
        (await ok<Urgent[]>(call(kiosk, 'notifications.urgent', {}, null))).filter((u) => u.kind === 'health_alert'),
      ).toEqual([]);

      // Still critical the same day: not raised again; the next day it is.
      expect(await watch.check()).toBe(0);
      clock.advance(DAY);
      readings = [rateReading(check('free_disk'), 100 * 1024 ** 2)];
      expect(await watch.check()).toBe(2);
      // The failover is a day old now, and was told already.
      expect(rows(kiosk, 'link_failover')).toHaveLength(1);
    } finally {
      watch.stop();
    }
  });
});

function demoSiteId(kiosk: { store: { raw: { prepare(s: string): { get(): unknown } } } }) {
  return (kiosk.store.raw.prepare("SELECT id FROM sites WHERE kind = 'vessel'").get() as { id: string }).id;
}
