import type { TFunction } from 'i18next';
import { formatDateTime } from '../../i18n/format.js';
import type { NotificationEntry } from '../../stores/notifications-store.js';

const str = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

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
    what: str(p.whatHappened),
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
