import type { SyncedRowBase } from '../synced-row.js';

/** How many of a person's previous PIN hashes are kept to refuse a PIN they used before. */
export const PIN_HISTORY_KEPT = 5;

/**
 * What sign-in needs about a person beyond the users row; its id is the user's id. Kept apart
 * from `users` so the many writers of people (set-up, demo seeds, imports) stay as they are.
 */
export interface PersonSecurityRow extends SyncedRowBase {
  /** JSON array of previous PIN hashes, newest first; never a PIN. */
  pin_history: string;
  /** 1: the next sign-in asks the person for a new PIN (after a reset by an administrator). */
  pin_must_change: number;
  /** Set when a former person's name and identifiers were replaced (GDPR); history stays. */
  anonymised_at: string | null;
}

export interface PeopleTables {
  person_security: PersonSecurityRow;
}

export const PEOPLE_TABLES: readonly (keyof PeopleTables)[] = ['person_security'];
