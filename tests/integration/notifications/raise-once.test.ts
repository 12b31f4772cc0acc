import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { escalationId } from '../../../shared/incidents/escalation.js';
import { notificationId } from '../../../shared/notifications/recipients.js';
import { call, demoPerson } from '../../helpers/kiosk.js';
import { replicaDiff } from '../../helpers/replicas.js';
import { ok, report, vesselWorld } from '../incidents/world.js';

describe('two kiosks offline raise the same notification', () => {
  it('write one row per recipient on shore, and an acknowledgement on one kiosk clears the locked screen of the other', async () => {
    const w = await vesselWorld();
    const bridge = await w.kiosk('Bridge tablet');
    const engine = await w.kiosk('Engine control room');
    const { id } = await report(bridge, 'critical', w.now() - 60_000);
    await bridge.sync!.syncNow();
    await engine.sync!.syncNow();
    // The link goes down; each kiosk's watch raises the escalation's notifications on its own.
    for (const k of [bridge, engine]) {
      await k.notifications.idle();
      await k.notifications.check();
      expect(k.store.raw.prepare('SELECT count(*) AS n FROM notifications').get()).toEqual({ n: 2 });
    }
    for (let i = 0; i < 2; i++) for (const k of [bridge, engine]) await k.sync!.syncNow();

    const subject = escalationId(id, 1);
    const central = await sql<{ id: string; recipient_role: string }>`
      SELECT id, recipient_role FROM notifications WHERE subject_id = ${subject} ORDER BY recipient_role`.execute(
      w.service.db.admin,
    );
    expect(central.rows).toEqual(
      ['master', 'officer'].map((role) => ({
        id: notificationId('incident_escalated', subject, { role }, 'level-1'),
        recipient_role: role,
      })),
    );
    const conflicts = await sql<{ n: number }>`SELECT count(*)::int AS n FROM conflicts`.execute(w.service.db.admin);
    expect(conflicts.rows[0]!.n).toBe(0);

    const master = demoPerson('master', 'vessel');
    const [card] = await ok<{ id: string }[]>(call(engine, 'notifications.urgent', {}, null));
    await ok(
      call(engine, 'notifications.acknowledge', { notificationId: card!.id, userId: master.id, pin: master.pin }),
    );
    for (let i = 0; i < 2; i++) for (const k of [engine, bridge]) await k.sync!.syncNow();
    expect(await ok<unknown[]>(call(bridge, 'notifications.urgent', {}, null))).toEqual([]);
    for (const k of [bridge, engine]) expect(await replicaDiff(k, w.service.db.admin)).toEqual([]);
  });
});
