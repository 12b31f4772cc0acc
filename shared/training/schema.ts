/**
 * Synced tables of the training area, merged into SyncedDatabase (shared/schema.ts).
 * Each table: UUID id, site_id, created_at, updated_at (see SyncedRowBase).
 *
 * Content (modules, sections, questions, paths) with site_id NULL is the organisation's, seeded
 * identically on every replica; content an author writes at a kiosk belongs to the author's site.
 * Progress, attempts and certificates always belong to the site where they happened.
 */
import type { SyncedRowBase } from '../synced-row.js';

export interface TrainingModuleRow extends SyncedRowBase {
  /** Stable code shared by every version, e.g. FOOD_SAFETY_101. */
  code: string;
  version: number;
  /** A published version never changes; an edit is a new draft version. */
  status: 'draft' | 'published' | 'retired';
  title_en: string;
  title_fr: string;
  description_en: string;
  description_fr: string;
  /** JSON {en: string[], fr: string[]}. */
  objectives: string;
  difficulty: number;
  estimated_minutes: number;
  /** JSON array of module codes to complete first. */
  prerequisites: string;
  pass_threshold: number;
  max_attempts: number;
  cooldown_minutes: number;
  /** Days a certificate stays valid; 0 = never expires. */
  validity_days: number;
  /** A free code grouping modules in the catalogue (food_safety, fire, ...); 'general' by default. */
  category: string;
  published_at: string | null;
  deleted_at: string | null;
}

export interface TrainingSectionRow extends SyncedRowBase {
  module_id: string;
  position: number;
  title_en: string;
  title_fr: string;
  /** Light markup: paragraphs separated by blank lines, "- " bullet lines. */
  body_en: string;
  body_fr: string;
  /** A file name under resources/training-images (served as `training-images/<name>`), or null. */
  image: string | null;
  deleted_at: string | null;
}

export interface TrainingQuestionRow extends SyncedRowBase {
  module_id: string;
  position: number;
  kind: 'single' | 'multiple';
  prompt_en: string;
  prompt_fr: string;
  /** JSON [{id, en, fr}]. */
  options: string;
  /** JSON array of the correct option ids. */
  correct: string;
  weight: number;
  explanation_en: string;
  explanation_fr: string;
  /**
   * The situation of a scenario question, or null for a plain one. Consecutive questions with the
   * same situation are one scenario: a chain answered step by step.
   */
  scenario_en: string | null;
  scenario_fr: string | null;
  deleted_at: string | null;
}

/** One thing a learner demonstrates in a practical assessment, observed by an instructor. */
export interface TrainingPracticalItemRow extends SyncedRowBase {
  module_id: string;
  position: number;
  title_en: string;
  title_fr: string;
  weight: number;
  /** 1: not competent on this item fails the assessment whatever the score. */
  critical: number;
  deleted_at: string | null;
}

/**
 * Insert-only: an instructor's verdict on one item of one attempt, confirmed with their PIN. The
 * id derives from (attempt, item): a second verdict for the same item is never a second row.
 */
export interface TrainingPracticalSignoffRow extends SyncedRowBase {
  attempt_id: string;
  item_id: string;
  instructor_id: string;
  competent: number;
  note: string;
}

/** One person's progress on one section; id derived from (user, section) so kiosks merge. */
export interface TrainingSectionProgressRow extends SyncedRowBase {
  user_id: string;
  module_id: string;
  section_id: string;
  module_version: number;
  completed_at: string | null;
  time_spent_seconds: number;
  bookmarked: number;
  last_viewed_at: string;
}

export interface TrainingAttemptRow extends SyncedRowBase {
  user_id: string;
  module_id: string;
  module_version: number;
  started_at: string;
  submitted_at: string | null;
  /** When the written part was answered; a practical attempt is scored (submitted_at) only once every item is signed off. */
  answered_at: string | null;
  /** Computed by the mutator from the responses, on the kiosk and again on the server. */
  score: number | null;
  passed: number | null;
}

/** Insert-only: every answer given, with how long it took. */
export interface TrainingResponseRow extends SyncedRowBase {
  attempt_id: string;
  question_id: string;
  /** JSON array of chosen option ids. */
  selected: string;
  correct: number;
  response_ms: number;
  /** How sure the learner said they were, 1-5, or null when not asked. */
  confidence: number | null;
}

