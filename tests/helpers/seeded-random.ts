/**
 * A small seeded random source (mulberry32) for randomized tests: the same seed gives the same
 * run, so a failure printed with its seed can be replayed with `SEED=<n>`.
 *
 * @example
 * const rnd = seededRandom(seedFromEnv(20261201));
 * const pick = rnd.pick(['a', 'b']);
 */
export function seededRandom(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    seed,
    next,
    /** A whole number in [0, n). */
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)],
  };
}

/** The seed a randomized test runs with: `SEED` from the environment when set, else `fallback`. */
export function seedFromEnv(fallback: number): number {
  const v = process.env.SEED;
  return v && /^\d+$/.test(v) ? Number(v) : fallback;
}
