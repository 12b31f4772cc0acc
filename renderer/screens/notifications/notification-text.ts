import type { TFunction } from 'i18next';
import { formatDateTime } from '../../i18n/format.js';
import type { NotificationEntry } from '../../stores/notifications-store.js';

const str = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

const num = (v: unknown, lang: string): string =>
  typeof v === 'number' ? new Intl.NumberFormat(lang, { maximumFractionDigits: 2 }).format(v) : str(v);

/** What happened, for the kinds whose params hold readings rather than a person's words. */
function whatOf(n: NotificationEntry, t: TFunction, lang: string): string {
  const p = n.params;
  switch (n.kind) {
    case 'fuel_anomaly':
      return t('notifications.what.fuel', {
        kind: t(`fuel.anomalies.kind.${str(p.anomaly)}`),
        amount: t('fuel.anomalies.howMuch', {
          expected: num(p.expected, lang),
          seen: num(p.seen, lang),
          unit: str(p.unit),
        }),
      });
    case 'link_failover':
      return t('notifications.what.failover', { from: str(p.from), to: str(p.to) });
    case 'health_alert':
      return t('notifications.what.health', { check: t(`health.checks.${str(p.check)}`), device: str(p.device) });
    default:
      return str(p.whatHappened);
  }
}

/**
 * A notification's title and body in the reader's language, from its kind and params: the row
 * holds no text, so the same notification reads in French on one kiosk and English on another.
 */
export function notificationText(n: NotificationEntry, t: TFunction, lang: string): { title: string; body: string } {
  const p = n.params;
  const fr = lang.startsWith('fr');
  const values = {
    title: str(fr ? p.titleFr : p.titleEn) || str(p.code),
    level: str(fr ? p.levelFr : p.levelEn),
    severity: p.severity ? t(`incidents.severity.${str(p.severity)}`) : '',
    type: p.type ? t(`incidents.type.${str(p.type)}`) : '',
    what: whatOf(n, t, lang),
    who: n.personName ?? '',
    number: str(p.number),
    due: p.dueAt ? formatDateTime(str(p.dueAt), lang) : '',
    expires: p.expiresAt ? formatDateTime(str(p.expiresAt), lang) : '',
  };
  return {
    title: t(`notifications.kind.${n.kind}.title`, values),
    body: t(`notifications.kind.${n.kind}.body`, values),
  };
}
