import { DEFAULT_DETECTOR } from './anomalies.js';
import type { AnomalyKind, FuelAnomalyRow } from './schema.js';

/** Which rule of the detector flagged an anomaly, and the limit it crossed (in its own unit). */
export type AnomalyRule =
  | { rule: 'cusum'; slackPct: number; limitPct: number }
  | { rule: 'ewma'; limitPct: number; hours: number }
  | { rule: 'share'; gapPct: number; minutes: number }
  | { rule: 'stuck'; minutes: number };

/** What the bridge is told about an anomaly: what, where, how much, since when and why. */
export interface AnomalyExplanation {
  kind: AnomalyKind;
  /** Null for the vessel as a whole. */
  engine: number | null;
  sensor: string;
  expected: number;
  seen: number;
  unit: string;
  /** seen against expected, percent (null when nothing was expected: a dead meter on a new vessel). */
  differencePct: number | null;
  since: string;
  detectedAt: string;
  /** Minutes from the start of the episode to the alarm. */
  minutes: number;
  why: AnomalyRule;
}

const RULES: Record<AnomalyKind, () => AnomalyRule> = {
  excessive_consumption: () => ({
    rule: 'cusum',
    slackPct: DEFAULT_DETECTOR.cusumSlack * 100,
    limitPct: DEFAULT_DETECTOR.cusumLimit * 100,
  }),
  efficiency_drop: () => ({
    rule: 'ewma',
    limitPct: DEFAULT_DETECTOR.driftLimit * 100,
    hours: Math.round(1 / DEFAULT_DETECTOR.ewmaWeight / 60),
  }),
  unusual_pattern: () => ({
    rule: 'share',
    gapPct: DEFAULT_DETECTOR.shareGap * 100,
    minutes: DEFAULT_DETECTOR.shareMinutes,
  }),
  suspect_sensor: () => ({ rule: 'stuck', minutes: DEFAULT_DETECTOR.flatMinutes }),
};

/**
 * Explains a recorded anomaly in numbers the screens put into words (EN and FR): the rule that
 * fired and its limit come from the detector's own settings, so the words never drift from it.
 *
 * @example explainAnomaly(row).differencePct // 6.1 (seen 6.1 % above the vessel's curve)
 */
export function explainAnomaly(
  row: Pick<FuelAnomalyRow, 'kind' | 'engine' | 'sensor' | 'expected' | 'seen' | 'unit' | 'since' | 'detected_at'>,
): AnomalyExplanation {
  const differencePct = row.expected > 0 ? Math.round((row.seen / row.expected - 1) * 1000) / 10 : null;
  return {
    kind: row.kind,
    engine: row.engine,
    sensor: row.sensor,
    expected: row.expected,
    seen: row.seen,
    unit: row.unit,
    differencePct,
    since: row.since,
    detectedAt: row.detected_at,
    minutes: Math.max(0, Math.round((Date.parse(row.detected_at) - Date.parse(row.since)) / 60_000)),
    why: RULES[row.kind](),
  };
}
