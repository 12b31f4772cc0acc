import type { z } from 'zod';

/** What is wrong with one field of a form, in words a translation can say ("at most 120 characters"). */
export type FieldProblemKind =
  | 'required'
  | 'too_long'
  | 'too_short'
  | 'too_high'
  | 'too_low'
  | 'not_a_number'
  | 'in_past'
  | 'before_start'
  | 'invalid';

/**
 * One field's problem, the same shape whether the kiosk's form found it before sending or the
 * contract refused it at the boundary, so one translation names the field in both cases.
 */
export interface FieldProblem {
  field: string;
  problem: FieldProblemKind;
  limit?: number;
}

/**
 * Field problems from zod issues: the last path segment names the field.
 *
 * @example
 * fieldProblemsFromZod(schema.safeParse({ title: 'x'.repeat(121) }).error.issues)
 * // [{ field: 'title', problem: 'too_long', limit: 120 }]
 */
export function fieldProblemsFromZod(issues: readonly z.core.$ZodIssue[]): FieldProblem[] {
  return issues.map((i) => {
    const field = String(i.path.length ? i.path[i.path.length - 1] : '');
    if (i.code === 'too_big')
      return { field, problem: i.origin === 'string' ? 'too_long' : 'too_high', limit: Number(i.maximum) };
    if (i.code === 'too_small') {
      if (i.origin === 'string' && Number(i.minimum) <= 1) return { field, problem: 'required' };
      return { field, problem: i.origin === 'string' ? 'too_short' : 'too_low', limit: Number(i.minimum) };
    }
    if (i.code === 'invalid_type' && i.expected === 'number') return { field, problem: 'not_a_number' };
    if (i.code === 'invalid_type' && i.input === undefined) return { field, problem: 'required' };
    return { field, problem: 'invalid' };
  });
}

/**
 * A score typed by hand, 0 to 100, or empty for "not scored". Never clamped or dropped: "150" and
 * "abc" are problems the person sees, not numbers quietly changed.
 */
export function parseScore(text: string, field: string): { value: number | null } | { problem: FieldProblem } {
  const s = text.trim().replace(',', '.');
  if (s === '') return { value: null };
  if (!/^\d+(\.\d+)?$/.test(s)) return { problem: { field, problem: 'not_a_number' } };
  const n = Number(s);
  if (n > 100) return { problem: { field, problem: 'too_high', limit: 100 } };
  return { value: n };
}
