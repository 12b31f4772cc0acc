/**
 * Hybrid logical clock: wall time in ms plus a counter, so timestamps from one device never run
 * backwards even when its wall clock does, and a message from a peer with a later clock moves ours on.
 * Encoded as a fixed-width string that sorts in time order: `0001732252800000-0000-<node>`.
 *
 * @example
 * const clock = createHlc('device-a', () => Date.now());
 * const t1 = clock.now(); const t2 = clock.now(); // t1 < t2 always
 */
export interface HlcTimestamp {
  wall: number;
  counter: number;
  node: string;
}

export interface Hlc {
  /** A new timestamp for a local event. */
  now(): string;
  /** Merge a timestamp received from elsewhere; returns the local timestamp after the merge. */
  receive(remote: string): string;
  /** Last issued timestamp, without ticking. */
  peek(): string;
  /** How far the wall clock ran behind the clock's own time at the last tick, in ms (0 when sane). */
  lastDrift(): number;
}

const WALL_WIDTH = 16;
const COUNTER_WIDTH = 4;
const COUNTER_MAX = 0xffff;

export function encodeHlc(t: HlcTimestamp): string {
  return `${String(t.wall).padStart(WALL_WIDTH, '0')}-${t.counter.toString(16).padStart(COUNTER_WIDTH, '0')}-${t.node}`;
}

export function decodeHlc(s: string): HlcTimestamp {
  const first = s.indexOf('-');
  const second = s.indexOf('-', first + 1);
  if (first !== WALL_WIDTH || second !== WALL_WIDTH + 1 + COUNTER_WIDTH) throw new Error(`Not an HLC timestamp: ${s}`);
  return {
    wall: Number(s.slice(0, first)),
    counter: parseInt(s.slice(first + 1, second), 16),
    node: s.slice(second + 1),
  };
}

/** The wall part of an encoded timestamp, without decoding the rest (the capture path's hot loop). */
export function hlcWall(s: string): number {
  if (s.charCodeAt(WALL_WIDTH) !== 45 || s.charCodeAt(WALL_WIDTH + 1 + COUNTER_WIDTH) !== 45) return decodeHlc(s).wall; // 45: '-'
  return Number(s.slice(0, WALL_WIDTH));
}

export function createHlc(node: string, wallClock: () => number, start?: string): Hlc {
  let last: HlcTimestamp = start ? { ...decodeHlc(start), node } : { wall: 0, counter: 0, node };
  let drift = 0;
  let prefixWall = -1;
  let prefix = '';
  const suffix = `-${node}`;

  const tick = (wall: number, remote?: HlcTimestamp): string => {
    const maxWall = Math.max(last.wall, wall, remote?.wall ?? 0);
    let counter: number;
    if (maxWall === last.wall && remote && maxWall === remote.wall)
      counter = Math.max(last.counter, remote.counter) + 1;
    else if (maxWall === last.wall) counter = last.counter + 1;
    else if (remote && maxWall === remote.wall) counter = remote.counter + 1;
    else counter = 0;
    // A counter overflow means thousands of events in one ms on a stalled clock: borrow the next ms.
    if (counter > COUNTER_MAX) return tick(maxWall + 1, undefined);
    drift = Math.max(0, maxWall - wall);
    last = { wall: maxWall, counter, node };
    // Same text as encodeHlc(last); the wall prefix is formatted once per millisecond, not per tick.
    if (maxWall !== prefixWall) {
      prefixWall = maxWall;
      prefix = `${String(maxWall).padStart(WALL_WIDTH, '0')}-`;
    }
    return `${prefix}${counter.toString(16).padStart(COUNTER_WIDTH, '0')}${suffix}`;
  };

  return {
    now: () => tick(wallClock()),
    receive: (remote) => tick(wallClock(), decodeHlc(remote)),
    peek: () => encodeHlc(last),
    lastDrift: () => drift,
  };
}
