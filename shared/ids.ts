import { v5 as uuidv5, v7 as uuidv7 } from 'uuid';

/** Namespace for ids derived from natural keys; never change it, or replicas stop merging. */
export const SHIFTDECK_NAMESPACE = '6f1c3f0e-2b7a-4c55-9a43-5d0f0b8f4e21';

/** A new time-ordered id for a row created once (an incident, an audit entry). */
export const newId = (): string => uuidv7();

// A part holding the separator must not run into the next one ('a|b','c' vs 'a','b|c'). Parts
// without '|' or '\' are unchanged, so every id derived before this escaping stays the same.
const escapePart = (part: string) => part.replace(/[\\|]/g, (c) => `\\${c}`);

/**
 * The id of a thing two kiosks could both create offline, from its natural key, so both
 * replicas write the same row and merge instead of duplicating.
 *
 * @example derivedId('user_role', userId, siteId)
 */
export const derivedId = (kind: string, ...key: string[]): string =>
  uuidv5([kind, ...key].map(escapePart).join('|'), SHIFTDECK_NAMESPACE);

export const roleId = (code: string): string => derivedId('role', code);
