import type { FuelSample } from './samples.js';
import type { FuelMinuteRow } from './schema.js';

/** A minute summary as computed on board, before the writer stamps site and timestamps. */
export type MinuteSummary = Omit<FuelMinuteRow, 'id' | 'site_id' | 'created_at' | 'updated_at'>;

export interface MinuteAggregator {
  add(sample: FuelSample): void;
  /** Closes every open minute (the feed stops, the log ends). */
  flush(): void;
  /** Readings that arrived for a minute already closed: kept raw, left out of the summaries. */
  readonly late: number;
}

const MINUTE = 60_000;
const round = (v: number, digits: number) => {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
};
const mean = (a: { sum: number; n: number }, digits: number) => (a.n === 0 ? null : round(a.sum / a.n, digits));

interface Bucket {
  sog: { sum: number; n: number };
  stw: { sum: number; n: number };
  engines: Map<number, { rpm: { sum: number; n: number }; fuel: { sum: number; n: number } }>;
  gps: boolean;
}

/**
 * Folds samples into one summary row per engine per minute: mean RPM, mean fuel flow and the
 * litres it burnt, the vessel's mean speeds and the distance run. A minute closes when a reading
 * of a later minute arrives, so the rows depend only on the order and content of the readings,
 * never on when they were received: a replayed log gives the same rows, byte for byte.
 *
 * Readings are placed by GPS time. One without (no trusted fix) is placed by its receive time
 * moved by the last offset seen between GPS and the kiosk's clock, so a kiosk whose clock is
 * hours off does not scatter a voyage across the day; its minute is marked `gps_time: 0`.
 *
 * @example
 * const agg = createMinuteAggregator((rows) => queue.push(...rows));
 * for (const s of samples) agg.add(s);
 */
export function createMinuteAggregator(onMinute: (rows: MinuteSummary[]) => void): MinuteAggregator {
  const open = new Map<number, Bucket>();
  let closedBefore = -Infinity;
  let offsetMs = 0;
  let late = 0;

  const close = (upTo: number) => {
    const keys = [...open.keys()].filter((k) => k < upTo).sort((a, b) => a - b);
    for (const k of keys) {
      const b = open.get(k)!;
      open.delete(k);
      const sog = mean(b.sog, 2);
      const rows = [...b.engines.entries()]
        .sort(([a], [c]) => a - c)
        .map(([engine, e]) => {
          const lph = mean(e.fuel, 2);
          return {
            minute: new Date(k).toISOString(),
            engine,
            samples: e.rpm.n + e.fuel.n,
            rpm: mean(e.rpm, 1),
            fuel_lph: lph,
            fuel_l: lph === null ? null : round(lph / 60, 3),
            sog_kn: sog,
            stw_kn: mean(b.stw, 2),
            distance_nm: sog === null ? null : round(sog / 60, 4),
            gps_time: b.gps ? 1 : 0,
          } satisfies MinuteSummary;
        });
      if (rows.length > 0) onMinute(rows);
    }
    closedBefore = Math.max(closedBefore, upTo);
  };

  return {
    add(s) {
      let at: number;
      if (s.sourceTime !== null) {
        at = Date.parse(s.sourceTime);
        offsetMs = at - Date.parse(s.receivedAt);
      } else at = Date.parse(s.receivedAt) + offsetMs;
      const key = Math.floor(at / MINUTE) * MINUTE;
      if (key < closedBefore) {
        late++;
        return;
      }
      if (key > Math.max(...open.keys(), -Infinity)) close(key);
      let b = open.get(key);
      if (!b) open.set(key, (b = { sog: { sum: 0, n: 0 }, stw: { sum: 0, n: 0 }, engines: new Map(), gps: true }));
      if (s.sourceTime === null) b.gps = false;
      const add = (acc: { sum: number; n: number }, v: number) => {
        acc.sum += v;
        acc.n++;
      };
      const engine = (n: number) => {
        let e = b.engines.get(n);
        if (!e) b.engines.set(n, (e = { rpm: { sum: 0, n: 0 }, fuel: { sum: 0, n: 0 } }));
        return e;
      };
      switch (s.kind) {
        case 'fix':
        case 'sog':
          add(b.sog, s.sogKn);
          break;
        case 'stw':
          add(b.stw, s.stwKn);
          break;
        case 'rpm':
          add(engine(s.engine).rpm, s.rpm);
          break;
        case 'fuel_rate':
          add(engine(s.engine).fuel, s.litresPerHour);
          break;
      }
    },
    flush: () => close(Infinity),
    get late() {
      return late;
    },
  };
}
