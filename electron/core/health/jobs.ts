import { pruneErrorLog } from '../../../shared/health/mutations.js';
import type { Store } from '../db/store.js';
import { registerRetentionJob } from '../jobs/retention-job.js';
import type { JobScheduler } from '../jobs/scheduler.js';
import type { MutationRunner } from '../mutations/mutation-runner.js';

/** The daily retention of the error log, as many days as the site's setting says (90 by default). */
export function registerHealthJobs(
  jobs: JobScheduler,
  deps: { runner: MutationRunner; store: Store; now: () => number; siteId: string },
): void {
  registerRetentionJob(jobs, deps, {
    id: 'health.error-log-retention',
    time: '03:10',
    kind: 'error_log',
    prune: pruneErrorLog,
  });
}
