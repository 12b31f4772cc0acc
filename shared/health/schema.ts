import type { SyncedRowBase } from '../synced-row.js';

/**
 * One unexpected error on a device: a handler or a job that threw something other than an
 * AppError. Only a code (the error's class or its system code) and a place (`api:<method>` or
 * `job:<id>`) are kept, never its message, which may name a person or hold their input. Written
 * once and never edited; the only change a row ever sees is its retention (soft delete).
 */
export interface ErrorLogRow extends SyncedRowBase {
  device_id: string;
  code: string;
  place: string;
  app_version: string;
  occurred_at: string;
  deleted_at: string | null;
}

/** How many days a kind of data is kept at a site; a missing row means the kind's default. */
export interface RetentionSettingRow extends SyncedRowBase {
  kind: string;
  days: number;
}

export interface HealthTables {
  error_log: ErrorLogRow;
  retention_settings: RetentionSettingRow;
}

export const HEALTH_TABLES: readonly (keyof HealthTables)[] = ['retention_settings', 'error_log'];
