/**
 * The vessel's own speed-consumption model: fuel rate = base + k · speed³ (the propeller law,
 * plus the hotel load that burns at any speed), fitted by least squares on minutes of steady
 * steaming, one curve per loading condition, since a laden hull needs more power at a speed.
 */

export type Loading = 'laden' | 'ballast';

/** One minute of the whole vessel: speed through water and the fuel flow of all engines. */
export interface VesselMinute {
  minute: string;
  stwKn: number | null;
  sogKn: number | null;
  litresPerHour: number;
  loading: Loading;
  engines: { engine: number; litresPerHour: number | null; rpm: number | null }[];
}

export interface SpeedCurve {
  base: number;
  k: number;
  /** Relative spread of the steady minutes around the curve (residual standard deviation / rate). */
  spread: number;
  points: number;
}

export interface SpeedModel {
  curves: Partial<Record<Loading, SpeedCurve>>;
  /** Each engine's usual share of the vessel's fuel flow in steady steaming. */
  shares: Record<number, number>;
}

/** Below this speed a ship is manoeuvring or drifting: the propeller law says nothing. */
export const MIN_STEADY_KN = 6;
const STEADY_WINDOW = 10;
const STEADY_TOLERANCE_KN = 0.5;

/**
 * Which minutes are steady steaming: under way above 6 kn and within 0.5 kn of the previous ten
 * minutes' mean speed (no acceleration, no manoeuvre).
 */
export function steadyMinutes(minutes: readonly VesselMinute[]): boolean[] {
  return minutes.map((m, i) => {
    if (m.stwKn === null || m.stwKn < MIN_STEADY_KN || i < STEADY_WINDOW) return false;
    const prev = minutes.slice(i - STEADY_WINDOW, i).map((p) => p.stwKn);
    if (prev.some((v) => v === null)) return false;
    const mean = (prev as number[]).reduce((a, b) => a + b, 0) / STEADY_WINDOW;
    return Math.abs(m.stwKn - mean) < STEADY_TOLERANCE_KN;
  });
}

/**
 * Fits the curve of each loading condition on the steady minutes. A condition with fewer than
 * 60 steady minutes, or whose speeds barely vary, gets no curve rather than a wild one.
 *
 * @example const model = fitSpeedModel(lastMonth); expectedRate(model, 'laden', 12.5)
 */
export function fitSpeedModel(minutes: readonly VesselMinute[]): SpeedModel {
  const steady = steadyMinutes(minutes);
  const model: SpeedModel = { curves: {}, shares: {} };
  const totals = new Map<number, { sum: number; n: number }>();
  minutes.forEach((m, i) => {
    if (!steady[i] || m.litresPerHour <= 0) return;
    for (const e of m.engines) {
      if (e.litresPerHour === null) continue;
      const t = totals.get(e.engine) ?? { sum: 0, n: 0 };
      t.sum += e.litresPerHour / m.litresPerHour;
      t.n++;
      totals.set(e.engine, t);
    }
  });
  for (const [engine, t] of totals) model.shares[engine] = t.sum / t.n;
  for (const loading of ['laden', 'ballast'] as const) {
    const pts = minutes.filter((m, i) => steady[i] && m.loading === loading && m.litresPerHour > 0);
    if (pts.length < 60) continue;
    const xs = pts.map((p) => p.stwKn! ** 3);
    const ys = pts.map((p) => p.litresPerHour);
    const n = pts.length;
    const mx = xs.reduce((a, b) => a + b, 0) / n;
    const my = ys.reduce((a, b) => a + b, 0) / n;
    const sxx = xs.reduce((a, x) => a + (x - mx) ** 2, 0);
    // Speeds within a narrow band cannot separate the hotel load from the propeller: fit k alone.
    let k: number;
    let base: number;
    if (sxx / n < (0.05 * mx) ** 2) {
      k = ys.reduce((a, y, i) => a + y * xs[i], 0) / xs.reduce((a, x) => a + x * x, 0);
      base = 0;
    } else {
      k = xs.reduce((a, x, i) => a + (x - mx) * (ys[i] - my), 0) / sxx;
      base = my - k * mx;
    }
    const rel = pts.map((p, i) => ys[i] / (base + k * xs[i]) - 1);
    const spread = Math.sqrt(rel.reduce((a, r) => a + r * r, 0) / n);
    model.curves[loading] = { base, k, spread, points: n };
  }
  return model;
}

/** Litres an hour the model expects at this speed, or null without a curve for the condition. */
export function expectedRate(model: SpeedModel, loading: Loading, stwKn: number): number | null {
  const c = model.curves[loading];
  return c ? c.base + c.k * stwKn ** 3 : null;
}
