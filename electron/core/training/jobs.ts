import { expiryAuditId, markCertificatesExpired } from '../../../shared/training/mutations.js';
import type { Store } from '../db/store.js';
import type { JobScheduler } from '../jobs/scheduler.js';
import type { MutationRunner } from '../mutations/mutation-runner.js';

const DEVICE = { userId: null, permissions: [] } as const;

/**
 * The training area's daily job (02:30 site time): certificates whose expiry has passed and that
 * no replica has marked yet get their "expired" audit entry. Screens do not wait for it: they
 * derive expired from the date at read time.
 */
export function registerTrainingJobs(
  jobs: JobScheduler,
  deps: { runner: MutationRunner; store: Store; now: () => number },
): void {
  jobs.register({
    id: 'training.certificate-expiry',
    schedule: { kind: 'daily', time: '02:30' },
    run: async () => void (await markExpiredNow(deps)),
  });
}

/** Marks what has expired by now; returns how many certificates it marked. */
export async function markExpiredNow(deps: {
  runner: MutationRunner;
  store: Store;
  now: () => number;
}): Promise<number> {
  const now = new Date(deps.now()).toISOString();
  const expired = await deps.store.db
    .selectFrom('training_certificates')
    .select('id')
    .where('expires_at', 'is not', null)
    .where('expires_at', '<=', now)
    .execute();
  const marked = new Set(
    (
      await deps.store.db
        .selectFrom('audit_log')
        .select('id')
        .where('action', '=', 'training.certificate_expired')
        .execute()
    ).map((r) => r.id),
  );
  const ids = expired.map((c) => c.id).filter((id) => !marked.has(expiryAuditId(id)));
  for (let i = 0; i < ids.length; i += 500)
    await deps.runner.run(markCertificatesExpired, { certificateIds: ids.slice(i, i + 500) }, DEVICE);
  return ids.length;
}
