import { describe, expect, it } from 'vitest';
import { explainAnomaly } from '../../../shared/fuel/anomaly-explanation.js';

const row = {
  kind: 'excessive_consumption' as const,
  engine: null,
  sensor: 'fuel_rate',
  expected: 580,
  seen: 615.4,
  unit: 'l/h',
  since: '2026-11-22T08:10:00.000Z',
  detected_at: '2026-11-22T08:31:00.000Z',
};

describe('explaining a fuel anomaly', () => {
  it('says how much above the curve, how long it took, and the rule with the detector’s own limits', () => {
    expect(explainAnomaly(row)).toMatchObject({
      differencePct: 6.1,
      minutes: 21,
      why: { rule: 'cusum', slackPct: 2.5, limitPct: 30 },
    });
  });

  it('names the rule of each kind; a dead meter with nothing expected has no percentage', () => {
    expect(explainAnomaly({ ...row, kind: 'efficiency_drop' }).why).toEqual({ rule: 'ewma', limitPct: 3, hours: 12 });
    expect(explainAnomaly({ ...row, kind: 'unusual_pattern', engine: 2 }).why).toEqual({
      rule: 'share',
      gapPct: 6,
      minutes: 15,
    });
    const stuck = explainAnomaly({ ...row, kind: 'suspect_sensor', engine: 1, expected: 0, seen: 0 });
    expect(stuck).toMatchObject({ differencePct: null, why: { rule: 'stuck', minutes: 10 } });
  });
});
