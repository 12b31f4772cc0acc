import type { TFunction } from 'i18next';
import type { ErrorData } from '../../shared/errors.js';
import { ERROR_CODES } from '../../shared/errors.js';
import { formatTime } from './format.js';

/**
 * The sentence a person reads for an error: always the translation of its code, with the details
 * the translation needs, never the English `message` from the core.
 *
 * @example
 * describeError(t, 'fr', { code: 'PIN_INVALID', message: '…', details: { attemptsLeft: 2 } })
 * // 'Code PIN erroné. Encore 2 essais avant le blocage de cette personne.'
 */
export function describeError(t: TFunction, locale: string, error: ErrorData): string {
  const d = error.details ?? {};
  switch (error.code) {
    case 'PIN_INVALID':
      return typeof d.attemptsLeft === 'number' ? t('errors.PIN_INVALID_attempts', { count: d.attemptsLeft }) : t('errors.PIN_INVALID');
    case 'USER_LOCKED': {
      const time = typeof d.lockedUntil === 'string' ? formatTime(d.lockedUntil, locale) : null;
      return time ? t('errors.USER_LOCKED_until', { time }) : t('errors.USER_LOCKED');
    }
    case 'FORBIDDEN':
      return d.reason === 'own_role' || d.reason === 'role_exceeds_yours' || d.reason === 'person_exceeds_you' ? t(`errors.FORBIDDEN_${d.reason}`) : t('errors.FORBIDDEN');
    case 'INTERNAL':
      return d.reason === 'unreachable' ? t('errors.INTERNAL_unreachable') : t('errors.INTERNAL');
    default:
      return (ERROR_CODES as readonly string[]).includes(error.code) ? t(`errors.${error.code}`, { ...d }) : t('errors.INTERNAL');
  }
}
