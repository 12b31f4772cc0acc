/**
 * Synced tables of the training area, merged into SyncedDatabase (shared/schema.ts).
 * Each table: UUID id, site_id, created_at, updated_at (see SyncedRowBase).
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface TrainingTables {}

/** In dependency order (referenced tables first): pulled pages apply in this order. */
export const TRAINING_TABLES: readonly (keyof TrainingTables)[] = [];
export const TRAINING_INSERT_ONLY: readonly (keyof TrainingTables)[] = [];
