import { appendChecksumFooter } from 'nmea-simple/dist/helpers.js';
import { seededRandom } from './seeded-random.js';

/** One recorded sentence: when it arrived (ms after the log starts) and the line as sent. */
export interface RecordedSentence {
  atMs: number;
  line: string;
}

export interface VoyageOptions {
  seed: number;
  /** GPS time of the first fix (ISO-8601, UTC). */
  start: string;
  minutes: number;
  /** Speed through water (kn) at each minute; 14 kn steady by default. */
  stwKn?: (minute: number) => number;
  /** Multiplies the fuel flow from this minute on (1.05: the hull fouled, an injector worn). */
  fuelStep?: { fromMinute: number; factor: number };
  /** Every n-th second one sentence is damaged (a wrong checksum, then a cut line), as a noisy bus does. */
  faultEvery?: number;
  /** From this minute on, one engine's flow meter repeats the same reading (a stuck meter). */
  stuckMeter?: { engine: 1 | 2; fromMinute: number };
  /** One burst every this many seconds instead of every second (a lighter log for browser tests). */
  burstEverySeconds?: number;
}

const pad = (n: number, width: number) => String(Math.trunc(n)).padStart(width, '0');
const fixed = (v: number, d: number) => v.toFixed(d);

function latField(lat: number): string {
  const a = Math.abs(lat);
  const deg = Math.floor(a);
  return `${pad(deg, 2)}${fixed((a - deg) * 60, 4).padStart(7, '0')},${lat >= 0 ? 'N' : 'S'}`;
}

function lonField(lon: number): string {
  const a = Math.abs(lon);
  const deg = Math.floor(a);
  return `${pad(deg, 3)}${fixed((a - deg) * 60, 4).padStart(7, '0')},${lon >= 0 ? 'E' : 'W'}`;
}

function timeFields(ms: number): { time: string; date: string } {
  const d = new Date(ms);
  return {
    time: `${pad(d.getUTCHours(), 2)}${pad(d.getUTCMinutes(), 2)}${pad(d.getUTCSeconds(), 2)}.00`,
    date: `${pad(d.getUTCDate(), 2)}${pad(d.getUTCMonth() + 1, 2)}${pad(d.getUTCFullYear() % 100, 2)}`,
  };
}

/**
 * A realistic recorded NMEA 0183 log of a twin-screw vessel steaming in the Bay of Biscay, one
 * burst a second: RMC and VTG from the GPS, VHW from the log, RPM and XDR fuel flow for engines 1
 * (starboard) and 2 (port). Fuel flow follows the cubic law (about 290 l/h an engine at 14 kn),
 * with a slowly turning tidal current on speed over ground and sensor noise; the same seed gives
 * the same log, byte for byte.
 *
 * @example
 * const log = generateVoyage({ seed: 358, start: '2026-11-22T08:00:00Z', minutes: 30 });
 */
export function generateVoyage(opts: VoyageOptions): RecordedSentence[] {
  const rnd = seededRandom(opts.seed);
  const noise = (amp: number) => (rnd.next() * 2 - 1) * amp;
  const t0 = Date.parse(opts.start);
  const stwAt = opts.stwKn ?? (() => 14);
  let lat = 46.2;
  let lon = -4.8;
  let heading = 222;
  const out: RecordedSentence[] = [];
  let stuckAt: string | null = null;
  for (let s = 0; s < opts.minutes * 60; s++) {
    const minute = Math.floor(s / 60);
    const stw = Math.max(0, stwAt(minute) + noise(0.05));
    const current = 0.4 * Math.sin((2 * Math.PI * s) / (6 * 3600));
    const sog = Math.max(0, stw + current + noise(0.05));
    heading = (heading + noise(0.2) + 360) % 360;
    const cog = (heading + 2 + noise(0.3) + 360) % 360;
    const rad = (cog * Math.PI) / 180;
    lat += ((sog / 3600) * Math.cos(rad)) / 60;
    lon += ((sog / 3600) * Math.sin(rad)) / (60 * Math.cos((lat * Math.PI) / 180));
    const step = opts.fuelStep && minute >= opts.fuelStep.fromMinute ? opts.fuelStep.factor : 1;
    const perEngine = 290 * (stw / 14) ** 3 * step;
    const { time, date } = timeFields(t0 + s * 1000);
    // Noise is drawn in the same order as before these options existed: same seed, same log.
    const rpms = [1, 2].map((e) => `$ERRPM,E,${e},${fixed((stw / 14) * 720 + noise(3), 1)},,A`);
    const flows = [1, 2].map((e) => {
      const v = fixed(perEngine * (1 + noise(0.01)), 1);
      if (opts.stuckMeter?.engine !== e || minute < opts.stuckMeter.fromMinute) return v;
      return (stuckAt ??= v);
    });
    if (s % (opts.burstEverySeconds ?? 1) !== 0) continue;
    const burst = [
      `$GPRMC,${time},A,${latField(lat)},${lonField(lon)},${fixed(sog, 1)},${fixed(cog, 1)},${date},,,A`,
      `$GPVTG,${fixed(cog, 1)},T,,M,${fixed(sog, 1)},N,${fixed(sog * 1.852, 1)},K,A`,
      `$VWVHW,${fixed(heading, 1)},T,,M,${fixed(stw, 2)},N,${fixed(stw * 1.852, 2)},K`,
      ...rpms,
      `$ERXDR,V,${flows[0]},L,FUELRATE#1,V,${flows[1]},L,FUELRATE#2`,
    ].map(appendChecksumFooter);
    if (opts.faultEvery && s > 0 && s % opts.faultEvery === 0) {
      const i = 1 + rnd.int(burst.length - 1);
      // Alternate the two faults a serial-to-network gateway really produces.
      burst[i] = (s / opts.faultEvery) % 2 === 1 ? burst[i].replace(/\*..$/, '*00') : burst[i].slice(0, 18);
    }
    // The instruments answer within the second after the fix, a few ms apart.
    burst.forEach((line, i) => out.push({ atMs: s * 1000 + i * 15, line }));
  }
  return out;
}

/** The log as a recorder writes it: `<ms after start>\t<sentence>` a line. */
export const voyageText = (log: readonly RecordedSentence[]) => log.map((r) => `${r.atMs}\t${r.line}\n`).join('');
