import type { Clock } from '../clock.js';
import type { Store } from '../db/store.js';
import type { Logger } from '../log.js';
import { latestDue, type JobSchedule } from './job-schedule.js';

export interface JobRun {
  /** 'catch-up' when the run was missed while the kiosk was off and runs at start. */
  trigger: 'scheduled' | 'catch-up';
  /** The instant the schedule called for (UTC ISO). */
  dueAt: string;
}

export interface Job {
  id: string;
  schedule: JobSchedule;
  run(run: JobRun): Promise<void>;
}

export interface JobScheduler {
  /** Adds a job; it runs at its next due time (a job seen for the first time has missed nothing). */
  register(job: Job): void;
  /** Runs what was missed while the kiosk was off, then checks every minute. */
  start(): Promise<void>;
  /** Settles when no job is running. */
  idle(): Promise<void>;
  stop(): void;
}

export interface JobSchedulerDeps {
  store: Store;
  clock: Clock;
  /** The site's time zone; null (or a throw) while the kiosk has not received its site. */
  timeZone(): Promise<string | null>;
  log: Logger;
  pollMs?: number;
  /** Told of every job that failed (the kiosk's error log). */
  onJobFailed?: (err: unknown, jobId: string) => void;
}

/**
 * A small job scheduler on the kiosk's injected clock. Each job's last due time it handled is kept
 * in the local `meta` table (never synced), so a run missed while the kiosk was off happens at
 * the next start, once, and two restarts never run it twice. A failing job is logged and counted
 * as done: the job records its own failure (the generation log) and the next period runs again.
 *
 * @example
 * const jobs = createJobScheduler({ store, clock, timeZone: async () => 'Europe/Paris', log });
 * jobs.register({ id: 'classes.weekly', schedule: { kind: 'weekly', weekday: 1, time: '06:00' }, run: async () => {} });
 * await jobs.start();
 */
export function createJobScheduler(deps: JobSchedulerDeps): JobScheduler {
  const jobs = new Map<string, Job>();
  const key = (id: string) => `job.${id}.last_due`;
  const read = (id: string) =>
    (deps.store.raw.prepare('SELECT value FROM meta WHERE key = ?').get(key(id)) as { value: string } | undefined)
      ?.value;
  const write = (id: string, value: string) =>
    deps.store.transaction(
      async () =>
        void deps.store.raw
          .prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
          .run(key(id), value),
    );
  let running: Promise<void> = Promise.resolve();
  let busy = false;
  let stopTimer: (() => void) | undefined;
  let stopped = false;

  const check = async (atStart: boolean) => {
    let tz: string | null;
    try {
      tz = await deps.timeZone();
    } catch {
      tz = null;
    }
    if (!tz) return;
    for (const job of jobs.values()) {
      if (stopped) return;
      const now = new Date(deps.clock.now()).toISOString();
      const due = latestDue(job.schedule, now, tz);
      const last = read(job.id);
      if (last === undefined) {
        await write(job.id, due);
        continue;
      }
      if (last >= due) continue;
      const trigger = atStart ? 'catch-up' : 'scheduled';
      try {
        await job.run({ trigger, dueAt: due });
        deps.log.info({ job: job.id, trigger, dueAt: due }, 'job ran');
      } catch (err) {
        deps.log.error({ err, job: job.id, trigger, dueAt: due }, 'job failed');
        deps.onJobFailed?.(err, job.id);
      }
      await write(job.id, due);
    }
  };

  const runCheck = (atStart: boolean) => {
    if (busy || stopped) return running;
    busy = true;
    running = check(atStart)
      .catch((err) => deps.log.error({ err }, 'job check failed'))
      .finally(() => {
        busy = false;
      });
    return running;
  };

  return {
    register(job) {
      if (jobs.has(job.id)) throw new Error(`A job "${job.id}" is already registered`);
      jobs.set(job.id, Object.freeze({ ...job }));
    },
    async start() {
      await runCheck(true);
      stopTimer ??= deps.clock.every(deps.pollMs ?? 60_000, () => void runCheck(false));
    },
    idle: () => running,
    stop() {
      stopped = true;
      stopTimer?.();
    },
  };
}
