import type { Kysely } from 'kysely';
import type { SyncedDatabase } from '../schema.js';

/**
 * A kiosk derives a new session's id from the services it has seen at that table
 * (shared/tables/table-ids.ts). A kiosk that had not heard of the table's last service derives an
 * id that is already taken; `tables.openSession` then opens the next free id of a chain every
 * kiosk walks alike (or joins the table's open session) and records an alias: the id this device
 * used stands for that session. This file answers "which session does this device mean".
 *
 * The alias is per device: another kiosk naming the same id means the real session of that id
 * (a late payment on a service that ended), never the new one.
 *
 * @example
 * const id = await sessionMeant(ctx.db, ctx.siteId, a.sessionId, ctx.deviceId);
 */
export async function sessionMeant(
  db: Kysely<SyncedDatabase>,
  siteId: string,
  usedId: string,
  deviceId: string,
): Promise<string> {
  const alias = await db
    .selectFrom('table_session_aliases')
    .select('session_id')
    .where('site_id', '=', siteId)
    .where('used_id', '=', usedId)
    .where('device_id', '=', deviceId)
    .executeTakeFirst();
  return alias?.session_id ?? usedId;
}
