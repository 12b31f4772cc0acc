import { describe, expect, it } from 'vitest';
import { createHealthSummarizer } from '../../../shared/sync/link-health.js';

const T0 = Date.parse('2026-11-22T09:00:00Z');

describe('link health summaries', () => {
  it('gives one row per minute per route, with loss and latency of that minute', () => {
    const s = createHealthSummarizer();
    const out = [];
    for (let i = 0; i < 12; i++)
      out.push(...s.add({ route: 'sat', ok: i % 4 !== 0, at: T0 + i * 5000, latencyMs: 700 + i }));
    expect(out).toEqual([]);
    out.push(...s.add({ route: 'sat', ok: true, at: T0 + 60_000, latencyMs: 690 }));
    expect(out).toEqual([
      {
        route: 'sat',
        minute: T0,
        probes: 12,
        errors: 3,
        loss: 0.25,
        latencyAvgMs: Math.round((701 + 702 + 703 + 705 + 706 + 707 + 709 + 710 + 711) / 9),
        latencyMaxMs: 711,
      },
    ]);
    expect(s.flush()).toEqual([
      { route: 'sat', minute: T0 + 60_000, probes: 1, errors: 0, loss: 0, latencyAvgMs: 690, latencyMaxMs: 690 },
    ]);
  });

  it('keeps routes apart and says no latency for a minute with no answer', () => {
    const s = createHealthSummarizer();
    s.add({ route: 'lan', ok: false, at: T0 });
    s.add({ route: '4g', ok: true, at: T0, latencyMs: 80 });
    expect(s.flush()).toEqual([
      { route: 'lan', minute: T0, probes: 1, errors: 1, loss: 1, latencyAvgMs: null, latencyMaxMs: null },
      { route: '4g', minute: T0, probes: 1, errors: 0, loss: 0, latencyAvgMs: 80, latencyMaxMs: 80 },
    ]);
  });
});
