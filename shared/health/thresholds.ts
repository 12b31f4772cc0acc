/**
 * The kiosk's health checks and their alert thresholds, as data (the TabSync manual's alert table,
 * adapted to an offline kiosk). A reading at or past `warning` warns, at or past `critical` is
 * critical; for `lowIsBad` checks (free disk) the comparison goes the other way.
 */
export const HEALTH_CHECKS = [
  { id: 'database_size', unit: 'bytes', warning: 2 * 1024 ** 3, critical: 4 * 1024 ** 3 },
  // A WAL that keeps growing means a reader holds checkpoints back.
  { id: 'wal_size', unit: 'bytes', warning: 64 * 1024 ** 2, critical: 256 * 1024 ** 2 },
  { id: 'free_disk', unit: 'bytes', warning: 2 * 1024 ** 3, critical: 512 * 1024 ** 2, lowIsBad: true },
  { id: 'outbox_depth', unit: 'count', warning: 500, critical: 5000 },
  { id: 'oldest_pending', unit: 'minutes', warning: 60, critical: 24 * 60 },
  { id: 'last_sync', unit: 'minutes', warning: 60, critical: 24 * 60 },
  // Never fatal to sync (the service corrects for it), but past 5 minutes times on screens mislead.
  { id: 'clock_offset', unit: 'seconds', warning: 60, critical: 300 },
  // Backups run every 15 minutes: two missed warn, eight missed are critical (the RPO is gone).
  { id: 'backup_age', unit: 'minutes', warning: 30, critical: 120 },
] as const satisfies readonly {
  id: string;
  unit: 'bytes' | 'count' | 'minutes' | 'seconds';
  warning: number;
  critical: number;
  lowIsBad?: boolean;
}[];

export type HealthCheckId = (typeof HEALTH_CHECKS)[number]['id'];
export type HealthLevel = 'ok' | 'warning' | 'critical' | 'unknown';
export const HEALTH_LEVELS = ['ok', 'warning', 'critical', 'unknown'] as const;

export interface HealthResult {
  id: HealthCheckId;
  unit: (typeof HEALTH_CHECKS)[number]['unit'];
  /** The reading; null when it cannot be known (never synced, no backup yet, no link to shore). */
  value: number | null;
  level: HealthLevel;
  warning: number;
  critical: number;
}

/**
 * Rates each reading against its thresholds. A check with no reading (null or absent) is
 * 'unknown', never 'ok': a kiosk that never backed up is not a healthy one. Clock offsets are
 * rated by their size, ahead or behind.
 *
 * @example
 * evaluateHealth({ backup_age: 45 }).find((c) => c.id === 'backup_age')!.level // 'warning'
 */
export function evaluateHealth(readings: Partial<Record<HealthCheckId, number | null>>): HealthResult[] {
  return HEALTH_CHECKS.map((check) => {
    const raw = readings[check.id];
    const value = raw === undefined || raw === null || Number.isNaN(raw) ? null : raw;
    let level: HealthLevel = 'unknown';
    if (value !== null) {
      const v = check.id === 'clock_offset' ? Math.abs(value) : value;
      const low = 'lowIsBad' in check && check.lowIsBad;
      if (low ? v <= check.critical : v >= check.critical) level = 'critical';
      else if (low ? v <= check.warning : v >= check.warning) level = 'warning';
      else level = 'ok';
    }
    return { id: check.id, unit: check.unit, value, level, warning: check.warning, critical: check.critical };
  });
}

/** The worst level among results: what a supervisor's home screen shows first. */
export function worstLevel(results: readonly HealthResult[]): HealthLevel {
  const order: HealthLevel[] = ['critical', 'warning', 'unknown', 'ok'];
  return order.find((l) => results.some((r) => r.level === l)) ?? 'ok';
}
