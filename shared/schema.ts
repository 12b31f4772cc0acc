import {
  ATTACHMENTS_INSERT_ONLY,
  ATTACHMENTS_SERVER_WRITTEN,
  ATTACHMENTS_TABLES,
  type AttachmentsTables,
} from './attachments/schema.js';
import { CLASSES_INSERT_ONLY, CLASSES_TABLES, type ClassesTables } from './classes/schema.js';
import { INCIDENTS_INSERT_ONLY, INCIDENTS_TABLES, type IncidentsTables } from './incidents/schema.js';
import { COMPLIANCE_INSERT_ONLY, COMPLIANCE_TABLES, type ComplianceTables } from './compliance/schema.js';
import { FUEL_INSERT_ONLY, FUEL_TABLES, type FuelTables } from './fuel/schema.js';
import {
  NOTIFICATIONS_INSERT_ONLY,
  NOTIFICATIONS_SERVER_WRITTEN,
  NOTIFICATIONS_TABLES,
  type NotificationsTables,
} from './notifications/schema.js';
import { DEVICES_TABLES, type DevicesTables } from './devices/schema.js';
import { HEALTH_TABLES, type HealthTables } from './health/schema.js';
import { PEOPLE_TABLES, type PeopleTables } from './people/schema.js';
import type { SyncedRowBase } from './synced-row.js';
import { TABLES_INSERT_ONLY, TABLES_TABLES, type TablesTables } from './tables/schema.js';
import { TRAINING_INSERT_ONLY, TRAINING_TABLES, type TrainingTables } from './training/schema.js';

/**
 * The synced tables, declared once as Kysely types. The kiosk (SQLite) and the server (PostgreSQL)
 * hold the same columns, so a mutator written against `SyncedDatabase` runs on both.
 * Timestamps are ISO-8601 strings; JSON columns are text holding JSON.
 */
export interface SiteRow extends SyncedRowBase {
  kind: 'restaurant' | 'vessel';
  name: string;
  timezone: string;
  idle_lock_seconds: number;
  /** The site's update policy (shared/updates/policy.ts, migration 0025). */
  update_ring: 'pilot' | 'broad';
  update_percent: number;
  update_pinned_version: string | null;
  update_window_start: string;
  update_window_end: string;
  deleted_at: string | null;
}

export interface RoleRow extends SyncedRowBase {
  code: string;
  site_kind: 'restaurant' | 'vessel' | 'any';
  name_en: string;
  name_fr: string;
  /** JSON array of permission codes. */
  permissions: string;
  deleted_at: string | null;
}

export interface UserRow extends SyncedRowBase {
  display_name: string;
  /** `scrypt$N$r$p$salt$hash`, never the PIN. */
  pin_hash: string;
  locale: 'en' | 'fr';
  active: number;
  deleted_at: string | null;
}

export interface UserRoleRow extends SyncedRowBase {
  user_id: string;
  role_id: string;
  deleted_at: string | null;
}

/** Insert-only: a correction is a new entry. */
export interface AuditRow extends SyncedRowBase {
  action: string;
  actor_user_id: string | null;
  subject_user_id: string | null;
  device_id: string;
  hlc: string;
  /** JSON object. */
  detail: string;
}

/**
 * A change the server refused, a change overwritten by a newer one, or a mutation given up after
 * repeated failures. Written by the server only; synced to the site so supervisors see it.
 */
export interface ConflictRow extends SyncedRowBase {
  device_id: string | null;
  seq: number | null;
  mutation: string;
  /** JSON of the mutation's args (or of the overwritten values). */
  args: string;
  user_id: string | null;
  kind: 'rejected' | 'overwritten' | 'dead_letter';
  code: string;
  message: string;
  resolved_at: string | null;
  resolved_by: string | null;
}

export interface SyncedDatabase
  extends
    ClassesTables,
    TrainingTables,
    TablesTables,
    IncidentsTables,
    ComplianceTables,
    FuelTables,
    NotificationsTables,
    PeopleTables,
    HealthTables,
    DevicesTables,
    AttachmentsTables {
  sites: SiteRow;
  roles: RoleRow;
  users: UserRow;
  user_roles: UserRoleRow;
  audit_log: AuditRow;
  conflicts: ConflictRow;
}

export type SyncedTable = keyof SyncedDatabase;

/** Tables whose rows never change once written; the stores refuse UPDATE and DELETE on them. */
export const INSERT_ONLY_TABLES: readonly SyncedTable[] = [
  'audit_log',
  ...CLASSES_INSERT_ONLY,
  ...TRAINING_INSERT_ONLY,
  ...TABLES_INSERT_ONLY,
  ...INCIDENTS_INSERT_ONLY,
  ...COMPLIANCE_INSERT_ONLY,
  ...FUEL_INSERT_ONLY,
  ...NOTIFICATIONS_INSERT_ONLY,
  ...ATTACHMENTS_INSERT_ONLY,
];

/** In dependency order: a row's references come before it, so pulled pages apply in this order. */
export const SYNCED_TABLES: readonly SyncedTable[] = [
  'sites',
  'roles',
  'users',
  'user_roles',
  'audit_log',
  'conflicts',
  ...CLASSES_TABLES,
  ...TRAINING_TABLES,
  ...TABLES_TABLES,
  ...INCIDENTS_TABLES,
  ...COMPLIANCE_TABLES,
  ...FUEL_TABLES,
  ...NOTIFICATIONS_TABLES,
  ...PEOPLE_TABLES,
  ...HEALTH_TABLES,
  ...DEVICES_TABLES,
  ...ATTACHMENTS_TABLES,
];

/** Tables only the server writes; a kiosk mutation may not. */
export const SERVER_WRITTEN_TABLES: readonly SyncedTable[] = [
  'conflicts',
  ...NOTIFICATIONS_SERVER_WRITTEN,
  ...ATTACHMENTS_SERVER_WRITTEN,
];
