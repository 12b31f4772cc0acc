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
