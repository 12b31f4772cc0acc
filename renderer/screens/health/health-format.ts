import { intlLocale } from '../../i18n/format.js';

type T = (key: string, options?: Record<string, unknown>) => string;

interface Reading {
  unit: 'bytes' | 'count' | 'minutes' | 'seconds' | 'per_hour';
}

const bytes = (n: number, lang: string) => {
  const [value, unit] =
    n >= 1024 ** 3
      ? [n / 1024 ** 3, 'gigabyte']
      : n >= 1024 ** 2
        ? [n / 1024 ** 2, 'megabyte']
        : [n / 1024, 'kilobyte'];
  return new Intl.NumberFormat(intlLocale(lang), {
    style: 'unit',
    unit,
    maximumFractionDigits: value < 10 ? 1 : 0,
  }).format(value);
};

/**
 * A reading or threshold as a person reads it: "1.2 GB", "45 min", "3 h", "12 s", "4 an hour".
 *
 * @example formatReading(t, 'en', { unit: 'minutes' }, 180) // '3 h'
 */
export function formatReading(t: T, lang: string, check: Reading, value: number): string {
  switch (check.unit) {
    case 'bytes':
      return bytes(value, lang);
    case 'minutes':
      if (value >= 120)
        return t('health.unit.hours', {
          value: new Intl.NumberFormat(intlLocale(lang), { maximumFractionDigits: 0 }).format(value / 60),
        });
      return t('health.unit.minutes', { count: value });
    case 'seconds':
      return t('health.unit.seconds', { count: value });
    case 'per_hour':
      return t('health.unit.perHour', { count: value });
    default:
      return new Intl.NumberFormat(intlLocale(lang)).format(value);
  }
}

/** The label of a check: one per route for `route_last_sync`. */
export const checkLabel = (t: T, c: { id: string; subject?: string }) =>
  t(`health.checks.${c.id}`, { route: c.subject ?? '' });

/** The value cell: ages read "45 min ago"; a missing reading reads "Not known" or "None yet". */
export function readingText(
  t: T,
  lang: string,
  c: { id: string; unit: Reading['unit']; value: number | null },
): string {
  if (c.value === null)
    return c.id === 'backup_age' || c.id.endsWith('last_sync') ? t('health.value.none') : t('health.level.unknown');
  const text = formatReading(t, lang, c, c.id === 'clock_offset' ? Math.abs(c.value) : c.value);
  return c.id === 'backup_age' || c.id.endsWith('last_sync') ? t('health.value.ago', { value: text }) : text;
}
