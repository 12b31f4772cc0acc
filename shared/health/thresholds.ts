/**
 * Health checks and their alert thresholds, as data (the TabSync manual's alert table, adapted to
 * an offline kiosk and to the shore service). A reading at or past `warning` warns, at or past
 * `critical` is critical; for `lowIsBad` checks (free disk) the comparison goes the other way.
 * `advisory` checks are shown but never raise an alert on their own: a failover route (satellite)
 * that has not carried a sync for a day is normal while the preferred one works.
 */
export interface HealthCheck {
  id: string;
  unit: 'bytes' | 'count' | 'minutes' | 'seconds' | 'per_hour';
  warning: number;
  critical: number;
  lowIsBad?: boolean;
  advisory?: boolean;
}

const MiB = 1024 ** 2;
const GiB = 1024 ** 3;

/** A kiosk's checks (electron/core/health). */
export const HEALTH_CHECKS = [
  { id: 'database_size', unit: 'bytes', warning: 2 * GiB, critical: 4 * GiB },
  // A WAL that keeps growing means a reader holds checkpoints back.
  { id: 'wal_size', unit: 'bytes', warning: 64 * MiB, critical: 256 * MiB },
  { id: 'free_disk', unit: 'bytes', warning: 2 * GiB, critical: 512 * MiB, lowIsBad: true },
  { id: 'outbox_depth', unit: 'count', warning: 500, critical: 5000 },
  { id: 'oldest_pending', unit: 'minutes', warning: 60, critical: 24 * 60 },
  { id: 'last_sync', unit: 'minutes', warning: 60, critical: 24 * 60 },
  // One reading per route upstream (hub, 4G, satellite): the time since a sync last went through it.
  { id: 'route_last_sync', unit: 'minutes', warning: 60, critical: 24 * 60, advisory: true },
  // Never fatal to sync (the service corrects for it), but past 5 minutes times on screens mislead.
  { id: 'clock_offset', unit: 'seconds', warning: 60, critical: 300 },
  // Unexpected errors recorded in the last hour (the manual's failed payments: 5 and 20 an hour).
  { id: 'error_rate', unit: 'per_hour', warning: 5, critical: 20 },
  // Backups run every 15 minutes: two missed warn, eight missed are critical (the RPO is gone).
  { id: 'backup_age', unit: 'minutes', warning: 30, critical: 120 },
] as const satisfies readonly HealthCheck[];

/** The shore service's checks (server/health.ts), read at each /healthz?checks=1 and /metrics scrape. */
export const SHORE_CHECKS = [
  // The manual warns at 80 % and 90 % of the disk; a central database has no fixed quota, so sizes.
  { id: 'database_size', unit: 'bytes', warning: 50 * GiB, critical: 100 * GiB },
  // Mutations given up after repeated failures and not yet resolved by a supervisor.
  { id: 'dead_letters', unit: 'count', warning: 1, critical: 50 },
  // Central backups run daily: past a day and a half one was missed, past three days two.
  { id: 'backup_age', unit: 'minutes', warning: 36 * 60, critical: 72 * 60 },
  // One reading per site: minutes since any of its devices last reached shore.
  { id: 'site_last_contact', unit: 'minutes', warning: 6 * 60, critical: 48 * 60 },
] as const satisfies readonly HealthCheck[];

export type HealthCheckId = (typeof HEALTH_CHECKS)[number]['id'];
export type ShoreCheckId = (typeof SHORE_CHECKS)[number]['id'];
export type HealthLevel = 'ok' | 'warning' | 'critical' | 'unknown';
export const HEALTH_LEVELS = ['ok', 'warning', 'critical', 'unknown'] as const;
export const HEALTH_UNITS = ['bytes', 'count', 'minutes', 'seconds', 'per_hour'] as const;

export interface HealthResult<Id extends string = HealthCheckId> {
  id: Id;
  /** What the reading is about when a check has several (a route's host, a site's id). */
  subject?: string;
  unit: HealthCheck['unit'];
  /** The reading; null when it cannot be known (never synced, no backup yet, no link to shore). */
  value: number | null;
  level: HealthLevel;
  warning: number;
  critical: number;
  advisory?: boolean;
}

/**
 * Rates one reading against its check. No reading (null, undefined, NaN) is 'unknown', never 'ok':
 * a kiosk that never backed up is not a healthy one. Clock offsets are rated by their size.
 *
 * @example
 * rateReading(HEALTH_CHECKS[9], 45).level // 'warning' (backup_age)
 */
export function rateReading<C extends HealthCheck>(
  check: C,
  raw: number | null | undefined,
  subject?: string,
): HealthResult<C['id']> {
  const value = raw === undefined || raw === null || Number.isNaN(raw) ? null : raw;
  let level: HealthLevel = 'unknown';
  if (value !== null) {
    const v = check.id === 'clock_offset' ? Math.abs(value) : value;
    const low = check.lowIsBad === true;
    if (low ? v <= check.critical : v >= check.critical) level = 'critical';
    else if (low ? v <= check.warning : v >= check.warning) level = 'warning';
    else level = 'ok';
  }
  return {
    id: check.id,
    ...(subject === undefined ? {} : { subject }),
    unit: check.unit,
    value,
    level,
    warning: check.warning,
    critical: check.critical,
    ...(check.advisory ? { advisory: true } : {}),
  };
}

/**
 * Rates each of a kiosk's single readings against its thresholds (per-route readings are added
 * with `rateReading`).
 *
 * @example
 * evaluateHealth({ backup_age: 45 }).find((c) => c.id === 'backup_age')!.level // 'warning'
 */
export function evaluateHealth(readings: Partial<Record<HealthCheckId, number | null>>): HealthResult[] {
  return HEALTH_CHECKS.filter((c) => !('advisory' in c)).map((check) => rateReading(check, readings[check.id]));
}

/** The worst level among results, advisory ones left out: what a supervisor's home screen shows first. */
export function worstLevel(results: readonly HealthResult<string>[]): HealthLevel {
  const order: HealthLevel[] = ['critical', 'warning', 'unknown', 'ok'];
  const counted = results.filter((r) => !r.advisory);
  return order.find((l) => counted.some((r) => r.level === l)) ?? 'ok';
}

/** Whether a level calls for an alert on a supervisor's home screen ('unknown' does not: a demo has no backups). */
export const isAlert = (level: HealthLevel) => level === 'warning' || level === 'critical';
