import { sql, type Kysely } from 'kysely';
import type { CentralDatabase } from '../../../server/db/central-schema.js';
import { describe, expect, it } from 'vitest';
import { createManualClock, type ManualClock } from '../../../electron/core/clock.js';
import type { Kiosk } from '../../../electron/core/kiosk.js';
import { T0 } from '../../helpers/shared-time.js';
import { call, settle, signIn } from '../../helpers/kiosk.js';
import { siteBehindHub, startService } from '../../helpers/sync.js';
import { ok, report } from './world.js';

type Alert = { escalationId: string; incidentId: string; level: number };

/**
 * A vessel whose satellite link is cut: a hub in the ship office and two kiosks syncing through
 * it (engine room, bridge), all on one manual clock that `advance` moves with their timers.
 */
async function vesselWithHub() {
  let time = T0;
  const service = await startService({ clock: { now: () => time } });
  const clocks: ManualClock[] = [];
  const site = await siteBehindHub(service, 'vessel', ['Engine room', 'Bridge'], () => {
    const clock = createManualClock(time);
    clocks.push(clock);
    return clock;
  });
  const [engine, bridge] = site.kiosks;
  const all: Kiosk[] = [site.hub, engine!, bridge!];
  return {
    ...site,
    service,
    engine: engine!,
    bridge: bridge!,
    now: () => time,
    /** Moves every clock on in 30-second steps; each kiosk's escalation watch runs, then a sync round. */
    async advance(ms: number) {
      for (let done = 0; done < ms; done += 30_000) {
        const d = Math.min(30_000, ms - done);
        time += d;
        for (const c of clocks) c.advance(d);
        for (const k of all) {
          await k.escalations.idle();
          await settle(k);
        }
      }
      await site.syncAll();
    },
  };
}

const escalationsAtShore = async (db: Kysely<CentralDatabase>, incidentId: string) =>
  (
    await sql<{ level: number; acknowledged: boolean }>`
      SELECT level, acknowledged_at IS NOT NULL AS acknowledged FROM incident_escalations
       WHERE incident_id = ${incidentId} ORDER BY level`.execute(db)
  ).rows;

describe('escalation on board with the satellite link down (issue 12 §4, through the site hub)', () => {
  it('a critical report in the engine room alarms on the bridge, is acknowledged there, and a breach escalates once; shore gets it all once when the link is back', async () => {
    const ship = await vesselWithHub();
    ship.cut();

    // Engine room: a critical report escalates to the officer of the watch at once.
    const { id } = await report(ship.engine, 'critical', ship.now());
    await ship.syncAll();
    await ship.syncAll();

    // Bridge: the officer sees the alarm though shore is away, and acknowledges with the PIN.
    const officer = await signIn(ship.bridge, 'officer', 'vessel');
    const alerts = await ok<Alert[]>(call(ship.bridge, 'incidents.alerts', {}, officer));
    expect(alerts.map((a) => [a.incidentId, a.level])).toEqual([[id, 1]]);
    await ok(
      call(ship.bridge, 'incidents.acknowledge', { escalationId: alerts[0].escalationId, pin: '2222' }, officer),
    );
    await ship.syncAll();
    await ship.syncAll();
    const masterOnEngine = await signIn(ship.engine, 'master', 'vessel');
    expect(await ok<Alert[]>(call(ship.engine, 'incidents.alerts', {}, masterOnEngine))).toEqual([]);

    // Nobody moves it on: once the acknowledge time of a critical incident (15 min) has passed,
    // every kiosk's watch sees the breach; the derived id makes it one level-2 escalation.
    await ship.advance(20 * 60_000);
    await ship.syncAll();
    for (const k of [ship.engine, ship.bridge, ship.hub]) {
      const levels = k.store.raw
        .prepare('SELECT level FROM incident_escalations WHERE incident_id = ? ORDER BY level')
        .pluck()
        .all(id);
      expect(levels).toEqual([1, 2]);
    }
    const master = await signIn(ship.bridge, 'master', 'vessel');
    expect((await ok<Alert[]>(call(ship.bridge, 'incidents.alerts', {}, master))).map((a) => a.level)).toEqual([2]);
    expect(await escalationsAtShore(ship.service.db.admin, id)).toEqual([]);

    // The link is back: shore holds the report, both escalations once, the first acknowledged.
    await ship.restore();
    await ship.syncAll();
    await ship.syncAll();
    expect(await escalationsAtShore(ship.service.db.admin, id)).toEqual([
      { level: 1, acknowledged: true },
      { level: 2, acknowledged: false },
    ]);
  });
});
