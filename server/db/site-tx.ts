import { sql, type IsolationLevel, type Kysely, type Transaction } from 'kysely';
import { AppError } from '../../shared/errors.js';
import { ORG_STREAM } from '../../shared/sync/protocol.js';
import type { CentralDatabase } from './central-schema.js';

export type CentralTransaction = Transaction<CentralDatabase>;

export interface SiteTransactionOptions {
  /** Also allow writing organisation-wide rows (site_id NULL), e.g. roles. */
  orgWrite?: boolean;
  isolation?: IsolationLevel;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Runs `fn` in a transaction scoped to one site: row-level security then lets the service's role
 * read that site's rows and the organisation's, and write only that site's (and the
 * organisation's with `orgWrite`). The setting is transaction-local (`set_config(..., true)`), so
 * it never leaks to the next user of the pooled connection. Every read or write of site data by
 * the service goes through here; the site comes from the device token, never from a request.
 *
 * @example
 * const users = await inSiteTransaction(db, device.siteId, (trx) => trx.selectFrom('users').selectAll().execute());
 */
export async function inSiteTransaction<T>(
  db: Kysely<CentralDatabase>,
  siteId: string,
  fn: (trx: CentralTransaction) => Promise<T>,
  opts: SiteTransactionOptions = {},
): Promise<T> {
  if (!UUID.test(siteId)) throw new AppError('VALIDATION_FAILED', 'A site id must be a UUID.', { siteId });
  let tx = db.transaction();
  if (opts.isolation) tx = tx.setIsolationLevel(opts.isolation);
  return tx.execute(async (trx) => {
    await sql`SELECT set_config('shiftdeck.site_id', ${siteId}, true), set_config('shiftdeck.org_write', ${opts.orgWrite ? 'on' : 'off'}, true)`.execute(
      trx,
    );
    return fn(trx);
  });
}

/**
 * A transaction that writes only organisation-wide rows (reference data such as roles). It is
 * scoped to the organisation's stream id, which no site has, so it sees no site's rows.
 */
export function inOrgTransaction<T>(
  db: Kysely<CentralDatabase>,
  fn: (trx: CentralTransaction) => Promise<T>,
): Promise<T> {
  return inSiteTransaction(db, ORG_STREAM, fn, { orgWrite: true });
}
