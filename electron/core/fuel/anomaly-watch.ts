import type { Kysely } from 'kysely';
import { detectAnomalies } from '../../../shared/fuel/anomalies.js';
import { fuelAnomalyId, raiseAnomaly } from '../../../shared/fuel/anomaly-mutations.js';
import { inForce } from '../../../shared/fuel/log-mutations.js';
import { fitSpeedModel, type Loading } from '../../../shared/fuel/speed-model.js';
import { vesselMinutes } from '../../../shared/fuel/vessel-minutes.js';
import type { SyncedDatabase } from '../../../shared/schema.js';
import type { Store } from '../db/store.js';
import type { Logger } from '../log.js';
import type { MutationRunner } from '../mutations/mutation-runner.js';

const DEVICE = { userId: null, permissions: [] } as const;
const DAY = 86_400_000;

export interface AnomalyWatchOptions {
  /** History the vessel's model is fitted on (30 days). */
  historyDays?: number;
  /** The recent window the detector watches (the last 24 h). */
  watchHours?: number;
}

export interface AnomalyWatch {
  /** Runs the detector on the newest minutes; resolves with the anomalies newly raised. */
  check(): Promise<number>;
}

/**
 * Turns the detector's findings into synced `fuel.anomaly.raise` rows. The model is fitted on the
 * vessel's own minutes before the watched window, so a step inside the window stands out against
 * what came before; a vessel with too little history is fitted on all it has. An anomaly already
 * on record (its id is derived from rule, sensor and start) is not raised again.
 *
 * @example await createAnomalyWatch({ store, runner, siteId, log }).check()
 */
export function createAnomalyWatch(
  deps: { store: Store; runner: MutationRunner; siteId: string; log: Logger },
  opts: AnomalyWatchOptions = {},
): AnomalyWatch {
  const db = deps.store.db as unknown as Kysely<SyncedDatabase>;
  const historyMs = (opts.historyDays ?? 30) * DAY;
  const watchMs = (opts.watchHours ?? 24) * 3_600_000;

  return {
    async check() {
      const newest = await db
        .selectFrom('fuel_minutes')
        .select('minute')
        .where('site_id', '=', deps.siteId)
        .orderBy('minute', 'desc')
        .limit(1)
        .executeTakeFirst();
      if (!newest) return 0;
      const end = Date.parse(newest.minute);
      const rows = await db
        .selectFrom('fuel_minutes')
        .select(['minute', 'engine', 'rpm', 'fuel_lph', 'sog_kn', 'stw_kn'])
        .where('site_id', '=', deps.siteId)
        .where('minute', '>=', new Date(end - historyMs).toISOString())
        .execute();
      // The loading condition of the newest noon report in force on or before each day.
      const noons = inForce(
        await db
          .selectFrom('fuel_noon_reports')
          .select(['id', 'corrects_id', 'report_date', 'loading'])
          .where('site_id', '=', deps.siteId)
          .orderBy('report_date')
          .execute(),
      );
      const loadingAt = (minute: string): Loading =>
        noons.filter((n) => n.report_date <= minute.slice(0, 10)).at(-1)?.loading ?? noons[0]?.loading ?? 'laden';
      const minutes = vesselMinutes(rows, loadingAt);
      const watchFrom = new Date(end - watchMs).toISOString();
      const before = minutes.filter((m) => m.minute < watchFrom);
      let model = fitSpeedModel(before);
      if (Object.keys(model.curves).length === 0) model = fitSpeedModel(minutes);
      const found = detectAnomalies(
        model,
        minutes.filter((m) => m.minute >= watchFrom),
      );
      let raised = 0;
      for (const a of found) {
        const id = fuelAnomalyId(deps.siteId, a.kind, a.sensor, a.since);
        const known = await db.selectFrom('fuel_anomalies').select('id').where('id', '=', id).executeTakeFirst();
        if (known) continue;
        await deps.runner.run(raiseAnomaly, { ...a, expected: Math.max(0, a.expected) }, DEVICE);
        raised++;
      }
      if (raised) deps.log.info({ raised }, 'fuel anomalies raised');
      return raised;
    },
  };
}
