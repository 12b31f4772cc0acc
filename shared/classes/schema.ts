/**
 * Synced tables of the classes area, merged into SyncedDatabase (shared/schema.ts).
 * Each table: UUID id, site_id, created_at, updated_at (see SyncedRowBase).
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ClassesTables {}

/** In dependency order (referenced tables first): pulled pages apply in this order. */
export const CLASSES_TABLES: readonly (keyof ClassesTables)[] = [];
export const CLASSES_INSERT_ONLY: readonly (keyof ClassesTables)[] = [];
