/**
 * Counts failures per key (a client address) in a sliding window and says how long a key must
 * wait once it has failed `max` times: guessing enrollment codes or device tokens gets slow.
 * In memory, per service instance (the service keeps no other state); bounded in the keys it
 * remembers, dropping the oldest first.
 *
 * @example
 * const limiter = createFailureLimiter({ max: 10, windowMs: 10 * 60_000 });
 * if (!ok) { const over = limiter.waitMs(ip, now) > 0; limiter.fail(ip, now); if (over) slowThenRefuse(); }
 */
export function createFailureLimiter(opts: { max: number; windowMs: number; maxKeys?: number }) {
  const maxKeys = opts.maxKeys ?? 10_000;
  const failures = new Map<string, number[]>();
  const recent = (key: string, now: number) => {
    const list = failures.get(key);
    if (!list) return [];
    const kept = list.filter((t) => now - t < opts.windowMs);
    if (kept.length) failures.set(key, kept);
    else failures.delete(key);
    return kept;
  };
  return {
    /** Milliseconds before `key` may try again (0: now). */
    waitMs(key: string, now: number): number {
      const list = recent(key, now);
      return list.length >= opts.max ? list[list.length - opts.max] + opts.windowMs - now : 0;
    },
    fail(key: string, now: number): void {
      const list = recent(key, now);
      list.push(now);
      failures.delete(key);
      failures.set(key, list.slice(-opts.max));
      if (failures.size > maxKeys) failures.delete(failures.keys().next().value!);
    },
  };
}

export type FailureLimiter = ReturnType<typeof createFailureLimiter>;
