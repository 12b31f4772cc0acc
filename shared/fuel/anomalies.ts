import type { AnomalyKind } from './schema.js';
import { expectedRate, steadyMinutes, type SpeedModel, type VesselMinute } from './speed-model.js';

/** An anomaly as detected: what was expected, what was seen, since when and from which sensor. */
export interface DetectedAnomaly {
  kind: AnomalyKind;
  sensor: string;
  engine: number | null;
  expected: number;
  seen: number;
  unit: string;
  since: string;
  detectedAt: string;
}

export interface DetectorOptions {
  /** CUSUM slack and threshold on relative residuals: half the smallest step worth finding (5 %). */
  cusumSlack: number;
  cusumLimit: number;
  /** Slow EWMA of residuals (weight of one minute) and the drift it reports. */
  ewmaWeight: number;
  driftLimit: number;
  /** An engine's share of the flow this far from its usual share, this long, is unusual. */
  shareGap: number;
  shareMinutes: number;
  /** A meter repeating the very same value this long is stuck. */
  flatMinutes: number;
}

export const DEFAULT_DETECTOR: Readonly<DetectorOptions> = Object.freeze({
  cusumSlack: 0.025,
  cusumLimit: 0.3,
  ewmaWeight: 1 / 720,
  driftLimit: 0.03,
  shareGap: 0.06,
  shareMinutes: 15,
  flatMinutes: 10,
});

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const r2 = (v: number) => Math.round(v * 100) / 100;

/**
 * Finds fuel anomalies in a run of vessel minutes against the vessel's own model, one report per
 * episode (a rule fires again only after the condition has cleared):
 *
 * - excessive consumption: a one-sided CUSUM of the relative residual (seen / expected - 1) over
 *   steady-steaming minutes; "since" is where the sum last left zero.
 * - efficiency drop: a slow EWMA (half a day) of the same residuals above 3 %, the slow creep of
 *   a fouled hull or a worn engine that no single day shows.
 * - unusual pattern: one engine's share of the flow away from its usual share (a twin that used
 *   to burn half now burns 60 %).
 * - suspect sensor: a flow meter repeating the same value, or reading nothing while its engine
 *   turns; its readings then also stay out of the other rules' evidence.
 *
 * @example detectAnomalies(fitSpeedModel(lastMonth), today)
 */
export function detectAnomalies(
  model: SpeedModel,
  minutes: readonly VesselMinute[],
  options: Partial<DetectorOptions> = {},
): DetectedAnomaly[] {
  const o = { ...DEFAULT_DETECTOR, ...options };
  const steady = steadyMinutes(minutes);
  const out: DetectedAnomaly[] = [];
  const suspect = new Set<number>();

  // Suspect sensors first: evidence from a stuck meter must not raise consumption alarms.
  const engines = [...new Set(minutes.flatMap((m) => m.engines.map((e) => e.engine)))].sort((a, b) => a - b);
  for (const engine of engines) {
    let run = 0;
    let dead = 0;
    let last: number | null = null;
    let raised = false;
    minutes.forEach((m, i) => {
      const e = m.engines.find((x) => x.engine === engine);
      const v = e?.litresPerHour ?? null;
      run = v !== null && v === last ? run + 1 : 0;
      dead = v !== null && v < 1 && (e?.rpm ?? 0) > 200 ? dead + 1 : 0;
      last = v;
      const stuck = run + 1 >= o.flatMinutes;
      if ((stuck || dead >= 3) && !raised) {
        raised = true;
        suspect.add(i - (stuck ? run : dead - 1));
        const expected =
          (model.shares[engine] ?? 1 / engines.length) * (expectedRate(model, m.loading, m.stwKn ?? 0) ?? 0);
        out.push({
          kind: 'suspect_sensor',
          sensor: `fuel_rate#${engine}`,
          engine,
          expected: r2(expected),
          seen: r2(v ?? 0),
          unit: 'l/h',
          since: minutes[i - (stuck ? run : dead - 1)].minute,
          detectedAt: m.minute,
        });
      }
      if (!stuck && dead === 0) raised = false;
    });
  }
  const firstSuspect = suspect.size ? Math.min(...suspect) : Infinity;

  let cusum = 0;
  let onset = -1;
  let alarmed = false;
  let ewma = 0;
  let ewmaSeen = 0;
  let driftSince = -1;
  let drifted = false;
  const shareRun = new Map<number, number>();
  const shareRaised = new Set<number>();
  for (let i = 0; i < minutes.length; i++) {
    const m = minutes[i];
    if (!steady[i] || i >= firstSuspect) continue;
    const expected = expectedRate(model, m.loading, m.stwKn!);
    if (expected === null || expected <= 0) continue;
    const r = m.litresPerHour / expected - 1;

    if (cusum === 0) onset = i;
    cusum = Math.max(0, cusum + r - o.cusumSlack);
    if (cusum === 0) alarmed = false;
    else if (cusum > o.cusumLimit && !alarmed) {
      alarmed = true;
      const span = minutes.slice(onset, i + 1).filter((_, j) => steady[onset + j]);
      const exp = span.map((x) => expectedRate(model, x.loading, x.stwKn!) ?? 0);
      out.push({
        kind: 'excessive_consumption',
        sensor: 'fuel_rate',
        engine: null,
        expected: r2(mean(exp)),
        seen: r2(mean(span.map((x) => x.litresPerHour))),
        unit: 'l/h',
        since: minutes[onset].minute,
        detectedAt: m.minute,
      });
    }

    ewma = o.ewmaWeight * r + (1 - o.ewmaWeight) * ewma;
    ewmaSeen++;
    if (ewma > o.driftLimit / 2 && driftSince < 0) driftSince = i;
    if (ewma <= o.driftLimit / 2) {
      driftSince = -1;
      drifted = false;
    }
    // The EWMA needs a day of history before its level means anything.
    if (ewma > o.driftLimit && !drifted && ewmaSeen * o.ewmaWeight >= 1) {
      drifted = true;
      out.push({
        kind: 'efficiency_drop',
        sensor: 'fuel_rate',
        engine: null,
        expected: r2(expected),
        seen: r2(expected * (1 + ewma)),
        unit: 'l/h',
        since: minutes[driftSince].minute,
        detectedAt: m.minute,
      });
    }

    for (const e of m.engines) {
      const usual = model.shares[e.engine];
      if (usual === undefined || e.litresPerHour === null) continue;
      const gap = Math.abs(e.litresPerHour / m.litresPerHour - usual) > o.shareGap;
      const run = gap ? (shareRun.get(e.engine) ?? 0) + 1 : 0;
      shareRun.set(e.engine, run);
      if (!gap) shareRaised.delete(e.engine);
      if (run >= o.shareMinutes && !shareRaised.has(e.engine)) {
        shareRaised.add(e.engine);
        out.push({
          kind: 'unusual_pattern',
          sensor: `fuel_rate#${e.engine}`,
          engine: e.engine,
          expected: r2(usual * m.litresPerHour),
          seen: r2(e.litresPerHour),
          unit: 'l/h',
          since: minutes[i - run + 1].minute,
          detectedAt: m.minute,
        });
      }
    }
  }
  return out.sort((a, b) => a.detectedAt.localeCompare(b.detectedAt));
}
