import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../shared/api/contract.js';
import type { ErrorData } from '../../../shared/errors.js';
import { useServices } from '../../app/services.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { formatPercent } from '../../i18n/format.js';
import '../../styles/training.css';
import { BackButton } from '../../components/back-button.js';
import { BarChart } from './bar-chart.js';
import { pick } from './rich-text.js';
import { TrendsPanel } from './trends-panel.js';
import { useDataChanged } from './use-area-store.js';

type Analytics = MethodOutput<'training.analytics'>;
const TABLES = [
  'training_attempts',
  'training_section_progress',
  'training_certificates',
  'training_certificate_revocations',
  'training_assignments',
];

/** Supervisors' training numbers for the site, live: they reload when synced rows arrive. */
export function AnalyticsScreen() {
  const { t, i18n } = useTranslation();
  const { api } = useServices();
  const [data, setData] = useState<Analytics | null>(null);
  const [error, setError] = useState<ErrorData | null>(null);
  const load = useCallback(() => {
    void api
      .call('training.analytics', {})
      .then((r) => (r.ok ? (setData(r.value), setError(null)) : setError(r.error)));
  }, [api]);
  useEffect(load, [load]);
  useDataChanged(TABLES, load);
  const lang = i18n.language;
  const o = data?.overall;
  const kpi = (label: string, value: string, below = false, id?: string) => (
    <div className={`facts__item${below ? ' kpi--below' : ''}`} data-testid={id}>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );

  return (
    <main id="main" className="screen training" data-testid="screen-analytics">
      <div className="screen__head">
        <h1 className="screen-title">{t('analytics.title')}</h1>
        <BackButton />
      </div>
      <ErrorAlert error={error} />
      {data && o && (
        <>
          <dl className="kpis">
            {kpi(
              `${t('analytics.completion')} (${t('analytics.target', { value: data.targets.completion })})`,
              formatPercent(o.completionRate, lang),
              o.completionRate < data.targets.completion,
              'kpi-completion',
            )}
            {kpi(
              `${t('analytics.passRate')} (${t('analytics.target', { value: data.targets.pass })})`,
              formatPercent(o.passRate, lang),
              o.passRate < data.targets.pass,
              'kpi-pass',
            )}
            {kpi(t('analytics.average'), o.averageScore === null ? '–' : formatPercent(o.averageScore, lang))}
            {kpi(t('analytics.median'), o.medianScore === null ? '–' : formatPercent(o.medianScore, lang))}
            {kpi(t('analytics.active'), String(o.activeLearners24h), false, 'kpi-active')}
            {kpi(t('analytics.issued'), String(o.certificatesIssued), false, 'kpi-issued')}
            {kpi(t('analytics.expiring'), String(o.expiringWithin30Days))}
          </dl>
          <section className="panel" aria-labelledby="per-module">
            <h2 id="per-module" className="section-title">
              {t('analytics.perModule')}
            </h2>
            <BarChart
              testId="module-chart"
              label={t('analytics.chartLabel')}
              labels={data.modules.map((m) => pick(m.title, lang))}
              series={[
                {
                  label: t('analytics.completion'),
                  values: data.modules.map((m) => m.completionRate),
                  color: '#0a4fa3',
                },
                { label: t('analytics.passRate'), values: data.modules.map((m) => m.passRate), color: '#0f6b36' },
              ]}
              targets={[
                { label: t('analytics.completionTarget'), value: data.targets.completion, color: '#a4001d' },
                { label: t('analytics.passTarget'), value: data.targets.pass, color: '#8a6100' },
              ]}
            />
          </section>
          <TrendsPanel />
          <section className="panel" aria-labelledby="at-risk">
            <h2 id="at-risk" className="section-title">
              {t('analytics.atRisk')}
            </h2>
            {data.atRisk.length === 0 && <p className="screen-hint">{t('analytics.noneAtRisk')}</p>}
            <ul data-testid="at-risk">
              {data.atRisk.map((r) => (
                <li key={r.userId}>
                  <strong>{r.name}</strong>:{' '}
                  {r.reasons
                    .map((x) =>
                      x.kind === 'overdue'
                        ? t('analytics.overdue', { title: pick(x.title, lang) })
                        : t('analytics.repeatedFails', { title: pick(x.title, lang) }),
                    )
                    .join(' · ')}
                </li>
              ))}
            </ul>
          </section>
          <section className="panel" aria-labelledby="misconceptions">
            <h2 id="misconceptions" className="section-title">
              {t('practical.misconceptions')}
            </h2>
            {data.misconceptions.length === 0 && <p className="screen-hint">{t('practical.noMisconceptions')}</p>}
            <ol data-testid="misconceptions">
              {data.misconceptions.map((m) => (
                <li key={m.questionId}>
                  <strong>{pick(m.prompt, lang)}</strong> ({pick(m.moduleTitle, lang)}):{' '}
                  {t('practical.confidentWrong', { count: m.confidentWrong })}
                </li>
              ))}
            </ol>
          </section>
        </>
      )}
    </main>
  );
}
