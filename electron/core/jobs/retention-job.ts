import { sql, type Kysely } from 'kysely';
import type { MutationDef } from '../../../shared/mutations/define.js';
import type { SyncedDatabase } from '../../../shared/schema.js';
import { retentionCutoff, retentionDays, type RetentionKind } from '../../../shared/health/retention.js';
import type { Store } from '../db/store.js';
import type { JobScheduler } from './scheduler.js';
import type { MutationRunner } from '../mutations/mutation-runner.js';

/** Which column dates a row of each kept kind (the kind is its table's name). */
const DATED_BY: Readonly<Record<RetentionKind, string>> = {
  error_log: 'occurred_at',
  class_generation_logs: 'created_at',
};

/**
 * A daily job that removes the rows of `kind` older than the site's retention setting for it,
 * through `prune` (a device mutation, so the removal syncs like any other change). Most days
 * nothing is old enough: then it queues nothing rather than a no-op for sync.
 *
 * @example registerRetentionJob(jobs, deps, { id: 'health.error-log-retention', time: '03:10', kind: 'error_log', prune: pruneErrorLog });
 */
export function registerRetentionJob(
  jobs: JobScheduler,
  deps: { runner: MutationRunner; store: Store; now: () => number; siteId: string },
  job: { id: string; time: string; kind: RetentionKind; prune: MutationDef },
): void {
  jobs.register({
    id: job.id,
    schedule: { kind: 'daily', time: job.time },
    async run() {
      const days = await retentionDays(deps.store.db as unknown as Kysely<SyncedDatabase>, deps.siteId, job.kind);
      const cutoff = retentionCutoff(new Date(deps.now()).toISOString(), days);
      const old = await sql`SELECT 1 FROM ${sql.table(job.kind)} WHERE site_id = ${deps.siteId}
        AND deleted_at IS NULL AND ${sql.ref(DATED_BY[job.kind])} < ${cutoff} LIMIT 1`.execute(deps.store.db);
      if (old.rows.length > 0) await deps.runner.run(job.prune, {}, { userId: null, permissions: [] });
    },
  });
}
