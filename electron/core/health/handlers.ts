import type { Kysely } from 'kysely';
import { actorOf } from '../api/actor.js';
import type { SyncedDatabase } from '../../../shared/schema.js';
import type { healthContract } from '../../../shared/health/contract.js';
import { AppError } from '../../../shared/errors.js';
import { setRetention } from '../../../shared/health/mutations.js';
import { RETENTION_KINDS, retentionDays } from '../../../shared/health/retention.js';
import { worstLevel } from '../../../shared/health/thresholds.js';
import type { CallContext, Handlers } from '../api/dispatcher.js';
import type { HandlerDeps } from '../api/handler-deps.js';
import { errorsSince } from './health-readings.js';

type HealthHandlers = Pick<Handlers, keyof typeof healthContract>;

/** Health readings (supervisors), the site's error log and its retention settings (administrators). */
export function createHealthHandlers(deps: HandlerDeps): HealthHandlers {
  const settings = async () => {
    const site = await deps.site();
    return {
      settings: await Promise.all(
        RETENTION_KINDS.map(async (k) => ({
          kind: k.kind,
          days: await retentionDays(deps.store.db as unknown as Kysely<SyncedDatabase>, site.id, k.kind),
          defaultDays: k.defaultDays,
          minDays: k.minDays,
          maxDays: k.maxDays,
        })),
      ),
    };
  };
  return {
    'health.get': async () => {
      if (!deps.health) throw new AppError('NOT_FOUND', 'This kiosk reports no health readings.');
      const checks = await deps.health();
      return { worst: worstLevel(checks), checks };
    },
    'health.errors': async (input) => {
      const site = await deps.site();
      let q = deps.store.db
        .selectFrom('error_log')
        .select(['id', 'device_id', 'code', 'place', 'app_version', 'occurred_at'])
        .where('site_id', '=', site.id)
        .where('deleted_at', 'is', null)
        .orderBy('occurred_at', 'desc')
        .orderBy('id', 'desc')
        .limit(input.limit);
      if (input.before) {
        const [at, id] = input.before.split('|');
        if (!at || !id || Number.isNaN(Date.parse(at)))
          throw new AppError('VALIDATION_FAILED', 'Before: not a page mark from this list.', { field: 'before' });
        q = q.where((eb) =>
          eb.or([eb('occurred_at', '<', at), eb.and([eb('occurred_at', '=', at), eb('id', '<', id)])]),
        );
      }
      const rows = await q.execute();
      return {
        entries: rows.map((r) => ({
          id: r.id,
          deviceId: r.device_id,
          code: r.code,
          place: r.place,
          appVersion: r.app_version,
          occurredAt: r.occurred_at,
        })),
        lastHour: await errorsSince(deps.store, new Date(deps.clock.now() - 3_600_000).toISOString()),
      };
    },
    'health.retention': () => settings(),
    'health.setRetention': async (input, ctx) => {
      await deps.runner.run(setRetention, input, actorOf(ctx));
      return settings();
    },
  };
}