/** Insert-only; a revocation is a row of training_certificate_revocations. */
export interface TrainingCertificateRow extends SyncedRowBase {
  user_id: string;
  module_id: string;
  attempt_id: string | null;
  number: string;
  verification_code: string;
  issued_at: string;
  expires_at: string | null;
  /** The signed payload exactly as signed (JSON text). */
  payload: string;
  signature: string;
  key_id: string;
}

export interface TrainingCertificateRevocationRow extends SyncedRowBase {
  certificate_id: string;
  reason: string;
  revoked_by: string | null;
}

/** The site's certificate template: one row per site, id derived from the site. */
export interface TrainingCertificateTemplateRow extends SyncedRowBase {
  signatory_name: string;
  signatory_title: string;
  logo_mime: 'image/png' | 'image/jpeg' | null;
  logo_base64: string | null;
}

/** A device's certificate-signing public key (Ed25519, raw 32 bytes as base64url). */
export interface TrainingSigningKeyRow extends SyncedRowBase {
  key_id: string;
  device_id: string;
  public_key: string;
  revoked_at: string | null;
}

export interface TrainingSessionRow extends SyncedRowBase {
  module_id: string | null;
  title: string;
  instructor_id: string;
  location: string;
  starts_at: string;
  ends_at: string;
  capacity: number;
  status: 'scheduled' | 'completed' | 'cancelled';
  deleted_at: string | null;
}

/** id derived from (session, user): one row per person per session, whichever kiosk enrolled them. */
export interface TrainingEnrollmentRow extends SyncedRowBase {
  session_id: string;
  user_id: string;
  status: 'enrolled' | 'waitlisted' | 'cancelled';
  /** When the person asked for a seat: the waitlist's order. */
  requested_at: string;
  attended: number | null;
  practical_score: number | null;
  written_score: number | null;
}

export interface TrainingPathRow extends SyncedRowBase {
  code: string;
  kind: 'onboarding' | 'role_specific' | 'compliance' | 'professional_development';
  title_en: string;
  title_fr: string;
  /** JSON array of module codes in order. */
  module_codes: string;
  /** JSON array of role codes the path is meant for. */
  role_codes: string;
  deleted_at: string | null;
}

/** A path or module assigned to a person; id derived from (what, user). */
export interface TrainingAssignmentRow extends SyncedRowBase {
  user_id: string;
  path_id: string | null;
  module_code: string | null;
  due_at: string | null;
  assigned_by: string | null;
  deleted_at: string | null;
}

/** Insert-only: feedback after a module. */
export interface TrainingFeedbackRow extends SyncedRowBase {
  user_id: string;
  module_id: string;
  content_rating: number;
  instructor_rating: number | null;
  materials_rating: number;
  comment: string;
}

export interface TrainingTables {
  training_modules: TrainingModuleRow;
  training_sections: TrainingSectionRow;
  training_questions: TrainingQuestionRow;
  training_paths: TrainingPathRow;
  training_signing_keys: TrainingSigningKeyRow;
  training_section_progress: TrainingSectionProgressRow;
  training_attempts: TrainingAttemptRow;
  training_responses: TrainingResponseRow;
  training_certificates: TrainingCertificateRow;
  training_certificate_revocations: TrainingCertificateRevocationRow;
  training_certificate_templates: TrainingCertificateTemplateRow;
  training_sessions: TrainingSessionRow;
  training_enrollments: TrainingEnrollmentRow;
  training_assignments: TrainingAssignmentRow;
  training_feedback: TrainingFeedbackRow;
  training_practical_items: TrainingPracticalItemRow;
  training_practical_signoffs: TrainingPracticalSignoffRow;
}

/** In dependency order (referenced tables first): pulled pages apply in this order. */
export const TRAINING_TABLES: readonly (keyof TrainingTables)[] = [
  'training_modules',
  'training_sections',
  'training_questions',
  'training_paths',
  'training_signing_keys',
  'training_section_progress',
  'training_attempts',
  'training_responses',
  'training_certificates',
  'training_certificate_revocations',
  'training_certificate_templates',
  'training_sessions',
  'training_enrollments',
  'training_assignments',
  'training_feedback',
  'training_practical_items',
  'training_practical_signoffs',
];
export const TRAINING_INSERT_ONLY: readonly (keyof TrainingTables)[] = [
  'training_responses',
  'training_certificates',
  'training_certificate_revocations',
  'training_feedback',
  'training_practical_signoffs',
];
