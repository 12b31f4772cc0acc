import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices, useSlice } from '../app/services.js';
import { ErrorAlert } from '../components/error-alert.js';
import { formatDateTime } from '../i18n/format.js';
import type { AuditEntry } from '../stores/audit-store.js';
import { BackButton } from './area-screen.js';

/** "from: manager, to: staff" — the detail object as short readable pairs. */
const describeDetail = (detail: AuditEntry['detail']) =>
  Object.entries(detail)
    .filter(([, v]) => v !== null && v !== undefined && typeof v !== 'object')
    .map(([k, v]) => `${k}: ${String(v)}`)
    .join(', ');

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
        <div className="table-wrap">
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
                  <td className="table__nowrap">{formatDateTime(e.createdAt, i18n.language)}</td>
                  <td>{t(`audit.actions.${e.action}`, { defaultValue: e.action })}</td>
                  <td>{e.actorName ?? t('audit.kiosk')}</td>
                  <td>{e.subjectName ?? ''}</td>
                  <td>{describeDetail(e.detail)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </main>
  );
}
