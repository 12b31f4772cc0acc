import type { Kysely } from 'kysely';
import { actorOf } from '../api/actor.js';
import { NOTIFICATION_KINDS, type NotificationKind } from '../../../shared/notifications/kinds.js';
import { peopleAtSite } from '../auth/people.js';
import type { notificationsContract } from '../../../shared/notifications/contract.js';
import { CHANNELS, preferenceId, setOnCall, setPreferences } from '../../../shared/notifications/mutations.js';
import type { SyncedDatabase } from '../../../shared/schema.js';
import type { Handlers } from '../api/dispatcher.js';
import type { CallContext } from '../api/dispatcher.js';
import type { HandlerDeps } from '../api/handler-deps.js';

type PreferenceMethods =
  | 'notifications.preferences'
  | 'notifications.setPreferences'
  | 'notifications.setOnCall'
  | 'notifications.onCall'
  | 'notifications.deliveryFailures';
type PreferenceHandlers = Pick<Handlers, PreferenceMethods & keyof typeof notificationsContract>;

const parseChannels = (json: string) => {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? CHANNELS.filter((c) => v.includes(c)) : [];
  } catch {
    return [];
  }
};

const parseParams = (json: string): Record<string, string | number | null> => {
  try {
    const v: unknown = JSON.parse(json);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, string | number | null>) : {};
  } catch {
    return {};
  }
};

/** A person's own notification choices, the site's on-call person per role, and failed deliveries ashore. */
export function createPreferenceHandlers(deps: HandlerDeps): PreferenceHandlers {
  const db = deps.store.db as unknown as Kysely<SyncedDatabase>;
  return {
    'notifications.preferences': async (_input, ctx) => {
      const site = await deps.site();
      const row = await db
        .selectFrom('notification_preferences')
        .selectAll()
        .where('id', '=', preferenceId(ctx.signedIn!.person.id, site.id))
        .executeTakeFirst();
      // Never set: the kiosk only, no quiet hours, one message each.
      if (!row) return { channels: ['kiosk' as const], email: null, quietStart: null, quietEnd: null, digest: false };
      return {
        channels: parseChannels(row.channels),
        email: row.email,
        quietStart: row.quiet_start,
        quietEnd: row.quiet_end,
        digest: row.digest === 1,
      };
    },
    'notifications.setPreferences': async (input, ctx) => {
      await deps.runner.run(setPreferences, input, actorOf(ctx));
      return { ok: true as const };
    },
    'notifications.setOnCall': async (input, ctx) => {
      await deps.runner.run(setOnCall, input, actorOf(ctx));
      return { ok: true as const };
    },
    'notifications.onCall': async () => {
      const site = await deps.site();
      const people = await peopleAtSite(deps.store.db, site.id);
      const chosen = new Map(
        (
          await db
            .selectFrom('notification_on_call')
            .select(['role_code', 'user_id'])
            .where('site_id', '=', site.id)
            .execute()
        ).map((r) => [r.role_code, r.user_id] as const),
      );
      const roles = new Map<
        string,
        { role: string; roleName: { en: string; fr: string }; people: { id: string; name: string }[] }
      >();
      for (const p of people) {
        let r = roles.get(p.roleCode);
        if (!r) roles.set(p.roleCode, (r = { role: p.roleCode, roleName: p.roleName, people: [] }));
        r.people.push({ id: p.id, name: p.displayName });
      }
      return [...roles.values()]
        .sort((a, b) => a.roleName.en.localeCompare(b.roleName.en))
        .map((r) => {
          const on = chosen.get(r.role) ?? null;
          return {
            ...r,
            people: r.people.sort((a, b) => a.name.localeCompare(b.name)),
            onCall: on && r.people.some((p) => p.id === on) ? on : null,
          };
        });
    },
    'notifications.deliveryFailures': async () => {
      const site = await deps.site();
      const rows = await db
        .selectFrom('notification_deliveries as d')
        .innerJoin('notifications as n', 'n.id', 'd.notification_id')
        .select([
          'd.id',
          'd.notification_id',
          'd.channel',
          'd.address',
          'd.attempt',
          'd.outcome',
          'd.error',
          'd.at',
          'd.next_attempt_at',
          'n.kind',
          'n.urgency',
          'n.params',
          'n.raised_at',
        ])
        .where('d.site_id', '=', site.id)
        .orderBy('d.at', 'desc')
        .limit(2000)
        .execute();
      // The latest attempt of each delivery (notification, channel, address) decides whether it failed.
      const latest = new Map<string, (typeof rows)[number]>();
      for (const r of rows) {
        const key = `${r.notification_id}|${r.channel}|${r.address}`;
        const seen = latest.get(key);
        if (!seen || r.attempt > seen.attempt) latest.set(key, r);
      }
      return [...latest.values()]
        .filter((r) => r.outcome === 'failed')
        .sort((a, b) => b.at.localeCompare(a.at) || b.id.localeCompare(a.id))
        .slice(0, 200)
        .map((r) => ({
          id: r.id,
          notification: {
            id: r.notification_id,
            kind: (NOTIFICATION_KINDS as readonly string[]).includes(r.kind)
              ? (r.kind as NotificationKind)
              : 'health_alert',
            urgency: r.urgency,
            params: parseParams(r.params),
            raisedAt: r.raised_at,
          },
          channel: r.channel,
          address: r.address,
          attempt: r.attempt,
          error: r.error,
          at: r.at,
          nextAttemptAt: r.next_attempt_at,
        }));
    },
  };
}
