import type { FuelMinuteRow } from './schema.js';
import type { Loading, VesselMinute } from './speed-model.js';

type MinuteRow = Pick<FuelMinuteRow, 'minute' | 'engine' | 'rpm' | 'fuel_lph' | 'sog_kn' | 'stw_kn'>;

/**
 * Folds the synced per-engine minute rows into minutes of the whole vessel, in time order, which
 * the speed model and the detector read: the vessel's flow is the sum of its engines' flows and
 * its speeds are those repeated on each engine's row.
 *
 * @example vesselMinutes(await db.selectFrom('fuel_minutes').selectAll().execute(), () => 'laden')
 */
export function vesselMinutes(rows: readonly MinuteRow[], loadingAt: (minute: string) => Loading): VesselMinute[] {
  const byMinute = new Map<string, MinuteRow[]>();
  for (const r of rows) {
    const list = byMinute.get(r.minute) ?? [];
    list.push(r);
    byMinute.set(r.minute, list);
  }
  return [...byMinute.keys()].sort().map((minute) => {
    const list = byMinute.get(minute)!.sort((a, b) => a.engine - b.engine);
    const first = (f: (r: MinuteRow) => number | null) => list.map(f).find((v) => v !== null) ?? null;
    return {
      minute,
      stwKn: first((r) => r.stw_kn),
      sogKn: first((r) => r.sog_kn),
      litresPerHour: list.reduce((sum, r) => sum + (r.fuel_lph ?? 0), 0),
      loading: loadingAt(minute),
      engines: list.map((r) => ({ engine: r.engine, litresPerHour: r.fuel_lph, rpm: r.rpm })),
    };
  });
}
