import { statSync, statfsSync } from 'node:fs';
import { dirname } from 'node:path';
import { evaluateHealth, type HealthCheckId, type HealthResult } from '../../../shared/health/thresholds.js';
import type { Store } from '../db/store.js';
import type { LinkState } from '../status.js';
import { readSyncStatus } from '../status.js';

export interface HealthDeps {
  store: Store;
  dbPath: string;
  now: () => number;
  link: () => LinkState;
  /** Whether this kiosk replicates at all: a standalone demo has no sync readings to miss. */
  syncs: boolean;
  lastBackupAt: () => string | null;
  /** The device clock minus shore's, as shore measured it on the last push (ms), if known. */
  clockOffsetMs: () => number | null;
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

/**
 * Reads this kiosk's health (database and WAL size, free disk, outbox depth and oldest pending
 * change, last successful sync, clock offset, backup age) and rates each reading against the
 * thresholds in shared/health.
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
    last_sync: deps.syncs ? minutesSince(status.lastSyncAt, now) : 0,
    clock_offset: deps.syncs ? (offset === null ? null : Math.round(offset / 1000)) : 0,
    backup_age: minutesSince(deps.lastBackupAt(), now),
  };
  return evaluateHealth(readings);
}
