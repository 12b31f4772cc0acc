import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { escalationId } from '../../../shared/incidents/escalation.js';
import { call, signIn } from '../../helpers/kiosk.js';
import { replicaDiff } from '../../helpers/replicas.js';
import { MIN, ok, report, vesselWorld } from './world.js';

const levels = (k: { store: { raw: { prepare(s: string): { all(...a: unknown[]): unknown[] } } } }, id: string) =>
  k.store.raw
    .prepare('SELECT id, level, reason, raised_at FROM incident_escalations WHERE incident_id = ? ORDER BY level')
    .all(id) as {
    id: string;
    level: number;
    reason: string;
    raised_at: string;
  }[];

describe('two kiosks offline escalate the same critical incident', () => {
  it('once per level: level 1 at the report, level 2 within 60 s of the 15-minute breach on each kiosk, level 3 by hand on both, one row each everywhere', async () => {
    const w = await vesselWorld();
    const bridge = await w.kiosk('Bridge tablet');
    const engine = await w.kiosk('Engine control room');
    const reportedAt = w.now();
    const { id } = await report(bridge, 'critical', reportedAt - 2 * MIN);
    // A critical incident escalates to level 1 with its report, before anyone triages.
    expect(levels(bridge, id).map((e) => [e.level, e.reason])).toEqual([[1, 'critical']]);
    await bridge.sync!.syncNow();
    await engine.sync!.syncNow();
    expect(levels(engine, id)).toHaveLength(1);

    // The link is down: nobody acknowledges for 15 minutes, and both kiosks' watches see the breach.
    await w.advance(15 * MIN + 30_000);
    const deadline = reportedAt + 15 * MIN;
    for (const k of [bridge, engine]) {
      const l2 = levels(k, id).find((e) => e.level === 2);
      expect(l2?.id).toBe(escalationId(id, 2));
      expect(l2?.reason).toBe('sla_breach');
      const late = Date.parse(l2!.raised_at) - deadline;
      expect(late).toBeGreaterThanOrEqual(0);
      expect(late).toBeLessThanOrEqual(60_000);
    }

    // The master escalates by hand on the bridge, the officer on the engine kiosk, both offline.
    const master = await signIn(bridge, 'master', 'vessel');
    const officer = await signIn(engine, 'officer', 'vessel');
    expect(await ok(call(bridge, 'incidents.escalate', { id, note: 'Fire party mustered' }, master))).toEqual({
      level: 3,
    });
    expect(await ok(call(engine, 'incidents.escalate', { id, note: 'Need shore' }, officer))).toEqual({ level: 3 });

    for (let i = 0; i < 2; i++) for (const k of [bridge, engine]) await k.sync!.syncNow();
    const central = await sql<{ id: string; level: number }>`
      SELECT id, level FROM incident_escalations WHERE incident_id = ${id} ORDER BY level`.execute(w.service.db.admin);
    expect(central.rows).toEqual([1, 2, 3].map((level) => ({ id: escalationId(id, level), level })));
    const conflicts = await sql<{ n: number }>`SELECT count(*)::int AS n FROM conflicts`.execute(w.service.db.admin);
    expect(conflicts.rows[0].n).toBe(0);
    for (const k of [bridge, engine]) {
      expect(levels(k, id).map((e) => e.level)).toEqual([1, 2, 3]);
      expect(await replicaDiff(k, w.service.db.admin)).toEqual([]);
    }

    // Acknowledged on one kiosk with a PIN, the alert stops on the other after sync.
    const alerts = await ok<{ escalationId: string }[]>(call(engine, 'incidents.alerts', {}, officer));
    expect(alerts.map((a) => a.escalationId)).toEqual([escalationId(id, 1)]);
    expect(
      (await call(engine, 'incidents.acknowledge', { escalationId: escalationId(id, 1), pin: '0000' }, officer)).ok,
    ).toBe(false);
    await ok(call(engine, 'incidents.acknowledge', { escalationId: escalationId(id, 1), pin: '2222' }, officer));
    await engine.sync!.syncNow();
    await bridge.sync!.syncNow();
    const tomAlerts = await ok<unknown[]>(
      call(bridge, 'incidents.alerts', {}, await signIn(bridge, 'officer', 'vessel')),
    );
    expect(tomAlerts).toEqual([]);
  });
});
