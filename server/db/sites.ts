import type { Kysely } from 'kysely';
import { IDLE_LOCK_DEFAULT_SECONDS, updatePolicyColumns } from '../../shared/mutations/sites.js';
import { DEFAULT_UPDATE_POLICY } from '../../shared/updates/policy.js';
import type { SiteRow } from '../../shared/schema.js';
import type { CentralDatabase } from './central-schema.js';
import { inSiteTransaction, type CentralTransaction } from './site-tx.js';
import { nextSiteVersion } from './site-versions.js';

export interface NewSite {
  id: string;
  kind: SiteRow['kind'];
  name: string;
  timezone: string;
}

/**
 * Writes a site's own row as the `sites.create` mutation does on a kiosk (site_id is the site's
 * id, the default idle lock), stamped with `version`. Inside inSiteTransaction for that site.
 * Returns false when the site already exists.
 */
export async function insertSiteRow(
  trx: CentralTransaction,
  site: NewSite,
  version: number,
  now: string,
): Promise<boolean> {
  const r = await trx
    .insertInto('sites')
    .values({
      id: site.id,
      site_id: site.id,
      kind: site.kind,
      name: site.name,
      timezone: site.timezone,
      idle_lock_seconds: IDLE_LOCK_DEFAULT_SECONDS,
      ...updatePolicyColumns(DEFAULT_UPDATE_POLICY),
      created_at: now,
      updated_at: now,
      deleted_at: null,
      _version: version,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .returning('id')
    .execute();
  return r.length === 1;
}

/**
 * Creates a site in the central store (an administrator's step before enrolling its kiosks).
 * Returns false, writing nothing, when a site with this id exists.
 *
 * @example
 * await createCentralSite(db, { id: newId(), kind: 'vessel', name: 'MV Aurora', timezone: 'UTC' });
 */
export async function createCentralSite(
  db: Kysely<CentralDatabase>,
  site: NewSite,
  now: string = new Date().toISOString(),
): Promise<boolean> {
  return rollbackUnless(() =>
    inSiteTransaction(db, site.id, async (trx) => {
      const version = await nextSiteVersion(trx, site.id);
      if (!(await insertSiteRow(trx, site, version, now))) throw NOTHING_TO_DO;
      return true;
    }),
  );
}

/** Thrown inside a transaction to roll back its version bump when it turned out to write nothing. */
export const NOTHING_TO_DO: unique symbol = Symbol('nothing to do');

export async function rollbackUnless(run: () => Promise<boolean>): Promise<boolean> {
  try {
    return await run();
  } catch (err) {
    if (err === NOTHING_TO_DO) return false;
    throw err;
  }
}
