import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../../electron/core/clock.js';

describe('manual clock (the tests’ time)', () => {
  it('starts at 09:00 UTC on 22 November 2026 and moves only when told', () => {
    const clock = createManualClock();
    expect(new Date(clock.now()).toISOString()).toBe('2026-11-22T09:00:00.000Z');
    clock.advance(90_000);
    expect(new Date(clock.now()).toISOString()).toBe('2026-11-22T09:01:30.000Z');
    clock.set(Date.parse('2026-11-21T09:00:00Z'));
    expect(new Date(clock.now()).toISOString()).toBe('2026-11-21T09:00:00.000Z');
  });

  it('runs each periodic task every time it falls due while advancing, at its due time, in order', () => {
    const clock = createManualClock(0);
    const runs: string[] = [];
    clock.every(5000, () => runs.push(`a@${clock.now()}`));
    clock.every(7000, () => runs.push(`b@${clock.now()}`));
    clock.advance(15_000);
    expect(runs).toEqual(['a@5000', 'b@7000', 'a@10000', 'b@14000', 'a@15000']);
    expect(clock.now()).toBe(15_000);
  });

  it('stops a task when asked and runs nothing on set()', () => {
    const clock = createManualClock(0);
    let runs = 0;
    const stop = clock.every(1000, () => runs++);
    clock.set(10_000);
    expect(runs).toBe(0);
    stop();
    clock.advance(10_000);
    expect(runs).toBe(0);
  });
});
