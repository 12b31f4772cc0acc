import { describe, expect, it } from 'vitest';
import { startFuelFeed } from '../../../electron/core/fuel/fuel-feed.js';
import { demoUserId } from '../../../shared/demo.js';
import { newId } from '../../../shared/ids.js';
import { inForce, logBunkering, logNoonReport } from '../../../shared/fuel/log-mutations.js';
import { makeKiosk } from '../../helpers/kiosk.js';
import { generateVoyage } from '../../helpers/nmea-voyage.js';
import { enrolledKiosk, siteOf, startService } from '../../helpers/sync.js';

const officer = { userId: demoUserId('vessel', 'Maria Santos'), permissions: ['fuel.log'] };
const bunkering = {
  deliveredAt: '2026-11-21T14:00:00.000Z',
  port: 'Rotterdam',
  supplier: 'North Sea Bunkers BV',
  fuelType: 'MGO' as const,
  quantityT: 182.5,
  densityKgM3: 845.2,
  sulphurPct: 0.08,
  noteNumber: 'BDN-2026-1187',
};

describe('fuel logs and minute summaries through the sync service', () => {
  it('a bunkering and its correction reach PostgreSQL as two rows; the correction is the one in force', async () => {
    const service = await startService();
    const { kiosk } = await enrolledKiosk(service, 'vessel');
    const first = newId();
    await kiosk.runner.run(logBunkering, { ...bunkering, id: first, corrects: null }, officer);
    const fixed = newId();
    await kiosk.runner.run(
      logBunkering,
      { ...bunkering, quantityT: 185.2, id: fixed, corrects: { id: first, reason: 'Delivery note re-read: 185.2 t' } },
      officer,
    );
    await kiosk.sync!.syncNow();
    const central = await service.db.admin
      .selectFrom('fuel_bunkerings')
      .select(['id', 'quantity_t', 'corrects_id', 'reason', 'entered_by'])
      .where('site_id', '=', siteOf('vessel'))
      .orderBy('quantity_t')
      .execute();
    expect(central).toEqual([
      { id: first, quantity_t: 182.5, corrects_id: null, reason: null, entered_by: officer.userId },
      {
        id: fixed,
        quantity_t: 185.2,
        corrects_id: first,
        reason: 'Delivery note re-read: 185.2 t',
        entered_by: officer.userId,
      },
    ]);
    expect(inForce(central).map((r) => r.id)).toEqual([fixed]);
    // Insert-only: not even the kiosk's own connection may change a reading.
    expect(() => kiosk.store.raw.prepare('UPDATE fuel_bunkerings SET quantity_t = 1').run()).toThrow();
  });

  it('the instrument feed’s minute summaries sync to PostgreSQL unchanged', async () => {
    const service = await startService();
    const { kiosk } = await enrolledKiosk(service, 'vessel');
    const feed = await startFuelFeed(
      {
        store: kiosk.store,
        runner: kiosk.runner,
        clock: kiosk.clock,
        log: { info() {}, warn() {}, error() {} },
        siteId: kiosk.siteId,
      },
      { udpPort: 0 },
    );
    for (const r of generateVoyage({ seed: 1, start: '2026-11-22T08:00:00Z', minutes: 3 })) feed.ingest(r.line);
    await feed.stop();
    await kiosk.sync!.syncNow();
    const cols = [
      'id',
      'minute',
      'engine',
      'samples',
      'rpm',
      'fuel_lph',
      'fuel_l',
      'sog_kn',
      'stw_kn',
      'distance_nm',
      'gps_time',
    ] as const;
    const local = await kiosk.store.db
      .selectFrom('fuel_minutes')
      .select(cols)
      .orderBy('minute')
      .orderBy('engine')
      .execute();
    const central = await service.db.admin
      .selectFrom('fuel_minutes')
      .select(cols)
      .orderBy('minute')
      .orderBy('engine')
      .execute();
    expect(local).toHaveLength(6);
    expect(central).toEqual(local);
  });

  it('refuses bad readings naming the field, an unknown correction, and any fuel log on a restaurant', async () => {
    const { kiosk } = await makeKiosk({ siteKey: 'vessel' });
    await expect(
      kiosk.runner.run(logBunkering, { ...bunkering, densityKgM3: 9100, id: newId(), corrects: null }, officer),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('densityKgM3') });
    await expect(
      kiosk.runner.run(
        logNoonReport,
        {
          reportDate: '2026-11-22',
          loading: 'laden',
          distanceNm: 312,
          hoursSteaming: 24,
          consumption: [{ fuelType: 'HFO', consumer: 'main_engine', tonnes: 14.2 }],
          id: newId(),
          corrects: { id: newId(), reason: 'typo' },
        },
        officer,
      ),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(kiosk.store.raw.prepare('SELECT COUNT(*) AS n FROM fuel_bunkerings').get()).toEqual({ n: 0 });
    expect(kiosk.store.raw.prepare('SELECT COUNT(*) AS n FROM fuel_noon_reports').get()).toEqual({ n: 0 });

    const { kiosk: bistro } = await makeKiosk({ siteKey: 'restaurant' });
    const admin = { userId: demoUserId('restaurant', 'Sophie Laurent'), permissions: ['fuel.log'] };
    await expect(
      bistro.runner.run(logBunkering, { ...bunkering, id: newId(), corrects: null }, admin),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
