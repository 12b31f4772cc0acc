import { sql } from 'kysely';
import { DEFAULT_PREFS } from '../../shared/notifications/delivery-plan.js';
import {
  planSends,
  recipientPeople,
  type PlannedPerson,
  type ShoreChannel,
} from '../../shared/notifications/delivery-work.js';
import { preferenceId } from '../../shared/notifications/mutations.js';
import type { CentralTransaction } from '../db/site-tx.js';

/**
 * Scopes the rest of a transaction to one site, as inSiteTransaction does at its start: the
 * worker learns the site from a queue row it has just locked, inside the same transaction.
 */
export async function scopeToSite(trx: CentralTransaction, siteId: string): Promise<void> {
  await sql`SELECT set_config('shiftdeck.site_id', ${siteId}, true), set_config('shiftdeck.org_write', 'off', true)`.execute(
    trx,
  );
}

const parseChannels = (json: string): string[] => {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((c): c is string => typeof c === 'string') : [];
  } catch {
    return [];
  }
};

/**
 * Plans one notification that reached central: its recipient people (the on-call person for a
 * role, when set), each one's channels and delivery choices, into `notification_sends` rows with
 * derived ids (planning twice adds nothing). Runs in the caller's transaction, scoped to the site.
 * Returns how many rows it added.
 */
export async function planNotification(
  trx: CentralTransaction,
  notificationId: string,
  siteId: string,
  offered: Readonly<Record<ShoreChannel, boolean>>,
  now: string,
): Promise<number> {
  await scopeToSite(trx, siteId);
  const n = await trx
    .selectFrom('notifications')
    .select(['id', 'urgency', 'recipient_user_id', 'recipient_role'])
    .where('id', '=', notificationId)
    .where('site_id', '=', siteId)
    .executeTakeFirst();
  const site = await trx.selectFrom('sites').select('timezone').where('id', '=', siteId).executeTakeFirst();
  // One acknowledged on board is planned too: its claim records it as skipped, for administrators.
  if (!n || !site) return 0;
  const holders = await trx
    .selectFrom('user_roles as ur')
    .innerJoin('roles as r', 'r.id', 'ur.role_id')
    .innerJoin('users as u', 'u.id', 'ur.user_id')
    .select(['ur.user_id as userId', 'r.code as roleCode'])
    .where('ur.site_id', '=', siteId)
    .where('ur.deleted_at', 'is', null)
    .where('u.deleted_at', 'is', null)
    .where('u.active', '=', 1)
    .execute();
  const onCall = new Map(
    (
      await trx
        .selectFrom('notification_on_call')
        .select(['role_code', 'user_id'])
        .where('site_id', '=', siteId)
        .execute()
    ).map((r) => [r.role_code, r.user_id] as const),
  );
  const userIds = recipientPeople(n, holders, onCall);
  if (userIds.length === 0) return 0;
  const prefs = await trx
    .selectFrom('notification_preferences')
    .selectAll()
    .where(
      'id',
      'in',
      userIds.map((u) => preferenceId(u, siteId)),
    )
    .execute();
  const byUser = new Map(prefs.map((p) => [p.user_id, p]));
  const people: PlannedPerson[] = userIds.map((userId) => {
    const p = byUser.get(userId);
    return p
      ? {
          userId,
          channels: parseChannels(p.channels),
          email: p.email,
          prefs: { quietStart: p.quiet_start, quietEnd: p.quiet_end, digest: p.digest === 1 },
        }
      : { userId, channels: ['kiosk'], email: null, prefs: DEFAULT_PREFS };
  });
  const sends = planSends(n.urgency, people, offered, now, site.timezone, n.id);
  let added = 0;
  for (const s of sends) {
    const r = await sql`
      INSERT INTO notification_sends (id, site_id, notification_id, channel, user_id, digest_date, due_at, created_at, updated_at)
      VALUES (${s.id}, ${siteId}, ${n.id}, ${s.channel}, ${s.userId}, ${s.digestDate}::date, ${s.dueAt}, ${now}, ${now})
      ON CONFLICT (id) DO NOTHING`.execute(trx);
    added += Number(r.numAffectedRows ?? 0);
  }
  return added;
}
