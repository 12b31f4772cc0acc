import type { Kysely } from 'kysely';
import type { SyncedDatabase } from '../../../shared/schema.js';
import { pruneErrorLog } from '../../../shared/health/mutations.js';
import { retentionCutoff, retentionDays } from '../../../shared/health/retention.js';
import type { Store } from '../db/store.js';
import type { JobScheduler } from '../jobs/scheduler.js';
import type { MutationRunner } from '../mutations/mutation-runner.js';

/** The daily retention of the error log, as many days as the site's setting says (90 by default). */
export function registerHealthJobs(
  jobs: JobScheduler,
  deps: { runner: MutationRunner; store: Store; now: () => number; siteId: string },
): void {
  jobs.register({
    id: 'health.error-log-retention',
    schedule: { kind: 'daily', time: '03:10' },
    async run() {
      // Most days nothing is old enough: skip the mutation rather than queue a no-op for sync.
      const now = new Date(deps.now()).toISOString();
      const cutoff = retentionCutoff(
        now,
        await retentionDays(deps.store.db as unknown as Kysely<SyncedDatabase>, deps.siteId, 'error_log'),
      );
      const old = await deps.store.db
        .selectFrom('error_log')
        .select('id')
        .where('site_id', '=', deps.siteId)
        .where('deleted_at', 'is', null)
        .where('occurred_at', '<', cutoff)
        .limit(1)
        .executeTakeFirst();
      if (old) await deps.runner.run(pruneErrorLog, {}, { userId: null, permissions: [] });
    },
  });
}
