import { CO2_FACTORS } from './emissions.js';
import type { FuelType } from './schema.js';
import { expectedRate, type Loading, type SpeedModel } from './speed-model.js';

export interface Saving {
  tonnes: number;
  money: number;
  co2T: number;
}

/** Baseline against actual for one fuel type: positive is fuel saved. */
export function saving(baselineT: number, actualT: number, fuelType: FuelType, pricePerTonne: number): Saving {
  const tonnes = baselineT - actualT;
  return { tonnes, money: tonnes * pricePerTonne, co2T: tonnes * CO2_FACTORS[fuelType] };
}

export interface SpeedAdvice {
  fromKn: number;
  toKn: number;
  /** Tonnes a day less at the slower speed. */
  tonnesPerDayLess: number;
  /** Hours later at the destination. */
  hoursLater: number;
  /** Tonnes saved over the remaining distance. */
  tonnesSaved: number;
}

/**
 * What slowing down would save, from the vessel's fitted model: fuel a day and over the passage,
 * and how much later she would arrive. Null without a curve for the loading condition.
 *
 * @example speedAdvice(model, 'laden', { fromKn: 14, toKn: 12.5, remainingNm: 1200, densityKgM3: 960 })
 */
export function speedAdvice(
  model: SpeedModel,
  loading: Loading,
  p: { fromKn: number; toKn: number; remainingNm: number; densityKgM3: number },
): SpeedAdvice | null {
  const fast = expectedRate(model, loading, p.fromKn);
  const slow = expectedRate(model, loading, p.toKn);
  if (fast === null || slow === null || p.toKn <= 0 || p.fromKn <= 0) return null;
  const tonnesPerHour = (lph: number) => (lph * p.densityKgM3) / 1e6;
  const fastHours = p.remainingNm / p.fromKn;
  const slowHours = p.remainingNm / p.toKn;
  return {
    fromKn: p.fromKn,
    toKn: p.toKn,
    tonnesPerDayLess: (tonnesPerHour(fast) - tonnesPerHour(slow)) * 24,
    hoursLater: slowHours - fastHours,
    tonnesSaved: tonnesPerHour(fast) * fastHours - tonnesPerHour(slow) * slowHours,
  };
}

/** The advice as the bridge reads it in English (the screens translate from the numbers). */
export const speedAdviceSentence = (a: SpeedAdvice): string =>
  `at ${a.toKn} kn instead of ${a.fromKn} kn: ${a.tonnesPerDayLess.toFixed(1)} t a day less, arrival ${a.hoursLater.toFixed(1)} h later`;
