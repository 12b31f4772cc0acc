import type { FuelType } from './schema.js';

/**
 * CO2 conversion factors, tonnes of CO2 per tonne of fuel (IMO MEPC.364(79), the factors of the
 * DCS and of the CII; EU MRV uses the same ones). LPG is taken as propane.
 */
export const CO2_FACTORS: Readonly<Record<FuelType, number>> = Object.freeze({
  HFO: 3.114,
  LFO: 3.151,
  MDO: 3.206,
  MGO: 3.206,
  LNG: 2.75,
  LPG: 3.0,
  METHANOL: 1.375,
});

/** Tonnes of CO2 from tonnes burnt of each fuel type. */
export function co2Tonnes(burnt: Partial<Record<FuelType, number>>): number {
  return Object.entries(burnt).reduce((sum, [fuel, t]) => sum + (t ?? 0) * CO2_FACTORS[fuel as FuelType], 0);
}

export type ShipType = 'bulk_carrier' | 'tanker' | 'container' | 'general_cargo';

/**
 * The CII reference line `a · capacity^-c` (MEPC.353(78)) and the rating boundaries as ratios of
 * the required CII, exp(d1..d4) (MEPC.354(78)). Capacity is deadweight for these ship types.
 */
const REFERENCE: Record<
  ShipType,
  { a: number; c: number; cap?: [number, number]; d: [number, number, number, number] }
> = {
  bulk_carrier: { a: 4745, c: 0.622, cap: [279_000, 279_000], d: [0.86, 0.94, 1.06, 1.18] },
  tanker: { a: 5247, c: 0.61, d: [0.82, 0.93, 1.08, 1.28] },
  container: { a: 1984, c: 0.489, d: [0.83, 0.94, 1.07, 1.19] },
  general_cargo: { a: 31_948, c: 0.792, d: [0.83, 0.94, 1.06, 1.19] },
};

/** Reduction below the 2019 reference line required each year (MEPC.338(76)), percent. */
export const CII_REDUCTION: Readonly<Record<number, number>> = Object.freeze({ 2023: 5, 2024: 7, 2025: 9, 2026: 11 });

export interface CiiResult {
  co2T: number;
  /** g CO2 per deadweight-tonne nautical mile (AER). */
  attained: number;
  required: number;
  rating: 'A' | 'B' | 'C' | 'D' | 'E';
  /** attained / required: below 1 is better than required. */
  ratio: number;
}

/**
 * The attained annual CII (AER) and its rating estimate.
 *
 * @example
 * // A 75,000 dwt bulk carrier, 60,000 nm in 2026 on 5,200 t HFO and 300 t MGO:
 * cii({ shipType: 'bulk_carrier', dwt: 75_000, year: 2026, distanceNm: 60_000, burnt: { HFO: 5200, MGO: 300 } })
 * // co2T 17154.6, attained 3.812, required 3.920, rating C
 */
export function cii(input: {
  shipType: ShipType;
  dwt: number;
  year: number;
  distanceNm: number;
  burnt: Partial<Record<FuelType, number>>;
}): CiiResult {
  const ref = REFERENCE[input.shipType];
  const z = CII_REDUCTION[input.year];
  if (z === undefined)
    throw new RangeError(
      `No CII reduction factor for ${input.year}; known years: ${Object.keys(CII_REDUCTION).join(', ')}.`,
    );
  if (!(input.dwt > 0) || !(input.distanceNm > 0)) throw new RangeError('Deadweight and distance must be above zero.');
  const capacity = ref.cap && input.dwt >= ref.cap[0] ? ref.cap[1] : input.dwt;
  const co2T = co2Tonnes(input.burnt);
  const attained = (co2T * 1e6) / (input.dwt * input.distanceNm);
  const required = ref.a * capacity ** -ref.c * (1 - z / 100);
  const ratio = attained / required;
  const i = ref.d.findIndex((d) => ratio < d);
  const rating = (['A', 'B', 'C', 'D'] as const)[i] ?? 'E';
  return { co2T, attained, required, rating, ratio };
}
