import { newId } from '../../../shared/ids.js';
import { generateRun, logGenerationFailure, pruneGenerationLogs } from '../../../shared/classes/mutations.js';
import { WEEKLY_RUN } from '../../../shared/classes/generation.js';
import type { Store } from '../db/store.js';
import { registerRetentionJob } from '../jobs/retention-job.js';
import type { JobScheduler } from '../jobs/scheduler.js';
import type { MutationRunner } from '../mutations/mutation-runner.js';

const DEVICE = { userId: null, permissions: [] } as const;

/**
 * The classes area's jobs: the weekly run (Monday 06:00 site time) that extends every student's
 * classes to the horizon, and the daily retention of the generation log (the site's
 * `class_generation_logs` retention setting, 30 days by default).
 */
export function registerClassesJobs(
  jobs: JobScheduler,
  deps: { runner: MutationRunner; store: Store; now: () => number; siteId: string },
): void {
  jobs.register({
    id: 'classes.weekly',
    schedule: { kind: 'weekly', weekday: WEEKLY_RUN.weekday, time: WEEKLY_RUN.time },
    async run({ trigger }) {
      const operation = trigger === 'catch-up' ? 'catch-up' : 'scheduled';
      try {
        await deps.runner.run(generateRun, { logId: newId(), operation }, DEVICE);
      } catch (err) {
        const error = err instanceof Error ? err.message : String(err);
        await deps.runner.run(
          logGenerationFailure,
          {
            logId: newId(),
            operation,
            message: 'The weekly class generation failed; run Fix on the Health tab.',
            error: error.slice(0, 4000),
          },
          DEVICE,
        );
        throw err;
      }
    },
  });
  registerRetentionJob(jobs, deps, {
    id: 'classes.log-retention',
    time: '03:00',
    kind: 'class_generation_logs',
    prune: pruneGenerationLogs,
  });
}
