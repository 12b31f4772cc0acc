import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../../electron/core/clock.js';
import type { Kiosk } from '../../../electron/core/kiosk.js';
import { demoUserId } from '../../../shared/demo.js';
import { newId } from '../../../shared/ids.js';
import { recordAuthEvent } from '../../../shared/mutations/audit.js';
import { setIdleLock } from '../../../shared/mutations/sites.js';
import { PERMISSIONS } from '../../../shared/permissions.js';
import { outboxCounts, replicaDiff, statusOf, syncAll } from '../../helpers/replicas.js';
import { enrolledKiosk, siteOf, startService } from '../../helpers/sync.js';

const DAY = 24 * 60 * 60 * 1000;
const admin = { userId: demoUserId('restaurant', 'Sophie Laurent'), permissions: [...PERMISSIONS] };
const device = { userId: null, permissions: [] };
const event = (kiosk: Kiosk, id: string) =>
  kiosk.runner.run(recordAuthEvent, { id, action: 'auth.sign_in', subjectUserId: null, detail: {} }, device);

describe('a kiosk whose clock is days wrong', () => {
  it('still syncs, is counted and recorded by the server, and blocks no other kiosk', async () => {
    const service = await startService();
    const ahead = await enrolledKiosk(service, 'restaurant', { clock: createManualClock(Date.now() + 3 * DAY) });
    const behind = await enrolledKiosk(service, 'restaurant', { clock: createManualClock(Date.now() - 5 * DAY) });
    const { kiosk: right } = await enrolledKiosk(service, 'restaurant');
    const future = ahead.kiosk;
    const past = behind.kiosk;
    const metrics = service.app.sync.metrics;

    const ids = { future: newId(), past: newId(), right: newId() };
    await event(future, ids.future);
    await future.runner.run(setIdleLock, { seconds: 300 }, admin);
    const r1 = await future.sync!.syncNow();
    expect(r1?.pushed, (await statusOf(future)).lastError ?? '').toBe(2);
    expect(metrics.get('shiftdeck_future_timestamps_total')).toBe(2);

    await event(past, ids.past);
    await past.runner.run(setIdleLock, { seconds: 450 }, admin);
    expect((await past.sync!.syncNow())?.pushed).toBe(2);
    // Days in the past is not "in the future": only the ahead kiosk is flagged.
    expect(metrics.get('shiftdeck_future_timestamps_total')).toBe(2);

    // The kiosk with the right clock writes after both and is neither refused nor held back: the
    // site's setting is the last one committed, even though the future kiosk stamped its own later.
    await event(right, ids.right);
    await right.runner.run(setIdleLock, { seconds: 600 }, admin);
    expect((await right.sync!.syncNow())?.pushed).toBe(2);
    const site = await service.db.admin
      .selectFrom('sites')
      .select('idle_lock_seconds')
      .where('id', '=', siteOf('restaurant'))
      .executeTakeFirstOrThrow();
    expect(site.idle_lock_seconds).toBe(600);

    // Each device's offset is recorded where an administrator can see it.
    const offsets = await service.db.admin.selectFrom('devices').select(['id', 'clock_offset_ms']).execute();
    const offset = (k: Kiosk) => offsets.find((d) => d.id === k.deviceId)!.clock_offset_ms!;
    expect(Math.abs(offset(future) - 3 * DAY)).toBeLessThan(60_000);
    expect(Math.abs(offset(past) + 5 * DAY)).toBeLessThan(60_000);
    expect(Math.abs(offset(right))).toBeLessThan(60_000);

    await syncAll([future, past, right], 2);
    for (const k of [future, past, right]) {
      expect(outboxCounts(k)).not.toHaveProperty('pending');
      expect(outboxCounts(k)).not.toHaveProperty('rejected');
      expect(await replicaDiff(k, service.db.admin)).toEqual([]);
      for (const id of Object.values(ids))
        expect(k.store.raw.prepare('SELECT 1 FROM audit_log WHERE id = ?').get(id)).toBeDefined();
      const s = k.store.raw.prepare('SELECT idle_lock_seconds FROM sites').get() as { idle_lock_seconds: number };
      expect(s.idle_lock_seconds).toBe(600);
    }
    const failures = await sql<{ n: number }>`SELECT count(*)::int AS n FROM mutation_failures`.execute(
      service.db.admin,
    );
    expect(failures.rows[0].n).toBe(0);
    const conflicts = await sql<{
      kind: string;
      n: number;
    }>`SELECT kind, count(*)::int AS n FROM conflicts GROUP BY kind`.execute(service.db.admin);
    console.log(`[clock-skew] conflicts recorded: ${JSON.stringify(conflicts.rows)}`);
    // Each kiosk's edits are dated by its HLC corrected by the offset measured for it (and never
    // after their receipt): the three setting changes were made in the order they were pushed,
    // so none replaced a later one and there is no conflict, whichever clock was wrong.
    expect(conflicts.rows).toEqual([]);
  });
});
