import { sql } from 'kysely';
import { AUDIT_AREAS, auditAreaOf, KNOWN_AUDIT_PREFIXES, type AuditArea } from '../../../shared/audit/areas.js';
import { addDays, instantAt } from '../../../shared/classes/site-time.js';
import type { Handlers } from '../api/dispatcher.js';
import type { HandlerDeps } from '../api/handler-deps.js';

const parseDetail = (json: string): Record<string, unknown> => {
  try {
    return JSON.parse(json) as Record<string, unknown>;
  } catch {
    return {};
  }
};

/** `LIKE` patterns of an area's actions (`incidents.%`); `_` and `%` in a prefix never occur. */
const patternsOf = (area: Exclude<AuditArea, 'other'>) => AUDIT_AREAS[area].map((p) => `${p}.%`);

/**
 * The audit log of this site: every applied mutation and sign-in event, newest first, paged on
 * (created_at, hlc, id), filtered by who acted, the area and the days (site time zone, `to` included).
 */
export function createAuditHandlers(deps: HandlerDeps): Pick<Handlers, 'audit.list' | 'audit.people'> {
  return {
    'audit.list': async (input) => {
      const site = await deps.site();
      let q = deps.store.db
        .selectFrom('audit_log as a')
        .leftJoin('users as actor', 'actor.id', 'a.actor_user_id')
        .leftJoin('users as subject', 'subject.id', 'a.subject_user_id')
        .leftJoin('device_status as d', 'd.id', 'a.device_id')
        .select([
          'a.id',
          'a.action',
          'a.detail',
          'a.created_at',
          'a.device_id',
          'actor.display_name as actor_name',
          'subject.display_name as subject_name',
          'd.name as device_name',
        ])
        .where('a.site_id', '=', site.id)
        .orderBy('a.created_at', 'desc')
        .orderBy('a.hlc', 'desc')
        .orderBy('a.id', 'desc')
        .limit(input.limit);
      if (input.actorUserId) q = q.where('a.actor_user_id', '=', input.actorUserId);
      if (input.area === 'other')
        q = q.where((eb) => eb.and(KNOWN_AUDIT_PREFIXES.map((p) => eb('a.action', 'not like', `${p}.%`))));
      else if (input.area) {
        const patterns = patternsOf(input.area);
        q = q.where((eb) => eb.or(patterns.map((p) => eb('a.action', 'like', p))));
      }
      if (input.from) q = q.where('a.created_at', '>=', instantAt(input.from, '00:00', site.timezone));
      if (input.to) q = q.where('a.created_at', '<', instantAt(addDays(input.to, 1), '00:00', site.timezone));
      // Entries can share a timestamp (a batch in one millisecond): ordered and paged on
      // (created_at, hlc, id), so one kiosk's entries of one millisecond keep the order they were made in.
      if (input.beforeId) {
        const at = await deps.store.db
          .selectFrom('audit_log')
          .select(['created_at', 'hlc'])
          .where('id', '=', input.beforeId)
          .executeTakeFirst();
        if (at)
          q = q.where(sql<boolean>`(a.created_at, a.hlc, a.id) < (${at.created_at}, ${at.hlc}, ${input.beforeId})`);
        else if (input.before) q = q.where('a.created_at', '<', input.before);
      } else if (input.before) q = q.where('a.created_at', '<', input.before);
      return (await q.execute()).map((r) => ({
        id: r.id,
        action: r.action,
        area: auditAreaOf(r.action),
        actorName: r.actor_name,
        subjectName: r.subject_name,
        detail: parseDetail(r.detail),
        createdAt: r.created_at,
        deviceId: r.device_id,
        deviceName: r.device_name ?? null,
        self: r.device_id === deps.deviceId,
      }));
    },

    // Everyone who may appear as the one who acted, deactivated people included (their history stays).
    'audit.people': async () => {
      const site = await deps.site();
      const rows = await deps.store.db
        .selectFrom('users as u')
        .innerJoin('user_roles as ur', 'ur.user_id', 'u.id')
        .select(['u.id', 'u.display_name'])
        .where('ur.site_id', '=', site.id)
        .distinct()
        .orderBy('u.display_name')
        .execute();
      return rows.map((r) => ({ id: r.id, name: r.display_name }));
    },
  };
}
