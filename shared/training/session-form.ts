import type { FieldProblem } from '../domain/field-problems.js';

/** The contract's limits for a classroom session (shared/training/contract.ts). */
export const SESSION_LIMITS = Object.freeze({ title: 120, location: 120, capacity: 500 });

export interface SessionDraft {
  title: string;
  location: string;
  startsAt: string | null;
  endsAt: string | null;
  capacity: number;
}

/**
 * What stops a classroom session from being planned, field by field: the contract's limits, and a
 * start that has already passed (nobody can attend it, and trainees would be offered it).
 *
 * @example
 * sessionProblems({ title: '', location: 'Galley', startsAt, endsAt, capacity: 8 }, now)
 * // [{ field: 'title', problem: 'required' }]
 */
export function sessionProblems(d: SessionDraft, now: number): FieldProblem[] {
  const out: FieldProblem[] = [];
  const text = (field: 'title' | 'location', value: string) => {
    const v = value.trim();
    if (!v) out.push({ field, problem: 'required' });
    else if (v.length > SESSION_LIMITS[field]) out.push({ field, problem: 'too_long', limit: SESSION_LIMITS[field] });
  };
  text('title', d.title);
  text('location', d.location);
  const start = d.startsAt ? Date.parse(d.startsAt) : NaN;
  if (Number.isNaN(start)) out.push({ field: 'startsAt', problem: 'required' });
  else if (start <= now) out.push({ field: 'startsAt', problem: 'in_past' });
  const end = d.endsAt ? Date.parse(d.endsAt) : NaN;
  if (!Number.isNaN(start) && !Number.isNaN(end) && end <= start)
    out.push({ field: 'endsAt', problem: 'before_start' });
  if (!Number.isInteger(d.capacity)) out.push({ field: 'capacity', problem: 'not_a_number' });
  else if (d.capacity < 1) out.push({ field: 'capacity', problem: 'too_low', limit: 1 });
  else if (d.capacity > SESSION_LIMITS.capacity)
    out.push({ field: 'capacity', problem: 'too_high', limit: SESSION_LIMITS.capacity });
  return out;
}
