import { sql, type Kysely } from 'kysely';
import { ORG_STREAM } from '../../shared/sync/protocol.js';
import type { CentralDatabase } from './central-schema.js';
import type { CentralTransaction } from './site-tx.js';

/** The stream of a row: its site, or the organisation's for site_id NULL. */
export const streamOf = (siteId: string | null): string => siteId ?? ORG_STREAM;

/**
 * Takes the next version of a site's stream (or the organisation's, for `null`) inside a write
 * transaction; stamp it on every row the transaction writes for that stream. The row lock is held
 * until commit, so writers of one stream commit in version order and no pull skips a change.
 *
 * Only inside inSiteTransaction for that same site (or one with `orgWrite` for the organisation's
 * stream): site_versions has no row-level security, so the statement itself refuses a bump from
 * any other transaction. A transaction writing both bumps its site's stream first, then the
 * organisation's, so two such transactions can never deadlock.
 *
 * @example
 * await inSiteTransaction(db, siteId, async (trx) => {
 *   const v = await nextSiteVersion(trx, siteId);
 *   await trx.updateTable('sites').set({ name, updated_at: now, _version: v }).where('id', '=', siteId).execute();
 * });
 */
export async function nextSiteVersion(trx: CentralTransaction, siteId: string | null): Promise<number> {
  const stream = streamOf(siteId);
  const { rows } = await sql<{ version: number }>`
    INSERT INTO site_versions AS v (site_id, version)
    SELECT ${stream}::uuid, 1
    WHERE shiftdeck_site() = ${stream}::uuid OR (${stream}::uuid = ${ORG_STREAM}::uuid AND shiftdeck_org_write())
    ON CONFLICT (site_id) DO UPDATE SET version = v.version + 1
    RETURNING version`.execute(trx);
  if (rows.length === 0) {
    throw new Error(
      `nextSiteVersion(${stream}) ran outside a transaction for that stream; use inSiteTransaction(db, siteId, ...) (with orgWrite for organisation rows).`,
    );
  }
  return rows[0].version;
}

/** The current version of a stream (0 when nothing was written yet). */
export async function currentSiteVersion(db: Kysely<CentralDatabase>, siteId: string | null): Promise<number> {
  const row = await db
    .selectFrom('site_versions')
    .select('version')
    .where('site_id', '=', streamOf(siteId))
    .executeTakeFirst();
  return row?.version ?? 0;
}
