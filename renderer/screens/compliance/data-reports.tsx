import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../shared/api/contract.js';
import { addDays } from '../../../shared/classes/site-time.js';
import { SEVERITIES } from '../../../shared/incidents/workflow.js';
import type { ErrorData } from '../../../shared/errors.js';
import { useServices } from '../../app/services.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { ExportButton } from './export-dialog.js';
import { formatDate } from './format-date.js';

type Training = MethodOutput<'compliance.trainingReport'>;
type Summary = MethodOutput<'compliance.incidentSummary'>;
const HOLDINGS = ['valid', 'expiring', 'expired', 'missing'] as const;

/**
 * Reports built from the synced rows, for supervisors: who holds the certificates their role
 * requires (and what expires within 30 days), and the incidents of a period by type and severity.
 * Each exports with the same builders and formats as a compliance report.
 */
export function DataReports() {
  const { t, i18n } = useTranslation();
  const { api } = useServices();
  const lang = i18n.language === 'fr' ? 'fr' : 'en';
  const [training, setTraining] = useState<Training | null>(null);
  const [period, setPeriod] = useState<{ from: string; to: string } | null>(null);
  const [summary, setSummary] = useState<Summary | null>(null);
  const [error, setError] = useState<ErrorData | null>(null);

  useEffect(() => {
    let live = true;
    void api.call('compliance.trainingReport', {}).then((r) => {
      if (!live) return;
      if (!r.ok) return setError(r.error);
      setTraining(r.value);
      // The site's day on the kiosk clock (not this screen's): the last 30 days up to it.
      const today = r.value.today;
      setPeriod((p) => p ?? { from: addDays(today, -29), to: today });
    });
    return () => void (live = false);
  }, [api]);

  useEffect(() => {
    if (!period || !period.from || !period.to) return;
    let live = true;
    void api.call('compliance.incidentSummary', period).then((r) => {
      if (!live) return;
      setError(r.ok ? null : r.error);
      setSummary(r.ok ? r.value : null);
    });
    return () => void (live = false);
  }, [api, period]);

  const pending = training?.lines.filter((l) => l.status !== 'valid') ?? [];
  return (
    <div className="data-reports" data-testid="data-reports">
      <ErrorAlert error={error} testId="data-reports-error" />
      <section className="compliance-panel" aria-labelledby="training-report-title" data-testid="training-report">
        <div className="data-reports__head">
          <h2 id="training-report-title" className="screen-subtitle">
            {t('exports.training.title')}
          </h2>
          <ExportButton
            testId="export-training"
            request={(format) => api.call('compliance.exportData', { kind: 'training_compliance', format })}
          />
        </div>
        {!training ? (
          <p>{t('common.loading')}</p>
        ) : (
          <>
            <ul className="data-reports__counts">
              {HOLDINGS.map((s) => {
                const n = training.lines.filter((l) => l.status === s).length;
                // Only a count that needs someone is coloured: a yellow zero would ask for attention.
                return (
                  <li key={s} className={n > 0 ? `holding holding--${s}` : 'holding'} data-testid={`holding-${s}`}>
                    <strong>{n}</strong>
                    <span>{t(`exports.training.status.${s}`)}</span>
                  </li>
                );
              })}
            </ul>
            {pending.length === 0 ? (
              <p>{t('exports.training.allValid')}</p>
            ) : (
              <div className="data-reports__table">
                <table className="table">
                  <caption>{t('exports.training.caption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('exports.training.person')}</th>
                      <th scope="col">{t('exports.training.module')}</th>
                      <th scope="col">{t('exports.training.statusLabel')}</th>
                      <th scope="col">{t('exports.training.expires')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {pending.map((l) => (
                      <tr key={`${l.name}-${l.moduleCode}`} data-testid="training-line">
                        <td>{l.name}</td>
                        <td>{l.moduleTitle[lang]}</td>
                        <td>
                          <span className={`holding-pill holding--${l.status}`}>
                            {t(`exports.training.status.${l.status}`)}
                          </span>
                        </td>
                        <td>{l.expiresAt ? formatDate(l.expiresAt.slice(0, 10), lang) : '–'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </>
        )}
      </section>

      <section className="compliance-panel" aria-labelledby="incident-summary-title" data-testid="incident-summary">
        <div className="data-reports__head">
          <h2 id="incident-summary-title" className="screen-subtitle">
            {t('exports.incidents.title')}
          </h2>
          {period && (
            <ExportButton
              testId="export-incidents"
              request={(format) => api.call('compliance.exportData', { kind: 'incident_summary', format, ...period })}
            />
          )}
        </div>
        {period && (
          <div className="form data-reports__period">
            {(['from', 'to'] as const).map((end) => (
              <div key={end} className="field">
                <label htmlFor={`period-${end}`}>{t(`exports.incidents.${end}`)}</label>
                <input
                  id={`period-${end}`}
                  type="date"
                  className="field__control"
                  value={period[end]}
                  data-testid={`period-${end}`}
                  onChange={(e) => setPeriod({ ...period, [end]: e.target.value })}
                />
              </div>
            ))}
          </div>
        )}
        {summary && (
          <>
            <p data-testid="incident-total">
              {t('exports.incidents.total', { count: summary.total, open: summary.open })}
            </p>
            {summary.byType.length > 0 && (
              <div className="data-reports__table">
                <table className="table">
                  <caption>{t('exports.incidents.caption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('exports.incidents.type')}</th>
                      <th scope="col">{t('exports.incidents.count')}</th>
                      <th scope="col">{t('exports.incidents.open')}</th>
                      {SEVERITIES.map((s) => (
                        <th key={s} scope="col">
                          {t(`incidents.severity.${s}`)}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {summary.byType.map((line) => (
                      <tr key={line.type} data-testid="incident-line">
                        <td>{t(`incidents.type.${line.type}`)}</td>
                        <td>{line.total}</td>
                        <td>{line.open}</td>
                        {SEVERITIES.map((s) => (
                          <td key={s}>{line.bySeverity[s] ?? 0}</td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </>
        )}
      </section>
    </div>
  );
}
