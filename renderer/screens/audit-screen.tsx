import { useEffect } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { DEFAULT_ROLES } from '../../shared/permissions.js';
import { useServices, useSlice } from '../app/services.js';
import { ErrorAlert } from '../components/error-alert.js';
import { formatDateTime } from '../i18n/format.js';
import type { AuditEntry } from '../stores/audit-store.js';
import { BackButton } from '../components/back-button.js';

const ROLE_NAMES = new Map(DEFAULT_ROLES.map((r) => [r.id, r.name]));
const ROLE_KEYS = new Set(['role', 'from', 'to']);

/** "Role: Manager → Staff" style pairs; role codes become role names, unknown keys stay as they are. */
function describeDetail(detail: AuditEntry['detail'], t: TFunction, lang: string): string {
  return Object.entries(detail)
    .filter(([, v]) => v !== null && v !== undefined && typeof v !== 'object')
    .map(([k, v]) => {
      const role = ROLE_KEYS.has(k) ? ROLE_NAMES.get(String(v)) : undefined;
      const value = role ? (lang === 'fr' ? role.fr : role.en) : String(v);
      return `${t(`audit.detailKeys.${k}`, { defaultValue: k })}: ${value}`;
    })
    .join(', ');
}

/** The audit log of this site: who did what, when, newest first. */
export function AuditScreen() {
  const { t, i18n } = useTranslation();
  const { audit } = useServices();
  const entries = useSlice(audit, (s) => s.entries);
  const loading = useSlice(audit, (s) => s.loading);
  const error = useSlice(audit, (s) => s.error);

  useEffect(() => {
    void audit.getState().load();
  }, [audit]);

  return (
    <main id="main" className="screen" data-testid="screen-audit">
      <div className="screen__head">
        <h1 className="screen-title">{t('audit.title')}</h1>
        <BackButton />
      </div>
      <ErrorAlert error={error} />
      {loading && !entries && <p className="screen-hint">{t('common.loading')}</p>}
      {entries && entries.length === 0 && <p className="screen-hint">{t('audit.empty')}</p>}
      {entries && entries.length > 0 && (
        // A region that scrolls sideways in portrait: focusable, so the keyboard can scroll it too.
        <div
          className="table-wrap"
          tabIndex={0}
          role="region"
          aria-label={t('audit.caption')}
          data-testid="audit-table-wrap"
        >
          <table className="table" data-testid="audit-table">
            <caption>{t('audit.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('audit.time')}</th>
                <th scope="col">{t('audit.action')}</th>
                <th scope="col">{t('audit.actor')}</th>
                <th scope="col">{t('audit.subject')}</th>
                <th scope="col">{t('audit.detail')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id} data-action={e.action}>
                  <td className="table__nowrap">{formatDateTime(e.createdAt, i18n.language, { seconds: true })}</td>
                  <td>{t(`audit.actions.${e.action}`, { defaultValue: e.action })}</td>
                  <td>{e.actorName ?? t('audit.kiosk')}</td>
                  <td>{e.subjectName ?? ''}</td>
                  <td>{describeDetail(e.detail, t, i18n.language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </main>
  );
}
