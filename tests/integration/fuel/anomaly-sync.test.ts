import { describe, expect, it } from 'vitest';
import { startFuelFeed } from '../../../electron/core/fuel/fuel-feed.js';
import type { Kiosk } from '../../../electron/core/kiosk.js';
import { call, demoPerson } from '../../helpers/kiosk.js';
import { generateVoyage } from '../../helpers/nmea-voyage.js';
import { enrolledKiosk, siteOf, startService } from '../../helpers/sync.js';

const quiet = { info() {}, warn() {}, error() {} };
const log = generateVoyage({
  seed: 7,
  start: '2026-11-22T08:00:00Z',
  minutes: 22,
  stuckMeter: { engine: 1, fromMinute: 3 },
  burstEverySeconds: 10,
});

/** Both bridge kiosks hear the same instrument network and run the detector on their own. */
async function hear(kiosk: Kiosk) {
  const feed = await startFuelFeed(
    { store: kiosk.store, runner: kiosk.runner, clock: kiosk.clock, log: quiet, siteId: kiosk.siteId },
    { udpPort: 0 },
  );
  for (const r of log) feed.ingest(r.line);
  await feed.stop();
}

const anomalyRows = (kiosk: Kiosk) =>
  kiosk.store.raw.prepare('SELECT id, kind, sensor, since, status FROM fuel_anomalies ORDER BY id').all();

describe('fuel anomalies through the sync service', () => {
  it('two kiosks that find the same episode make one row ashore, and an investigation reaches the other kiosk', async () => {
    const service = await startService();
    const a = (await enrolledKiosk(service, 'vessel')).kiosk;
    const b = (await enrolledKiosk(service, 'vessel')).kiosk;
    await hear(a);
    await hear(b);
    expect(anomalyRows(a)).toHaveLength(1);
    expect(anomalyRows(b)).toEqual(anomalyRows(a));

    await a.sync!.syncNow();
    await b.sync!.syncNow();
    const central = await service.db.admin
      .selectFrom('fuel_anomalies')
      .select(['id', 'kind', 'sensor', 'status'])
      .where('site_id', '=', siteOf('vessel'))
      .execute();
    expect(central).toEqual([
      { id: (anomalyRows(a)[0] as { id: string }).id, kind: 'suspect_sensor', sensor: 'fuel_rate#1', status: 'open' },
    ]);

    const officer = demoPerson('officer', 'vessel');
    const signedIn = await call(a, 'auth.signIn', { userId: officer.id, pin: officer.pin });
    const token = (signedIn as { value: { token: string } }).value.token;
    const r = await call(
      a,
      'fuel.investigate',
      {
        id: central[0].id,
        status: 'investigating',
        rootCause: 'Meter 1 frozen',
        resolution: null,
        action: { title: 'Replace meter 1', dueDate: '2026-11-24' },
      },
      token,
    );
    expect(r.ok).toBe(true);
    await a.sync!.syncNow();
    await b.sync!.syncNow();
    const onB = b.store.raw
      .prepare(
        'SELECT f.status, f.root_cause, a.title, a.source_kind FROM fuel_anomalies f JOIN actions a ON a.id = f.action',
      )
      .all();
    expect(onB).toEqual([
      { status: 'investigating', root_cause: 'Meter 1 frozen', title: 'Replace meter 1', source_kind: 'fuel_anomaly' },
    ]);
  });
});
