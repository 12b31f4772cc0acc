import { setUpdatePolicy, updatePolicyOf } from '../../../shared/mutations/sites.js';
import { actorOf } from '../api/actor.js';
import type { Handlers } from '../api/dispatcher.js';
import type { HandlerDeps } from '../api/handler-deps.js';
import type { Store } from '../db/store.js';
import type { UpdatePolicy } from '../../../shared/updates/policy.js';
import { updatePlan, type UpdatePlan } from '../../../shared/updates/plan.js';

const POLICY_COLUMNS = [
  'update_ring',
  'update_percent',
  'update_pinned_version',
  'update_window_start',
  'update_window_end',
] as const;

/** The site's update policy as this kiosk holds it (its synced `sites` row). */
export async function readUpdatePolicy(store: Store, siteId: string): Promise<UpdatePolicy> {
  const row = await store.db
    .selectFrom('sites')
    .select(POLICY_COLUMNS)
    .where('id', '=', siteId)
    .executeTakeFirstOrThrow();
  return updatePolicyOf(row);
}

export function createUpdatesHandlers(deps: HandlerDeps): Pick<Handlers, 'updates.policy' | 'updates.setPolicy'> {
  return {
    'updates.policy': async () => {
      const site = await deps.site();
      const versions = await deps.store.db
        .selectFrom('device_status')
        .select(['app_version'])
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('site_id', '=', site.id)
        .where('revoked_at', 'is', null)
        .groupBy('app_version')
        .orderBy('app_version', 'desc')
        .execute();
      return {
        policy: await readUpdatePolicy(deps.store, site.id),
        current: deps.version,
        versions: versions.map((v) => ({ version: v.app_version, count: Number(v.n) })),
      };
    },
    'updates.setPolicy': async (input, ctx) => {
      await deps.runner.run(setUpdatePolicy, input, actorOf(ctx));
      return { ok: true as const };
    },
  };
}

/**
 * The plan the main process's updater follows (electron/main/updates.ts): the site's policy as
 * this kiosk holds it, for this device, under the feed's base URL, with the site's time zone for
 * the install window. Read before each check, so a policy changed at any kiosk of the site applies
 * from the next check after it synced here. Null before the kiosk holds its site's row.
 */
export async function readUpdatePlan(
  store: Store,
  siteId: string,
  deviceId: string,
  feedBase: string,
): Promise<(UpdatePlan & { timeZone: string }) | null> {
  const site = await store.db
    .selectFrom('sites')
    .select(['timezone', ...POLICY_COLUMNS])
    .where('id', '=', siteId)
    .executeTakeFirst();
  if (!site) return null;
  return { ...updatePlan(updatePolicyOf(site), deviceId, feedBase), timeZone: site.timezone };
}
