import { intlLocale } from '../../i18n/format.js';

/** A site calendar date (YYYY-MM-DD) as the language writes it; the date is the site's, so no zone shift. */
export const formatDate = (d: string, lang: string) =>
  new Intl.DateTimeFormat(intlLocale(lang), { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${d}T00:00:00Z`),
  );
