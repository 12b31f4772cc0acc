import { describe, expect, it } from 'vitest';
import { detectAnomalies } from '../../../shared/fuel/anomalies.js';
import { expectedRate, fitSpeedModel, steadyMinutes } from '../../../shared/fuel/speed-model.js';
import { generateMinutes, TRUE_BASE_PER_ENGINE, TRUE_K_PER_ENGINE } from '../../helpers/fuel-minutes.js';

const WEEK = 7 * 24 * 60;
// The model is fitted on the vessel's own history: a clean week before the one under test.
const history = generateMinutes({ seed: 101, start: '2026-11-01T00:00:00Z', minutes: WEEK });
const model = fitSpeedModel(history);

describe('speed-consumption model', () => {
  it('recovers the ship’s cubic curve from its steady steaming, one curve per loading condition', () => {
    const laden = model.curves.laden!;
    expect(laden.points).toBeGreaterThan(WEEK * 0.8);
    // The true curve at 12 kn: two engines of 20 l/h hotel share plus 270 l/h at 14 kn cubed.
    const truth = 2 * (TRUE_BASE_PER_ENGINE + TRUE_K_PER_ENGINE * 12 ** 3);
    expect(expectedRate(model, 'laden', 12)! / truth).toBeCloseTo(1, 1);
    expect(Math.abs(expectedRate(model, 'laden', 12)! / truth - 1)).toBeLessThan(0.02);
    expect(model.curves.ballast).toBeUndefined();
    expect(model.shares[1]).toBeCloseTo(0.5, 2);
    const ballast = fitSpeedModel(
      generateMinutes({ seed: 5, start: '2026-11-01T00:00:00Z', minutes: WEEK, loading: 'ballast' }),
    );
    expect(expectedRate(ballast, 'ballast', 14)!).toBeLessThan(expectedRate(model, 'laden', 14)! * 0.9);
  });

  it('leaves port calls and manoeuvres out of steady steaming', () => {
    const steady = steadyMinutes(history);
    const inPort = history.findIndex((m) => m.stwKn === 0);
    expect(steady[inPort]).toBe(false);
    expect(steady[inPort + 6 * 60 + 30]).toBe(false);
  });
});

describe('fuel anomalies', () => {
  it('flags a +5 % step in consumption per mile within 30 minutes of steady steaming, saying expected, seen and since when', () => {
    const stepAt = 6 * 60;
    const run = generateMinutes({
      seed: 202,
      start: '2026-11-08T00:00:00Z',
      minutes: 12 * 60,
      speedAt: () => 13,
      fuelStep: { fromMinute: stepAt, factor: 1.05 },
    });
    const found = detectAnomalies(model, run);
    const excessive = found.filter((a) => a.kind === 'excessive_consumption');
    expect(excessive).toHaveLength(1);
    const a = excessive[0];
    const detectedAfter = (Date.parse(a.detectedAt) - Date.parse(run[stepAt].minute)) / 60_000;
    expect(detectedAfter).toBeGreaterThanOrEqual(0);
    expect(detectedAfter).toBeLessThanOrEqual(30);
    expect(Math.abs(Date.parse(a.since) - Date.parse(run[stepAt].minute)) / 60_000).toBeLessThanOrEqual(15);
    expect(a.seen / a.expected).toBeGreaterThan(1.03);
    expect(a).toMatchObject({ sensor: 'fuel_rate', unit: 'l/h', engine: null });
  });

  it('raises at most one alert over a clean week', () => {
    for (const seed of [303, 404, 505]) {
      const week = generateMinutes({ seed, start: '2026-11-08T00:00:00Z', minutes: WEEK });
      expect(detectAnomalies(model, week).length, `seed ${seed}`).toBeLessThanOrEqual(1);
    }
  });

  it('calls a stuck flow meter a suspect sensor, and keeps its readings out of the consumption alarms', () => {
    const run = generateMinutes({
      seed: 606,
      start: '2026-11-08T00:00:00Z',
      minutes: 6 * 60,
      speedAt: (i) => (i < 120 ? 13 : 14),
      stuckMeter: { engine: 2, fromMinute: 180 },
    });
    const found = detectAnomalies(model, run);
    expect(found.map((a) => a.kind)).toEqual(['suspect_sensor']);
    expect(found[0]).toMatchObject({ sensor: 'fuel_rate#2', engine: 2, since: run[180].minute });
  });

  it('sees one engine burning an unusual share of the fuel', () => {
    const run = generateMinutes({ seed: 707, start: '2026-11-08T00:00:00Z', minutes: 4 * 60, speedAt: () => 13 });
    for (const m of run.slice(120)) {
      m.engines[0].litresPerHour! *= 1.3;
      m.litresPerHour = m.engines[0].litresPerHour! + m.engines[1].litresPerHour!;
    }
    const kinds = detectAnomalies(model, run).map((a) => `${a.kind}:${a.engine}`);
    expect(kinds).toContain('unusual_pattern:1');
  });
});
