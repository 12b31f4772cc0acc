import { writeFileSync, readFileSync, existsSync } from 'node:fs';

/** One figure of `bench-results.json`: ours against a baseline measured in the same run. */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  baseline: number;
  ratio: number;
  goal: string;
  /** Whether the ratio meets the goal; printed, never asserted in the test suite. */
  met: boolean;
}

export const timeIt = async (fn: () => unknown | Promise<unknown>): Promise<number> => {
  const t0 = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
};

/**
 * Wall time of `fn`, with the CPU time this process spent in it pushed onto `cpu`. better-sqlite3
 * runs SQLite on the calling thread, so CPU time holds the database's work too, minus waits for
 * the disk and for the other jobs of a shared machine: a ratio of CPU times moves far less with
 * the load than a ratio of wall times.
 */
export async function clocked(cpu: number[], fn: () => unknown | Promise<unknown>): Promise<number> {
  const c0 = process.cpuUsage();
  const wall = await timeIt(fn);
  const c = process.cpuUsage(c0);
  cpu.push((c.user + c.system) / 1000);
  return wall;
}

export const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** The median of `runs` timings: one noisy run on a shared machine must not decide a figure. */
export async function medianMs(runs: number, fn: () => unknown | Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await timeIt(fn));
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

export function record(figures: Figure[], file = 'bench-results.json') {
  const previous: Figure[] = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Figure[]) : [];
  const names = new Set(figures.map((f) => f.name));
  writeFileSync(file, JSON.stringify([...previous.filter((f) => !names.has(f.name)), ...figures], null, 2) + '\n');
  for (const f of figures) {
    console.log(
      `${f.name.padEnd(48)} ${f.value.toFixed(2).padStart(10)} ${f.unit.padEnd(8)} baseline ${f.baseline.toFixed(2).padStart(10)}  ratio ${f.ratio.toFixed(2)}  goal ${f.goal}  ${f.met ? 'met' : 'NOT met'}`,
    );
  }
}
