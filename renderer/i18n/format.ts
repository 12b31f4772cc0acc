/** Dates, numbers and durations in the kiosk's language, through Intl (no translation keys needed). */

/**
 * The Intl locale for the kiosk's language. The sites are European restaurants and vessels: English
 * is written the British way (day before month, 24-hour clock), never the US default of bare "en".
 */
export const intlLocale = (lang: string): string => (lang.startsWith('fr') ? 'fr-FR' : 'en-GB');

/** A percentage as the language writes it, one decimal at most: "70.6%" / "70,6 %". */
export function formatPercent(value: number, lang: string): string {
  return new Intl.NumberFormat(intlLocale(lang), { style: 'percent', maximumFractionDigits: 1 }).format(value / 100);
}

/** A clock time, with the date too when it is not today: "14:32" or "3 Mar, 14:32". */
export function formatTime(iso: string, locale: string, now: Date = new Date()): string | null {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  const sameDay = date.toDateString() === now.toDateString();
  const options: Intl.DateTimeFormatOptions = sameDay
    ? { hour: '2-digit', minute: '2-digit' }
    : { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' };
  return new Intl.DateTimeFormat(intlLocale(locale), options).format(date);
}

/**
 * Date and time, "01/12/2026, 14:32"; with seconds only where they matter (the audit log). In the
 * display's zone unless `timeZone` names one.
 */
export function formatDateTime(
  iso: string,
  locale: string,
  opts: { seconds?: boolean; timeZone?: string } = {},
): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(intlLocale(locale), {
    dateStyle: 'short',
    timeStyle: opts.seconds ? 'medium' : 'short',
    timeZone: opts.timeZone,
  }).format(date);
}

/** How long ago, in words: "5 minutes ago" / "il y a 5 minutes". */
export function formatAgo(iso: string, locale: string, now: number = Date.now()): string | null {
  const then = new Date(iso).getTime();
  if (Number.isNaN(then)) return null;
  const seconds = Math.round((then - now) / 1000);
  const rtf = new Intl.RelativeTimeFormat(intlLocale(locale), { numeric: 'auto' });
  const abs = Math.abs(seconds);
  if (abs < 60) return rtf.format(seconds, 'second');
  if (abs < 3600) return rtf.format(Math.round(seconds / 60), 'minute');
  if (abs < 86_400) return rtf.format(Math.round(seconds / 3600), 'hour');
  return rtf.format(Math.round(seconds / 86_400), 'day');
}
