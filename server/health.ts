import { sql, type Kysely } from 'kysely';
import {
  rateReading,
  SHORE_CHECKS,
  worstLevel,
  type HealthLevel,
  type HealthResult,
  type ShoreCheckId,
} from '../shared/health/thresholds.js';
import type { CentralDatabase } from './db/central-schema.js';
import { inSiteTransaction } from './db/site-tx.js';
import type { Metrics } from './metrics.js';

export interface ShoreHealth {
  worst: HealthLevel;
  checks: HealthResult<ShoreCheckId>[];
}

const check = (id: ShoreCheckId) => SHORE_CHECKS.find((c) => c.id === id)!;
const minutesBetween = (then: Date | string | null, now: number) =>
  then === null ? null : Math.max(0, Math.floor((now - new Date(then).getTime()) / 60_000));

/**
 * Reads the shore service's health: the central database's size, the dead letters no supervisor
 * has resolved yet, the age of the newest completed central backup, and per site the minutes
 * since any of its devices last reached shore. Each is rated against `SHORE_CHECKS`. Dead
 * letters are counted site by site under row-level security, as the service role sees them.
 *
 * @example const { worst, checks } = await readShoreHealth(db, Date.now());
 */
export async function readShoreHealth(db: Kysely<CentralDatabase>, now: number): Promise<ShoreHealth> {
  const size = await sql<{ bytes: string }>`SELECT pg_database_size(current_database()) AS bytes`.execute(db);
  const backup = await sql<{
    at: Date | null;
  }>`SELECT max(completed_at) AS at FROM central_backups WHERE completed_at IS NOT NULL`.execute(db);
  const sites = await db
    .selectFrom('devices')
    .select((eb) => ['site_id', eb.fn.max('last_seen_at').as('last_seen')])
    .where('revoked_at', 'is', null)
    .groupBy('site_id')
    .orderBy('site_id')
    .execute();
  let deadLetters = 0;
  for (const s of sites) {
    const r = await inSiteTransaction(db, s.site_id, (trx) =>
      trx
        .selectFrom('conflicts')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('site_id', '=', s.site_id)
        .where('kind', '=', 'dead_letter')
        .where('resolved_at', 'is', null)
        .executeTakeFirstOrThrow(),
    );
    deadLetters += Number(r.n);
  }
  const checks: HealthResult<ShoreCheckId>[] = [
    rateReading(check('database_size'), Number(size.rows[0].bytes)),
    rateReading(check('dead_letters'), deadLetters),
    rateReading(check('backup_age'), minutesBetween(backup.rows[0]?.at ?? null, now)),
    ...sites.map((s) =>
      rateReading(
        check('site_last_contact'),
        minutesBetween((s.last_seen as Date | string | null) ?? null, now),
        s.site_id,
      ),
    ),
  ];
  return { worst: worstLevel(checks), checks };
}

const LEVEL_VALUE: Record<HealthLevel, number> = { ok: 0, warning: 1, critical: 2, unknown: -1 };

/**
 * Declares the shore gauges and refreshes them from `readShoreHealth` before each /metrics scrape,
 * so a scrape reads the database as it is now, never a cached figure.
 */
export function registerShoreGauges(metrics: Metrics, read: () => Promise<ShoreHealth>): void {
  metrics.describe('shiftdeck_database_size_bytes', 'gauge', 'Size of the central database.');
  metrics.describe('shiftdeck_dead_letters', 'gauge', 'Mutations given up after repeated failures, not yet resolved.');
  metrics.describe('shiftdeck_backup_age_seconds', 'gauge', 'Age of the newest completed central backup.');
  metrics.describe('shiftdeck_site_last_contact_seconds', 'gauge', "Time since a site's devices last reached shore.");
  metrics.describe(
    'shiftdeck_health_level',
    'gauge',
    'Each health check rated: 0 ok, 1 warning, 2 critical, -1 unknown.',
  );
  metrics.beforeScrape(async () => {
    const { checks } = await read();
    for (const name of [
      'shiftdeck_site_last_contact_seconds',
      'shiftdeck_health_level',
      'shiftdeck_backup_age_seconds',
    ])
      metrics.clear(name);
    for (const c of checks) {
      metrics.set(
        'shiftdeck_health_level',
        LEVEL_VALUE[c.level],
        c.subject ? { check: c.id, site: c.subject } : { check: c.id },
      );
      if (c.value === null) continue;
      if (c.id === 'database_size') metrics.set('shiftdeck_database_size_bytes', c.value);
      if (c.id === 'dead_letters') metrics.set('shiftdeck_dead_letters', c.value);
      if (c.id === 'backup_age') metrics.set('shiftdeck_backup_age_seconds', c.value * 60);
      if (c.id === 'site_last_contact' && c.subject)
        metrics.set('shiftdeck_site_last_contact_seconds', c.value * 60, { site: c.subject });
    }
  });
}
