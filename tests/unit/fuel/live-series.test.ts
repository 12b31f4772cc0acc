import { describe, expect, it } from 'vitest';
import { decimate } from '../../../renderer/screens/fuel/decimate.js';
import { LIVE_MAX_POINTS, LIVE_WINDOW_MS, mergeLive } from '../../../renderer/stores/fuel-store.js';
import { seededRandom } from '../../helpers/seeded-random.js';

const T0 = Date.parse('2026-11-22T08:00:00Z');

describe('the bridge’s live series', () => {
  it('decimation keeps at most the budget and never hides a spike', () => {
    const rnd = seededRandom(3);
    const points = Array.from({ length: 10_000 }, (_, i) => ({ x: T0 + i * 100, y: 290 + rnd.next() }));
    points[7_321].y = 900;
    const kept = decimate(points, 600);
    expect(kept.length).toBeLessThanOrEqual(600);
    expect(Math.max(...kept.map((p) => p.y))).toBe(900);
    expect(kept.map((p) => p.x)).toEqual([...kept.map((p) => p.x)].sort((a, b) => a - b));
  });

  it('appends each reading to its series and keeps only the last ten minutes', () => {
    const at = (s: number) => new Date(T0 + s * 1000).toISOString();
    const first = mergeLive({}, [
      { seq: 1, kind: 'fuel_rate', engine: 1, value: 280, at: at(0) },
      { seq: 2, kind: 'stw', engine: null, value: 14, at: at(0) },
    ]);
    const later = mergeLive(first, [
      { seq: 3, kind: 'fuel_rate', engine: 1, value: 300, at: at(LIVE_WINDOW_MS / 1000 + 1) },
    ]);
    expect(Object.keys(later).sort()).toEqual(['fuel_rate#1', 'stw']);
    expect(later['fuel_rate#1'].map((p) => p.y)).toEqual([300]);
    expect(later.stw).toEqual([]);
    // The earlier state is left as it was (the store replaces it, React sees a new object).
    expect(first['fuel_rate#1'].map((p) => p.y)).toEqual([280]);
    const many = Array.from({ length: 5_000 }, (_, i) => ({
      seq: 10 + i,
      kind: 'sog' as const,
      engine: null,
      value: 14,
      at: at(i / 10),
    }));
    expect(mergeLive({}, many).sog.length).toBeLessThanOrEqual(LIVE_MAX_POINTS);
  });
});
