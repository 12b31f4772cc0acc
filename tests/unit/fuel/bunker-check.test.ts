import { describe, expect, it } from 'vitest';
import { bunkerCheck, letterOfProtest } from '../../../shared/fuel/bunker-check.js';

const tank = (name: string, m3: number, density = 990) => ({ tank: name, volume_m3: m3, density_kg_m3: density });

describe('the bunker check', () => {
  it('flags a shortfall of 0.5 % or more and drafts a letter of protest', () => {
    // Before: 120 m³ + 80 m³ at 990 kg/m³ = 198 t; after: 320 m³ + 380 m³ = 693 t; 1.2 t burnt meanwhile.
    const check = bunkerCheck(
      { quantity_t: 500 },
      [tank('3P', 120), tank('3S', 80)],
      [tank('3P', 320), tank('3S', 380)],
      1.2,
    );
    expect(check).toEqual({
      deliveredT: 500,
      receivedT: 496.2,
      differenceT: -3.8,
      differencePct: -0.76,
      flagged: true,
    });
    const letter = letterOfProtest(
      {
        port: 'Rotterdam',
        supplier: 'North Sea Bunkers BV',
        note_number: 'BDN-2026-1187',
        fuel_type: 'HFO',
        delivered_at: '2026-11-21T14:00:00.000Z',
      },
      check,
      'MV Northern Star',
    );
    expect(letter).toContain('BDN-2026-1187');
    expect(letter).toContain('500.000 t');
    expect(letter).toContain('-3.800 t (-0.76 %)');
  });

  it('flags an over-delivery too, passes one within 0.5 %, flags exactly 0.5 %, refuses a note without quantity', () => {
    const over = bunkerCheck({ quantity_t: 500 }, [], [tank('1C', 503.5, 1000)]);
    expect(over).toMatchObject({ differencePct: 0.7, flagged: true });
    expect(bunkerCheck({ quantity_t: 500 }, [], [tank('1C', 498, 1000)])).toMatchObject({
      differencePct: -0.4,
      flagged: false,
    });
    expect(bunkerCheck({ quantity_t: 200 }, [], [tank('1C', 199, 1000)])).toMatchObject({
      differencePct: -0.5,
      flagged: true,
    });
    expect(() => bunkerCheck({ quantity_t: 0 }, [], [])).toThrow(/above zero/);
  });
});
