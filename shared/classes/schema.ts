import type { SyncedRowBase } from '../synced-row.js';

/** One row per site: how far ahead classes are generated. Id derived from the site. */
export interface ClassSettingsRow extends SyncedRowBase {
  horizon_weeks: number;
}

export interface StudentRow extends SyncedRowBase {
  first_name: string;
  last_name: string;
  course: string;
  /** YYYY-MM-DD at the site. */
  start_date: string;
  end_date: string | null;
  /** JSON array of { weekday (1 Monday-7 Sunday), start 'HH:MM', durationMinutes }. */
  schedule: string;
  /** When the current schedule, start or end date took effect; null: from the start date. */
  schedule_since: string | null;
  deleted_at: string | null;
}

export interface ClassRow extends SyncedRowBase {
  student_id: string;
  course: string;
  /** The site's wall clock: YYYY-MM-DD and HH:MM. */
  date: string;
  start: string;
  duration_minutes: number;
  /** The same moment as an instant (UTC ISO), for "still ahead" checks on both databases. */
  starts_at: string;
  status: 'scheduled' | 'completed' | 'cancelled' | 'no_show';
  payment_status: 'pending' | 'paid' | 'waived' | 'refunded';
  status_changed_by: string | null;
  status_changed_at: string | null;
  payment_changed_by: string | null;
  payment_changed_at: string | null;
  deleted_at: string | null;
}

/**
 * One entry per generation run. Never edited; the only change a row ever sees is the retention
 * job's soft delete after 30 days, which is why the table is not insert-only (insert-only rows
 * cannot be removed at all, and a hard delete would not reach other replicas).
 */
export interface ClassGenerationLogRow extends SyncedRowBase {
  student_id: string | null;
  operation: 'created' | 'updated' | 'scheduled' | 'catch-up' | 'manual' | 'fix';
  status: 'success' | 'skipped' | 'failed';
  message: string;
  classes_created: number;
  classes_removed: number;
  /** JSON (skipped students, an error) or null. */
  error_detail: string | null;
  device_id: string;
  user_id: string | null;
  deleted_at: string | null;
}

/**
 * Synced tables of the classes area, merged into SyncedDatabase (shared/schema.ts).
 * Each table: UUID id, site_id, created_at, updated_at (see SyncedRowBase).
 */
export interface ClassesTables {
  class_settings: ClassSettingsRow;
  students: StudentRow;
  classes: ClassRow;
  class_generation_logs: ClassGenerationLogRow;
}

/** In dependency order (referenced tables first): pulled pages apply in this order. */
export const CLASSES_TABLES: readonly (keyof ClassesTables)[] = [
  'class_settings',
  'students',
  'classes',
  'class_generation_logs',
];
export const CLASSES_INSERT_ONLY: readonly (keyof ClassesTables)[] = [];
