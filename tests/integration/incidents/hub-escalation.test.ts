import { sql, type Kysely } from 'kysely';
import type { CentralDatabase } from '../../../server/db/central-schema.js';
import { describe, expect, it } from 'vitest';
import { createManualClock, type ManualClock } from '../../../electron/core/clock.js';
import type { Kiosk } from '../../../electron/core/kiosk.js';
import { T0 } from '../../helpers/shared-time.js';
import { call, settle, signIn } from '../../helpers/kiosk.js';
import { enrolledKiosk, startService } from '../../helpers/sync.js';
import { startTcpProxy } from '../../helpers/tcp-proxy.js';
import { ok, report } from './world.js';

type Alert = { escalationId: string; incidentId: string; level: number };

/**
 * A vessel whose satellite link is cut: a hub in the ship office and two kiosks syncing through
 * it (engine room, bridge), all on one manual clock that `advance` moves with their timers.
 */
async function vesselWithHub() {
  let time = T0;
  const service = await startService({ clock: { now: () => time } });
  const shore = await startTcpProxy(service.url);
  const viaShore = { url: shore.url, code: service.code };
  const clocks: ManualClock[] = [];
  const kioskOn = async (opts: Parameters<typeof enrolledKiosk>[2]) => {
    const clock = createManualClock(time);
    clocks.push(clock);
    return (await enrolledKiosk(viaShore, 'vessel', { clock, ...opts })).kiosk;
  };
  const hub = await kioskOn({ hubListen: { host: '127.0.0.1', port: 0 }, hubManual: true, deviceName: 'Ship office' });
  await hub.hub!.upstream.pullNow();
  const engine = await kioskOn({ hubs: [hub.hubUrl!], deviceName: 'Engine room' });
  const bridge = await kioskOn({ hubs: [hub.hubUrl!], deviceName: 'Bridge' });
  const all: Kiosk[] = [hub, engine, bridge];
  const syncAll = async () => {
    for (const k of all) await k.sync!.syncNow();
  };
  await syncAll();
  return {
    service,
    hub,
    engine,
    bridge,
    syncAll,
    now: () => time,
    cut() {
      shore.set({ mode: 'drop-request' });
      shore.reset();
    },
    async restore() {
      shore.set({ mode: 'pass' });
      await hub.hub!.upstream.pullNow();
      await hub.hub!.upstream.relayNow();
      await hub.hub!.upstream.pullNow();
    },
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
      await syncAll();
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
