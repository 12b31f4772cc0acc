import { describe, expect, it } from 'vitest';
import { cii, co2Tonnes } from '../../../shared/fuel/emissions.js';
import { saving, speedAdvice, speedAdviceSentence } from '../../../shared/fuel/savings.js';
import type { SpeedModel } from '../../../shared/fuel/speed-model.js';

describe('CO2 and CII', () => {
  it('converts fuel to CO2 with the IMO factor of each fuel type', () => {
    // 100 t HFO x 3.114 + 10 t MGO x 3.206 + 20 t LNG x 2.750
    expect(co2Tonnes({ HFO: 100, MGO: 10, LNG: 20 })).toBeCloseTo(311.4 + 32.06 + 55, 6);
  });

  it('worked example: a 75,000 dwt bulk carrier, 60,000 nm in 2026 on 5,200 t HFO and 300 t MGO is rated C', () => {
    const r = cii({
      shipType: 'bulk_carrier',
      dwt: 75_000,
      year: 2026,
      distanceNm: 60_000,
      burnt: { HFO: 5200, MGO: 300 },
    });
    // CO2 = 5200 x 3.114 + 300 x 3.206 = 17,154.6 t; AER = 17,154.6e6 / (75,000 x 60,000) = 3.812
    expect(r.co2T).toBeCloseTo(17_154.6, 6);
    expect(r.attained).toBeCloseTo(3.812, 3);
    // Required = 4745 x 75,000^-0.622 x (1 - 11 %) = 3.920; 3.812 / 3.920 = 0.972, between 0.94 and 1.06
    expect(r.required).toBeCloseTo(3.92, 3);
    expect(r.rating).toBe('C');
    expect(
      cii({ shipType: 'bulk_carrier', dwt: 75_000, year: 2026, distanceNm: 60_000, burnt: { HFO: 4500 } }).rating,
    ).toBe('A');
    expect(
      cii({ shipType: 'bulk_carrier', dwt: 75_000, year: 2026, distanceNm: 60_000, burnt: { HFO: 8000 } }).rating,
    ).toBe('E');
  });

  it('refuses a year it has no reduction factor for rather than guessing', () => {
    expect(() => cii({ shipType: 'tanker', dwt: 50_000, year: 2031, distanceNm: 1000, burnt: { HFO: 10 } })).toThrow(
      /2031/,
    );
  });
});

describe('savings and the speed recommendation', () => {
  it('saving baseline against actual in tonnes, money and CO2', () => {
    expect(saving(30, 27.5, 'HFO', 600)).toEqual({ tonnes: 2.5, money: 1500, co2T: 2.5 * 3.114 });
  });

  it('worked example: at 12.5 kn instead of 14 kn over 1,200 nm', () => {
    // 40 l/h hotel load + k v³, with k such that 14 kn burns 580 l/h: (580 - 40) / 14³
    const k = 540 / 14 ** 3;
    const model: SpeedModel = { curves: { laden: { base: 40, k, spread: 0.01, points: 1000 } }, shares: {} };
    const a = speedAdvice(model, 'laden', { fromKn: 14, toKn: 12.5, remainingNm: 1200, densityKgM3: 960 })!;
    // 14 kn: 580 l/h = 0.5568 t/h; 12.5 kn: 40 + 540 x (12.5/14)³ = 424.36 l/h = 0.40739 t/h
    expect(a.tonnesPerDayLess).toBeCloseTo((0.5568 - 0.40739) * 24, 2);
    // 1200 / 12.5 - 1200 / 14 = 96 - 85.71 = 10.29 h later
    expect(a.hoursLater).toBeCloseTo(10.29, 2);
    expect(a.tonnesSaved).toBeCloseTo(0.5568 * 85.714 - 0.40739 * 96, 1);
    expect(speedAdviceSentence(a)).toBe('at 12.5 kn instead of 14 kn: 3.6 t a day less, arrival 10.3 h later');
  });
});
