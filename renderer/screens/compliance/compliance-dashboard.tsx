import type { ChartConfiguration } from 'chart.js';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { AGE_BUCKETS } from '../../../shared/compliance/dashboard.js';
import { useSlice } from '../../app/services.js';
import type { ComplianceDashboardView } from '../../stores/compliance-store.js';
import { ChartView } from '../classes/chart-view.js';
import { intlLocale } from '../../i18n/format.js';
import { useCompliance } from './use-compliance.js';

/** One colour per template, distinct for colour-blind readers (Okabe-Ito), in a fixed order. */
const COLOURS = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#56b4e9', '#000000'];

/** Score and completion trends per template over weeks, and open corrective actions by age. */
export function ComplianceDashboard() {
  const store = useCompliance();
  const dashboard = useSlice(store, (s) => s.dashboard);
  if (!dashboard) return null;
  return <Charts dashboard={dashboard} />;
}

function Charts({ dashboard: d }: { dashboard: ComplianceDashboardView }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'fr' ? 'fr' : 'en';
  // Weeks by their Monday, short ("16 Nov"): eight of them fit under a chart on a portrait screen.
  const labels = useMemo(() => {
    const f = new Intl.DateTimeFormat(intlLocale(lang), { day: 'numeric', month: 'short', timeZone: 'UTC' });
    return d.weeks.map((w) => f.format(new Date(`${w}T00:00:00Z`)));
  }, [d.weeks, lang]);
  const trend = (key: 'score' | 'completion'): ChartConfiguration => ({
    type: key === 'score' ? 'line' : 'bar',
    data: {
      labels,
      datasets: d.templates.map((tpl, i) => ({
        label: tpl.title[lang],
        data: tpl[key],
        borderColor: COLOURS[i % COLOURS.length],
        backgroundColor: COLOURS[i % COLOURS.length],
        spanGaps: true,
      })),
    },
    options: { scales: { y: { min: 0, max: 100, title: { display: true, text: '%' } } } },
  });
  // New objects only when the data change: the chart view replaces its data on a new reference.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const score = useMemo(() => trend('score'), [d, labels]);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const completion = useMemo(() => trend('completion'), [d, labels]);
  const ages = useMemo<ChartConfiguration>(
    () => ({
      type: 'bar',
      data: {
        labels: AGE_BUCKETS.map((b) => t(`compliance.dashboard.age.${b}`)),
        datasets: [
          {
            label: t('compliance.dashboard.openActions'),
            data: AGE_BUCKETS.map((b) => d.openActionsByAge[b]),
            backgroundColor: ['#0072b2', '#e69f00', '#d55e00'],
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

  return (
    <div className="compliance-dashboard" data-testid="compliance-dashboard">
      <figure className="compliance-panel">
        <figcaption className="screen-subtitle">{t('compliance.dashboard.score')}</figcaption>
        <ChartView config={score} label={t('compliance.dashboard.score')} testId="chart-score" />
      </figure>
      <figure className="compliance-panel">
        <figcaption className="screen-subtitle">{t('compliance.dashboard.completion')}</figcaption>
        <ChartView config={completion} label={t('compliance.dashboard.completion')} testId="chart-completion" />
      </figure>
      <figure className="compliance-panel">
        <figcaption className="screen-subtitle">{t('compliance.dashboard.openActions')}</figcaption>
        <ChartView config={ages} label={t('compliance.dashboard.openActions')} testId="chart-action-age" />
      </figure>
    </div>
  );
}
