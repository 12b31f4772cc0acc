import { describe, expect, it } from 'vitest';
import { parseTestClockStart } from '../../../electron/host/test-clock-start.js';

describe('--test-clock start instant', () => {
  it('reads an ISO instant with Z or an offset as the same moment everywhere', () => {
    expect(parseTestClockStart('2026-11-22T09:00:00Z')).toBe(Date.UTC(2026, 10, 22, 9, 0, 0));
    expect(parseTestClockStart('2026-11-22T10:00+01:00')).toBe(Date.UTC(2026, 10, 22, 9, 0, 0));
    expect(parseTestClockStart('2026-11-22T09:00:00.250Z')).toBe(Date.UTC(2026, 10, 22, 9, 0, 0, 250));
  });

  it('refuses a local time without an offset, a bare date, or nonsense, saying what it takes', () => {
    for (const bad of ['2026-11-22T09:00:00', '2026-11-22', 'tomorrow', '', '2026-13-45T99:00:00Z']) {
      expect(() => parseTestClockStart(bad), bad).toThrow(/--test-clock takes .*2026-11-22T09:00:00Z/);
    }
  });
});
