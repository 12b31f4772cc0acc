import type { Kysely } from 'kysely';
import type { notificationsContract } from '../../../shared/notifications/contract.js';
import { CHANNELS, preferenceId, setOnCall, setPreferences } from '../../../shared/notifications/mutations.js';
import type { SyncedDatabase } from '../../../shared/schema.js';
import type { Handlers } from '../api/dispatcher.js';
import type { CallContext } from '../api/dispatcher.js';
import type { HandlerDeps } from '../api/handler-deps.js';

type PreferenceMethods = 'notifications.preferences' | 'notifications.setPreferences' | 'notifications.setOnCall';
type PreferenceHandlers = Pick<Handlers, PreferenceMethods & keyof typeof notificationsContract>;

const actorOf = (ctx: CallContext) => ({
  userId: ctx.signedIn!.person.id,
  permissions: ctx.signedIn!.person.permissions,
});

const parseChannels = (json: string) => {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? CHANNELS.filter((c) => v.includes(c)) : [];
  } catch {
    return [];
  }
};

/** A person's own notification choices, and the site's on-call person per role. */
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
  };
}
