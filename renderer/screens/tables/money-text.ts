import { intlLocale } from '../../i18n/format.js';

/** Cents as the kiosk's language writes euros (the demo restaurant's currency). */
export const moneyText = (cents: number, lang: string): string =>
  new Intl.NumberFormat(intlLocale(lang), { style: 'currency', currency: 'EUR' }).format(cents / 100);

/** A share's key (seat-2, part-1, guest-3, all, rest) as people read it. */
export function shareName(key: string, t: (k: string, o?: Record<string, unknown>) => string): string {
  const m = /^(seat|part|guest)-(\d+)$/.exec(key);
  if (m) return t(`tables.share.${m[1]}`, { n: m[2] });
  return key === 'all' || key === 'rest' ? t(`tables.share.${key}`) : key;
}

/**
 * Euros as a person types them ("100", "12,50", "12.5") in cents, or null when it is not an amount
 * (empty, negative, more than two decimals).
 *
 * @example parseEuros('12,50') // 1250
 */
export function parseEuros(text: string): number | null {
  const m = /^\s*(\d{1,7})(?:[.,](\d{1,2}))?\s*$/.exec(text);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}
