import type { ChartConfiguration } from 'chart.js';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { OPEN_STAGES, SEVERITIES } from '../../../shared/incidents/workflow.js';
import { formatPercent } from '../../i18n/format.js';
import type { createIncidentsStore } from '../../stores/incidents-store.js';
import { FigureTile } from '../../components/figure-tile.js';
import { ChartView } from '../classes/chart-view.js';
import { IncidentTrends, SEVERITY_COLOURS } from './incident-trends.js';

type Store = ReturnType<typeof createIncidentsStore>;

/** Open incidents by stage and severity (chart.js) and by place, SLA compliance, mean times and trends; reloads on synced changes. */
export function IncidentDashboard({ store }: { store: Store }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language.startsWith('fr') ? 'fr' : 'en';
  const d = useStore(store, (s) => s.dashboard);
  const places = useStore(store, (s) => s.places);
  const byStage = useMemo<ChartConfiguration>(
    () => ({
      type: 'bar',
      data: {
        labels: OPEN_STAGES.map((s) => t(`incidents.stage.${s}`)),
        datasets: [
          {
            label: t('incidents.dashboard.byStage'),
            data: OPEN_STAGES.map((s) => d?.byStage[s] ?? 0),
            backgroundColor: '#1f5fa8',
          },
        ],
      },
      options: {
        plugins: { legend: { display: false } },
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
      },
    }),
    [d, t],
  );
  const bySeverity = useMemo<ChartConfiguration>(
    () => ({
      type: 'doughnut',
      data: {
        labels: SEVERITIES.map((s) => t(`incidents.severity.${s}`)),
        datasets: [
          {
            data: SEVERITIES.map((s) => d?.bySeverity[s] ?? 0),
            backgroundColor: SEVERITIES.map((s) => SEVERITY_COLOURS[s]),
          },
        ],
      },
    }),
    [d, t],
  );
  if (!d) return null;
  const minutes = (v: number | null) =>
    v === null ? t('incidents.dashboard.none') : t('incidents.dashboard.minutes', { value: Math.round(v) });
  return (
    <section className="incident-dashboard" data-testid="incident-dashboard">
      <div className="figure-tiles">
        <FigureTile label={t('incidents.dashboard.open')} value={d.open} testId="figure-open" />
        <FigureTile
          label={t('incidents.dashboard.compliance')}
          value={
            d.compliancePercent === null
              ? t('incidents.dashboard.none')
              : formatPercent(d.compliancePercent, i18n.language)
          }
          testId="figure-compliance"
        />
        <FigureTile label={t('incidents.dashboard.meanAck')} value={minutes(d.meanAckMinutes)} />
        <FigureTile label={t('incidents.dashboard.meanResolve')} value={minutes(d.meanResolveMinutes)} />
      </div>
      <div className="incident-charts">
        <figure>
          <figcaption>{t('incidents.dashboard.byStage')}</figcaption>
          <ChartView config={byStage} label={t('incidents.dashboard.byStage')} testId="chart-stage" />
        </figure>
        <figure>
          <figcaption>{t('incidents.dashboard.bySeverity')}</figcaption>
          <ChartView config={bySeverity} label={t('incidents.dashboard.bySeverity')} testId="chart-severity" />
        </figure>
      </div>
      <IncidentTrends trends={d.trends} />
      {Object.keys(d.byPlace).length > 0 && (
        <>
          <h3>{t('incidents.dashboard.byPlace')}</h3>
          <ul className="incident-entries" data-testid="dashboard-by-place">
            {Object.entries(d.byPlace)
              .sort((a, b) => b[1] - a[1])
              .map(([id, n]) => (
                <li key={id}>
                  <strong>{n}</strong> · {places.find((p) => p.id === id)?.name[lang] ?? '?'}
                </li>
              ))}
          </ul>
        </>
      )}
      {d.escalations.length > 0 && (
        <>
          <h3>{t('incidents.dashboard.escalations')}</h3>
          <ul className="incident-entries">
            {d.escalations.map((e) => (
              <li key={e.escalationId}>
                <strong>{e.levelName[lang]}</strong> · {t(`incidents.severity.${e.severity}`)} · {e.whatHappened}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
