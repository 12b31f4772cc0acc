import { statSync, statfsSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  evaluateHealth,
  HEALTH_CHECKS,
  rateReading,
  type HealthCheckId,
  type HealthResult,
} from '../../../shared/health/thresholds.js';
import type { Store } from '../db/store.js';
import type { LinkState } from '../status.js';
import { readSyncStatus } from '../status.js';

export interface HealthDeps {
  store: Store;
  dbPath: string;
  deviceId: string;
  now: () => number;
  link: () => LinkState;
  /** Whether this kiosk replicates at all: a standalone demo has no sync readings to miss. */
  syncs: boolean;
  lastBackupAt: () => string | null;
  /** The device clock minus shore's, as shore measured it on the last push (ms), if known. */
  clockOffsetMs: () => number | null;
  /** When a sync last went through each route upstream (host:port to ISO time), and the routes configured. */
  routeSyncs?: () => { host: string; lastSyncAt: string | null }[];
}

const sizeOf = (path: string) => {
  try {
    return statSync(path).size;
  } catch {
    return 0; // no WAL file right after a checkpoint-and-truncate
  }
};
const minutesSince = (iso: string | null, now: number) =>
  iso === null ? null : Math.max(0, Math.floor((now - Date.parse(iso)) / 60_000));

const SYNC_ONLY = new Set<HealthCheckId>(['outbox_depth', 'oldest_pending', 'last_sync', 'clock_offset']);

/** The prefix of the local meta keys holding each route's last successful sync. */
export const ROUTE_SYNC_KEY = 'sync.last_success_at@';

/**
 * Reads this kiosk's health (database and WAL size, free disk, outbox depth and oldest pending
 * change, last successful sync overall and per route, clock offset, unexpected errors in the last
 * hour, backup age) and rates each reading against the thresholds in shared/health.
 */
export async function readKioskHealth(deps: HealthDeps): Promise<HealthResult[]> {
  const now = deps.now();
  const status = await readSyncStatus(deps.store, deps.link());
  const fs = statfsSync(dirname(deps.dbPath));
  const offset = deps.clockOffsetMs();
  const readings: Partial<Record<HealthCheckId, number | null>> = {
    database_size: sizeOf(deps.dbPath),
    wal_size: sizeOf(`${deps.dbPath}-wal`),
    free_disk: fs.bavail * fs.bsize,
    outbox_depth: status.pendingCount,
    oldest_pending: status.oldestPendingAt === null ? 0 : minutesSince(status.oldestPendingAt, now),
    last_sync: minutesSince(status.lastSyncAt, now),
    clock_offset: offset === null ? null : Math.round(offset / 1000),
    error_rate: await errorsSince(deps.store, new Date(now - 3_600_000).toISOString(), deps.deviceId),
    backup_age: minutesSince(deps.lastBackupAt(), now),
  };
  const routeCheck = HEALTH_CHECKS.find((c) => c.id === 'route_last_sync')!;
  const routes = (deps.syncs ? (deps.routeSyncs?.() ?? []) : []).map((r) =>
    rateReading(routeCheck, minutesSince(r.lastSyncAt, now), r.host),
  );
  // A standalone kiosk (a demo) syncs with nothing: its sync readings would be made-up zeros.
  const rated = evaluateHealth(readings).filter((c) => deps.syncs || !SYNC_ONLY.has(c.id));
  return [...rated, ...routes];
}

/** Unexpected errors recorded since `sinceIso`, by one device or (no id) by every device of the replica. */
export async function errorsSince(store: Store, sinceIso: string, deviceId?: string): Promise<number> {
  const row = await store.db
    .selectFrom('error_log')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('deleted_at', 'is', null)
    .where('occurred_at', '>=', sinceIso)
    .$if(deviceId !== undefined, (q) => q.where('device_id', '=', deviceId!))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
