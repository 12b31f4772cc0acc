import type { SyncedRowBase } from '../synced-row.js';

/**
 * One enrolled kiosk of the site, its id the device's. The device reports its own state every
 * quarter of an hour (`devices.report`); an administrator renames or revokes it. `online` is 1
 * when the device's last report found its link to shore (or the hub) answering.
 */
export interface DeviceStatusRow extends SyncedRowBase {
  name: string;
  app_version: string;
  online: number;
  /** The route upstream in use at the report (`hub`, `fibre`, `satellite`), when it has several. */
  route: string | null;
  last_sync_at: string | null;
  pending: number;
  oldest_pending_at: string | null;
  reported_at: string;
  revoked_at: string | null;
  revoked_by: string | null;
}

export interface DevicesTables {
  device_status: DeviceStatusRow;
}

export const DEVICES_TABLES: readonly (keyof DevicesTables)[] = ['device_status'];
