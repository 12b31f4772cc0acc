import { describe, expect, it } from 'vitest';
import { createHlc, decodeHlc, encodeHlc, hlcWall } from '../../../shared/hlc.js';

const HOUR = 3_600_000;
const T0 = Date.parse('2026-11-22T09:00:00Z');

/** A wall clock the test sets by hand. */
function wall(start = T0) {
  let now = start;
  return { read: () => now, set: (ms: number) => void (now = ms), move: (ms: number) => void (now += ms) };
}

describe('hybrid logical clock', () => {
  it('never runs backwards when the wall clock jumps back by hours', () => {
    const w = wall();
    const hlc = createHlc('device-a', w.read);
    const before = hlc.now();
    w.move(-3 * HOUR);
    const after = [hlc.now(), hlc.now(), hlc.now()];
    expect(after[0] > before).toBe(true);
    expect(after[1] > after[0] && after[2] > after[1]).toBe(true);
    // It keeps its own time and counts on, rather than trusting the wall clock.
    expect(decodeHlc(after[0])).toEqual({ wall: T0, counter: 1, node: 'device-a' });
    expect(hlc.lastDrift()).toBe(3 * HOUR);
  });

  it('follows the wall clock again once it has caught up', () => {
    const w = wall();
    const hlc = createHlc('device-a', w.read);
    hlc.now();
    w.move(-HOUR);
    hlc.now();
    w.set(T0 + 5);
    expect(decodeHlc(hlc.now())).toEqual({ wall: T0 + 5, counter: 0, node: 'device-a' });
    expect(hlc.lastDrift()).toBe(0);
  });

  it('moves on past a timestamp received from a peer whose clock is ahead', () => {
    const w = wall();
    const hlc = createHlc('device-a', w.read);
    const ours = hlc.now();
    const remote = encodeHlc({ wall: T0 + 60_000, counter: 7, node: 'device-b' });
    const merged = hlc.receive(remote);
    expect(merged > remote && merged > ours).toBe(true);
    expect(decodeHlc(merged)).toEqual({ wall: T0 + 60_000, counter: 8, node: 'device-a' });
    // Our next local event stays after the peer's, though our wall clock is still behind it.
    const next = hlc.now();
    expect(next > merged).toBe(true);
    expect(hlc.peek()).toBe(next);
  });

  it('keeps its own time when a peer behind it sends a timestamp', () => {
    const w = wall();
    const hlc = createHlc('device-a', w.read);
    const ours = hlc.now();
    const merged = hlc.receive(encodeHlc({ wall: T0 - HOUR, counter: 40, node: 'device-b' }));
    expect(merged > ours).toBe(true);
    expect(decodeHlc(merged).wall).toBe(T0);
  });

  it('borrows the next millisecond when the counter would overflow on a stalled clock', () => {
    const w = wall();
    const start = encodeHlc({ wall: T0, counter: 0xfffe, node: 'device-a' });
    const hlc = createHlc('device-a', w.read, start);
    const last = hlc.now();
    expect(decodeHlc(last)).toEqual({ wall: T0, counter: 0xffff, node: 'device-a' });
    const overflowed = hlc.now();
    expect(decodeHlc(overflowed)).toEqual({ wall: T0 + 1, counter: 0, node: 'device-a' });
    expect(overflowed > last).toBe(true);
  });

  it('stays strictly increasing over 70,000 events in one millisecond', () => {
    const hlc = createHlc('device-a', () => T0);
    let prev = hlc.now();
    let increasing = true;
    for (let i = 0; i < 70_000; i++) {
      const t = hlc.now();
      if (!(t > prev)) increasing = false;
      prev = t;
    }
    expect(increasing).toBe(true);
    expect(decodeHlc(prev).wall).toBe(T0 + 1);
  });

  it('resumes after a saved timestamp, so a restart with a wrong clock cannot go back in time', () => {
    const saved = encodeHlc({ wall: T0, counter: 3, node: 'device-a' });
    const hlc = createHlc('device-a', () => T0 - 2 * HOUR, saved);
    expect(hlc.now() > saved).toBe(true);
  });

  it('decodes what it encodes, with a node id that contains dashes', () => {
    const t = { wall: T0, counter: 0x1a2b, node: '0193a3f0-7c1e-7000-8000-0123456789ab' };
    const s = encodeHlc(t);
    expect(s).toBe(`000${T0}-1a2b-0193a3f0-7c1e-7000-8000-0123456789ab`);
    expect(decodeHlc(s)).toEqual(t);
  });

  it('refuses to decode a string that is not a timestamp', () => {
    expect(() => decodeHlc('2026-11-22T09:00:00Z')).toThrow(/Not an HLC timestamp/);
    expect(() => decodeHlc('')).toThrow(/Not an HLC timestamp/);
  });

  it('encodes to strings that sort in time order', () => {
    const times = [
      { wall: 999, counter: 0 },
      { wall: 1000, counter: 0 },
      { wall: 1000, counter: 9 },
      { wall: 1000, counter: 10 },
      { wall: 1000, counter: 0xff },
      { wall: 1000, counter: 0x100 },
      { wall: T0, counter: 0 },
      { wall: T0 + 1, counter: 0 },
      { wall: 10 * T0, counter: 0 },
    ];
    const encoded = times.map((t, i) => encodeHlc({ ...t, node: `node-${9 - i}` }));
    const shuffled = [...encoded].reverse();
    expect(shuffled.sort()).toEqual(encoded);
  });

  it('issues exactly the text encodeHlc writes, as the wall moves on, stalls, runs back and a peer pushes it', () => {
    const w = wall();
    const clock = createHlc('node-a', w.read);
    const issued: string[] = [];
    const tick = () => issued.push(clock.now());
    tick();
    tick();
    w.move(1);
    tick();
    w.move(-HOUR);
    tick();
    issued.push(clock.receive(encodeHlc({ wall: T0 + 5, counter: 7, node: 'node-b' })));
    tick();
    w.set(T0 + HOUR);
    tick();
    for (const s of issued) {
      expect(s).toBe(encodeHlc(decodeHlc(s)));
      expect(hlcWall(s)).toBe(decodeHlc(s).wall);
    }
    expect(issued.map((s) => decodeHlc(s).counter)).toEqual([0, 1, 0, 1, 8, 9, 0]);
  });

  it('reads the wall part of a timestamp and refuses a string that is not one', () => {
    expect(hlcWall(encodeHlc({ wall: T0, counter: 3, node: 'n' }))).toBe(T0);
    expect(() => hlcWall('2026-11-22T09:00:00.000Z')).toThrow(/Not an HLC timestamp/);
  });
});
