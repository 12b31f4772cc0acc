/**
 * Synced tables of the compliance area, merged into SyncedDatabase (shared/schema.ts).
 * Each table: UUID id, site_id, created_at, updated_at (see SyncedRowBase).
 *
 * Templates with site_id NULL are the organisation's, seeded identically on every replica; a
 * published version never changes (an edit is a new draft version), and a report keeps the id of
 * the version it was started on. Answers are one row per (report, item), so two kiosks filling
 * different items of one report never touch the same row; every change of an answer is also an
 * insert-only history row, and every approval step an insert-only signed row.
 */
import type { SyncedRowBase } from '../synced-row.js';
import type { ReportType, ScoringMethod } from './template.js';

export interface ComplianceTemplateRow extends SyncedRowBase {
  /** Stable code shared by every version, e.g. RESTAURANT_OPENING. */
  code: string;
  version: number;
  status: 'draft' | 'published' | 'retired';
  report_type: ReportType;
  site_kind: 'restaurant' | 'vessel' | 'any';
  title_en: string;
  title_fr: string;
  method: ScoringMethod;
  /** JSON TemplateContent (shared/compliance/template.ts). */
  content: string;
  /** SHA-256 of the canonical content (shared/compliance/content-hash.ts). */
  content_hash: string;
  published_at: string | null;
  deleted_at: string | null;
}

export type ReportStatus = 'draft' | 'submitted' | 'reviewed' | 'approved' | 'returned' | 'countersigned';
/** The statuses of a report that counts as handed in for its period (schedules, reminders). */
export const SUBMITTED_STATUSES: readonly ReportStatus[] = ['submitted', 'reviewed', 'approved', 'countersigned'];

export interface ComplianceReportRow extends SyncedRowBase {
  /** The pinned template version. */
  template_id: string;
  template_code: string;
  template_version: number;
  /** The schedule and period (its first date at the site) it answers, or null for an ad hoc report. */
  schedule_id: string | null;
  period: string | null;
  status: ReportStatus;
  started_by: string;
  /** Computed by the mutators from the answers and the pinned version, on the kiosk and on the server. */
  score: number | null;
  max_score: number | null;
  passed: number | null;
  submitted_at: string | null;
  deleted_at: string | null;
}

/** The current answer to one item; id derived from (report, item). */
export interface ComplianceAnswerRow extends SyncedRowBase {
  report_id: string;
  item_id: string;
  /** JSON AnswerValue (shared/compliance/answer.ts). */
  value: string;
  answered_by: string;
  answered_at: string;
  device_id: string;
}

/** Insert-only: every change of an answer, the one that won and the one that lost alike. */
export interface ComplianceAnswerHistoryRow extends SyncedRowBase {
  report_id: string;
  item_id: string;
  /** JSON AnswerValue, or null for the first answer. */
  old_value: string | null;
  new_value: string;
  user_id: string;
  device_id: string;
  /** The change's HLC: orders the history and breaks ties. */
  hlc: string;
  reason: string | null;
  /** JSON array of the history row ids this change was made on top of (the kiosk's heads for the item). */
  base_ids: string;
}

/** Insert-only: one signed approval step. */
export interface ComplianceApprovalRow extends SyncedRowBase {
  report_id: string;
  step: 'submit' | 'review' | 'approve' | 'return' | 'countersign';
  from_status: ReportStatus;
  to_status: ReportStatus;
  user_id: string;
  /** The signer's role at the site when signing, read by the mutator from user_roles. */
  role_code: string;
  comment: string | null;
  /** The report's score and answers hash when signed: what the signer saw. */
  score: number | null;
  answers_hash: string;
  device_id: string;
}

/** A recurring report a role must fill at a site. */
export interface ComplianceScheduleRow extends SyncedRowBase {
  template_code: string;
  frequency: 'daily' | 'weekly' | 'monthly' | 'quarterly' | 'yearly';
  /** The role that fills it (its home screen shows it due). */
  role_code: string;
  /** Site wall clock: the first period starts on this date; due by due_time on the period's last day. */
  starts_on: string;
  due_time: string;
  deleted_at: string | null;
}

/**
 * Insert-only: one signed move of an action (the `actions` table of the incidents area): started,
 * or done with a note saying what was done. The action's status is the latest step's.
 */
export interface ActionStepRow extends SyncedRowBase {
  action_id: string;
  from_status: 'open' | 'in_progress' | 'done' | 'cancelled';
  to_status: 'open' | 'in_progress' | 'done' | 'cancelled';
  note: string | null;
  user_id: string;
  /** The signer's role at the site when signing, read by the mutator from user_roles. */
  role_code: string;
  device_id: string;
}

export interface ComplianceTables {
  compliance_templates: ComplianceTemplateRow;
  compliance_schedules: ComplianceScheduleRow;
  compliance_reports: ComplianceReportRow;
  compliance_answers: ComplianceAnswerRow;
  compliance_answer_history: ComplianceAnswerHistoryRow;
  compliance_approvals: ComplianceApprovalRow;
  action_steps: ActionStepRow;
}

/** In dependency order (referenced tables first): pulled pages apply in this order. */
export const COMPLIANCE_TABLES: readonly (keyof ComplianceTables)[] = [
  'compliance_templates',
  'compliance_schedules',
  'compliance_reports',
  'compliance_answers',
  'compliance_answer_history',
  'compliance_approvals',
  'action_steps',
];
export const COMPLIANCE_INSERT_ONLY: readonly (keyof ComplianceTables)[] = [
  'compliance_answer_history',
  'compliance_approvals',
  'action_steps',
];
