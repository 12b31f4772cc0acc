/**
 * The synced tables, declared once as Kysely types. The kiosk (SQLite) and the server (PostgreSQL)
 * hold the same columns, so a mutator written against `SyncedDatabase` runs on both.
 * Timestamps are ISO-8601 strings; JSON columns are text holding JSON.
 */
export interface SyncedRowBase {
  id: string;
  site_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface SiteRow extends SyncedRowBase {
  kind: 'restaurant' | 'vessel';
  name: string;
  timezone: string;
  idle_lock_seconds: number;
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

export interface SyncedDatabase {
  sites: SiteRow;
  roles: RoleRow;
  users: UserRow;
  user_roles: UserRoleRow;
  audit_log: AuditRow;
}

export type SyncedTable = keyof SyncedDatabase;

/** Tables whose rows never change once written; the stores refuse UPDATE and DELETE on them. */
export const INSERT_ONLY_TABLES: readonly SyncedTable[] = ['audit_log'];

export const SYNCED_TABLES: readonly SyncedTable[] = ['sites', 'roles', 'users', 'user_roles', 'audit_log'];
