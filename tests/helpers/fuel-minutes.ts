import type { VesselMinute } from '../../shared/fuel/speed-model.js';
import { seededRandom } from './seeded-random.js';

export interface MinuteVoyage {
  seed: number;
  start: string;
  minutes: number;
  /** Speed through water ordered at each minute (kn); a default week of legs and a port call. */
  speedAt?: (minute: number) => number;
  loading?: VesselMinute['loading'];
  fuelStep?: { fromMinute: number; factor: number };
  /** Engine whose flow meter sticks at its last reading from this minute on. */
  stuckMeter?: { engine: number; fromMinute: number };
}

/** The true curve of the generated ship, per engine: hotel share plus the propeller law. */
export const TRUE_BASE_PER_ENGINE = 20;
export const TRUE_K_PER_ENGINE = 270 / 14 ** 3;

/** A week at sea: legs at 14, 12.5 and 13 kn, with a six-hour port call and slow manoeuvres. */
export const weekProfile = (minute: number): number => {
  const h = (minute / 60) % 168;
  if (h >= 70 && h < 76) return 0;
  if ((h >= 68 && h < 70) || (h >= 76 && h < 78)) return 5;
  if (h < 40) return 14;
  if (h < 68) return 12.5;
  return 13;
};

/**
 * Minute summaries of a twin-engine ship as the kiosk would store them, without going through
 * NMEA (a week of 1 Hz sentences is millions of lines): speed held by the bridge with small
 * wander, weather as a slow random swing of ±1 % on the fuel flow, minute-to-minute noise of
 * 1.5 %; the same seed gives the same week.
 */
export function generateMinutes(opts: MinuteVoyage): VesselMinute[] {
  const rnd = seededRandom(opts.seed);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - rnd.next())) * Math.cos(2 * Math.PI * rnd.next());
  const t0 = Date.parse(opts.start);
  const speedAt = opts.speedAt ?? weekProfile;
  const ballast = opts.loading === 'ballast' ? 0.85 : 1;
  let weather = 0;
  let wander = 0;
  let stuck: number | null = null;
  const out: VesselMinute[] = [];
  for (let i = 0; i < opts.minutes; i++) {
    weather = 0.98 * weather + 0.002 * gauss();
    wander = 0.9 * wander + 0.03 * gauss();
    const ordered = speedAt(i);
    const stw = ordered === 0 ? 0 : Math.max(0, ordered + wander);
    const step = opts.fuelStep && i >= opts.fuelStep.fromMinute ? opts.fuelStep.factor : 1;
    const engines = [1, 2].map((engine) => {
      const rate =
        (TRUE_BASE_PER_ENGINE + TRUE_K_PER_ENGINE * stw ** 3 * ballast) * (1 + weather + 0.015 * gauss()) * step;
      let lph = Math.round(rate * 100) / 100;
      if (opts.stuckMeter?.engine === engine && i >= opts.stuckMeter.fromMinute) lph = stuck ??= lph;
      return { engine, litresPerHour: lph, rpm: Math.round((stw / 14) * 7200) / 10 };
    });
    out.push({
      minute: new Date(t0 + i * 60_000).toISOString(),
      stwKn: Math.round(stw * 100) / 100,
      sogKn: Math.round(stw * 100) / 100,
      litresPerHour: engines.reduce((a, e) => a + e.litresPerHour, 0),
      loading: opts.loading ?? 'laden',
      engines,
    });
  }
  return out;
}
