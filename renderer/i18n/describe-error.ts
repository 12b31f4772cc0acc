import type { TFunction } from 'i18next';
import type { ErrorData } from '../../shared/errors.js';
import { ERROR_CODES } from '../../shared/errors.js';
import type { FieldProblem } from '../../shared/domain/field-problems.js';
import { formatTime } from './format.js';

/**
 * One field's problem in the kiosk's language, naming the field by its label.
 *
 * @example
 * describeFieldProblem(t, { field: 'title', problem: 'too_long', limit: 120 }) // 'Title: at most 120 characters.'
 */
export function describeFieldProblem(t: TFunction, p: FieldProblem): string {
  // An unknown field still says which one, by its name in the contract.
  const field = t(`fields.${p.field}`, { defaultValue: p.field });
  return t(`fieldProblem.${p.problem}`, { field, limit: p.limit ?? '' });
}

const problemsOf = (d: Record<string, unknown>): FieldProblem[] =>
  Array.isArray(d.problems)
    ? (d.problems as FieldProblem[]).filter((p) => p && typeof p.field === 'string' && typeof p.problem === 'string')
    : [];

/**
 * The sentence a person reads for an error: always the translation of its code, with the details
 * the translation needs, never the English `message` from the core.
 *
 * @example
 * describeError(t, 'fr', { code: 'PIN_INVALID', message: '…', details: { attemptsLeft: 2 } })
 * // 'Code PIN erroné. Encore 2 essais avant le blocage de cette personne.'
 *
 * `now` decides whether a time needs its date too (a lock that ends tomorrow); tests pass their own.
 */
export function describeError(t: TFunction, locale: string, error: ErrorData, now: Date = new Date()): string {
  const d = error.details ?? {};
  switch (error.code) {
    case 'VALIDATION_FAILED': {
      const problems = problemsOf(d);
      return problems.length
        ? problems.map((p) => describeFieldProblem(t, p)).join(' ')
        : t('errors.VALIDATION_FAILED');
    }
    case 'PIN_INVALID':
      return typeof d.attemptsLeft === 'number'
        ? t('errors.PIN_INVALID_attempts', { count: d.attemptsLeft })
        : t('errors.PIN_INVALID');
    case 'USER_LOCKED': {
      const time = typeof d.lockedUntil === 'string' ? formatTime(d.lockedUntil, locale, now) : null;
      return time ? t('errors.USER_LOCKED_until', { time }) : t('errors.USER_LOCKED');
    }
    case 'FORBIDDEN':
      return d.reason === 'own_role' || d.reason === 'role_exceeds_yours' || d.reason === 'person_exceeds_you'
        ? t(`errors.FORBIDDEN_${d.reason}`)
        : t('errors.FORBIDDEN');
    case 'CONFLICT':
      // People management says which rule refused (a PIN in use, a former person...): people.errors.
      return typeof d.reason === 'string'
        ? t(`people.errors.${d.reason}`, { defaultValue: t('errors.CONFLICT') })
        : t('errors.CONFLICT');
    case 'INTERNAL':
      return d.reason === 'unreachable' ? t('errors.INTERNAL_unreachable') : t('errors.INTERNAL');
    default:
      return (ERROR_CODES as readonly string[]).includes(error.code)
        ? t(`errors.${error.code}`, { ...d })
        : t('errors.INTERNAL');
  }
}
