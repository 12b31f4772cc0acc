/**
 * Time as the core sees it. Production uses the wall clock and real timers; tests and the
 * `--test-clock` host use `createManualClock` and move time by hand.
 */
export interface Clock {
  now(): number;
  every(ms: number, fn: () => void): () => void;
  /** Runs `fn` once after `ms`; returns a cancel function. */
  after(ms: number, fn: () => void): () => void;
}

export const systemClock: Clock = Object.freeze({
  now: () => Date.now(),
  every(ms: number, fn: () => void) {
    const t = setInterval(fn, ms);
    t.unref?.();
    return () => clearInterval(t);
  },
  after(ms: number, fn: () => void) {
    const t = setTimeout(fn, ms);
    t.unref?.();
    return () => clearTimeout(t);
  },
});

export interface ManualClock extends Clock {
  /** Moves time forward and runs every periodic task that fell due, in order. */
  advance(ms: number): void;
  set(ms: number): void;
}

export function createManualClock(start = Date.parse('2026-11-22T09:00:00Z')): ManualClock {
  let now = start;
  const tasks = new Set<{ ms: number; next: number; fn: () => void; once?: boolean }>();
  return {
    now: () => now,
    every(ms, fn) {
      const task = { ms, next: now + ms, fn };
      tasks.add(task);
      return () => tasks.delete(task);
    },
    after(ms, fn) {
      const task = { ms, next: now + ms, fn, once: true };
      tasks.add(task);
      return () => tasks.delete(task);
    },
    advance(ms) {
      const target = now + ms;
      for (;;) {
        const due = [...tasks].filter((t) => t.next <= target).sort((a, b) => a.next - b.next)[0];
        if (!due) break;
        now = due.next;
        if (due.once) tasks.delete(due);
        else due.next += due.ms;
        due.fn();
      }
      now = target;
    },
    set(ms) {
      now = ms;
    },
  };
}
