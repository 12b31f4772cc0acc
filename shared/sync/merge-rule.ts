import { decodeHlc, encodeHlc } from '../hlc.js';

/**
 * The merge rule for mutable rows, per field: the edit made later wins. "Later" is judged on the
 * time an edit was made, not the order edits reach shore, so a vessel back after a week at sea
 * cannot overwrite newer shore edits with week-old values. Pure functions, used by the central
 * writer; kept here so the rule reads in one place.
 */

/** What the sync service knows about when and where a pushed edit came from. */
export interface EditOrigin {
  /** The device clock minus the service's, as the service measured it for that device (ms). */
  clockOffsetMs: number;
  /** When the service received the edit (its own clock, ms). */
  receivedAt: number;
}

/**
 * When an edit was made, as the service reckons it: the mutation's HLC with its wall time moved
 * by the device's measured clock offset, and never later than the moment the service received it
 * (a kiosk whose clock runs ahead cannot win everything). Counter and node stay, so two edits in
 * the same millisecond still order the same way everywhere.
 *
 * @example
 * // A kiosk 5 days behind that made an edit 1 minute before pushing it:
 * madeAt(encodeHlc({ wall: received - 5 * DAY - 60_000, counter: 0, node: 'k' }), { clockOffsetMs: -5 * DAY, receivedAt: received })
 * // → wall = received - 60_000
 */
export function madeAt(hlc: string, origin: EditOrigin): string {
  const t = decodeHlc(hlc);
  const corrected = Math.max(0, Math.min(t.wall - origin.clockOffsetMs, origin.receivedAt));
  return encodeHlc({ ...t, wall: corrected });
}

/** A field an edit wanted to change but that had been changed by an edit made later. */
export interface LostField {
  field: string;
  /** The value the losing edit wanted. */
  mine: unknown;
  /** The value that stays, from the later edit. */
  kept: unknown;
  /** When the value that stays was written (a field stamp). */
  keptAt: string;
}

export interface FieldMerge {
  /** The fields this edit changes, with their new values. */
  apply: Record<string, unknown>;
  /** The new stamps of the fields in `apply`. */
  stamps: Record<string, string>;
  /** Fields this edit lost: their values stay as they were. */
  lost: LostField[];
}

/**
 * Merges one edit of a row, field by field:
 * - a field the edit sets to the value it already has is no edit at all: nothing to apply, stamp
 *   or report (a form that sends every field must not claim the ones nobody touched);
 * - a field last written by an edit made later than this one keeps its value, and this edit's
 *   value for it is reported as lost;
 * - any other field takes this edit's value and its stamp.
 *
 * `stampOf` says when a field was last written (null: unknown, treated as long ago).
 */
export function mergeFields(
  edit: { patch: Record<string, unknown>; at: string },
  current: Record<string, unknown>,
  stampOf: (field: string) => string | null,
): FieldMerge {
  const merge: FieldMerge = { apply: {}, stamps: {}, lost: [] };
  for (const [field, value] of Object.entries(edit.patch)) {
    if (sameValue(value, current[field])) continue;
    const last = stampOf(field);
    if (last !== null && last > edit.at) {
      merge.lost.push({ field, mine: value, kept: current[field], keptAt: last });
      continue;
    }
    merge.apply[field] = value;
    merge.stamps[field] = edit.at;
  }
  return merge;
}

/** Values as the two databases hand them back: numbers may come as strings (bigint), dates as Date. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || a === undefined || b === undefined) return false;
  const norm = (v: unknown) =>
    v instanceof Date ? v.toISOString() : typeof v === 'object' ? JSON.stringify(v) : String(v);
  return norm(a) === norm(b);
}
