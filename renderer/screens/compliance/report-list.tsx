import { useTranslation } from 'react-i18next';
import { useSlice } from '../../app/services.js';
import { formatDateTime } from '../../i18n/format.js';
import { formatDate } from './format-date.js';
import { useCompliance } from './use-compliance.js';

/** Due and late reports of the person's role, reports in progress, and a new report from a template. */
export function ReportList() {
  const { t, i18n } = useTranslation();
  const store = useCompliance();
  const due = useSlice(store, (s) => s.due);
  const reports = useSlice(store, (s) => s.reports);
  const templates = useSlice(store, (s) => s.templates);
  const busy = useSlice(store, (s) => s.busy);
  const lang = i18n.language === 'fr' ? 'fr' : 'en';
  const actions = store.getState();

  return (
    <div className="compliance-list">
      <section className="compliance-panel" aria-labelledby="compliance-due">
        <h2 id="compliance-due" className="screen-subtitle">
          {t('compliance.due.title')}
        </h2>
        {due?.length === 0 && <p className="screen-hint">{t('compliance.due.empty')}</p>}
        <ul className="compliance-rows" data-testid="compliance-due">
          {due?.map((d) => (
            <li key={`${d.scheduleId}-${d.period}`} className={`compliance-row compliance-row--${d.status}`}>
              <div className="compliance-row__text">
                <strong>{d.title[lang]}</strong>
                <span>
                  {t('compliance.due.period', { date: formatDate(d.period, lang) })} ·{' '}
                  {t(`compliance.due.status.${d.status}`, { time: formatDateTime(d.dueAt, lang) })}
                </span>
              </div>
              {d.templateId && (
                <button
                  type="button"
                  className="button button--primary"
                  disabled={busy}
                  onClick={() => void actions.start(d.templateId!, d.scheduleId, d.period)}
                >
                  {d.reportId ? t('compliance.due.resume') : t('compliance.due.start')}
                </button>
              )}
            </li>
          ))}
        </ul>
      </section>

      <section className="compliance-panel" aria-labelledby="compliance-open">
        <h2 id="compliance-open" className="screen-subtitle">
          {t('compliance.open.title')}
        </h2>
        {reports?.length === 0 && <p className="screen-hint">{t('compliance.open.empty')}</p>}
        <ul className="compliance-rows" data-testid="compliance-reports">
          {reports?.map((r) => (
            <li key={r.id} className="compliance-row">
              <div className="compliance-row__text">
                <strong>{r.title[lang]}</strong>
                <span>
                  <span className={`compliance-status compliance-status--${r.status}`}>
                    {t(`compliance.status.${r.status}`)}
                  </span>{' '}
                  {formatDateTime(r.updatedAt, lang)}
                </span>
              </div>
              <button
                type="button"
                className="button button--secondary"
                disabled={busy}
                onClick={() => void actions.openReport(r.id)}
              >
                {t('compliance.open.open')}
              </button>
            </li>
          ))}
        </ul>
      </section>

      <section className="compliance-panel" aria-labelledby="compliance-new">
        <h2 id="compliance-new" className="screen-subtitle">
          {t('compliance.templates.title')}
        </h2>
        <div className="compliance-templates">
          {templates?.map((tpl) => (
            <button
              key={tpl.id}
              type="button"
              className="button button--secondary compliance-template"
              data-testid={`compliance-new-${tpl.code}`}
              disabled={busy}
              onClick={() => void actions.start(tpl.id)}
            >
              <span>{tpl.title[lang]}</span>
              <small>{t(`compliance.method.${tpl.method}`)}</small>
            </button>
          ))}
        </div>
      </section>
    </div>
  );
}
