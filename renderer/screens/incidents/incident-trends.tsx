import type { ChartConfiguration } from 'chart.js';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TREND_GRAINS, type TrendBucket, type TrendGrain } from '../../../shared/incidents/trends.js';
import { SEVERITIES } from '../../../shared/incidents/workflow.js';
import { Chooser } from '../../components/chooser.js';
import { ChartView } from '../classes/chart-view.js';

export const SEVERITY_COLOURS = { low: '#5b8def', medium: '#e0a100', high: '#e06c00', critical: '#c62828' } as const;

/** A bucket's label for the axis, in the reader's language (labels are site wall-clock dates). */
function axisLabel(grain: TrendGrain, label: string, lang: string): string {
  if (grain === 'hour') return `${label.slice(11, 13)}:00`;
  const utc = (d: string) => new Date(`${d}T00:00:00Z`);
  if (grain === 'month')
    return new Intl.DateTimeFormat(lang, { month: 'short', year: '2-digit', timeZone: 'UTC' }).format(
      utc(`${label}-01`),
    );
  return new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(utc(label));
}

/**
 * Incidents reported per hour, day, week or month, stacked by severity (chart.js). The grain is a
 * row of large buttons, not a hover menu; the chart follows the dashboard's synced data.
 */
export function IncidentTrends({ trends }: { trends: Record<TrendGrain, TrendBucket[]> }) {
  const { t, i18n } = useTranslation();
  const [grain, setGrain] = useState<TrendGrain>('day');
  const buckets = trends[grain];
  const total = buckets.reduce((n, b) => n + SEVERITIES.reduce((m, s) => m + b.counts[s], 0), 0);
  const config = useMemo<ChartConfiguration>(
    () => ({
      type: 'bar',
      data: {
        labels: buckets.map((b) => axisLabel(grain, b.label, i18n.language)),
        datasets: SEVERITIES.map((s) => ({
          label: t(`incidents.severity.${s}`),
          data: buckets.map((b) => b.counts[s]),
          backgroundColor: SEVERITY_COLOURS[s],
        })),
      },
      options: {
        scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } },
      },
    }),
    [buckets, grain, i18n.language, t],
  );
  return (
    <figure className="incident-trends" data-testid="incident-trends">
      <figcaption>
        {t('incidents.dashboard.trends')} ·{' '}
        <span data-testid="trend-total">{t(`incidents.dashboard.span.${grain}`, { count: total })}</span>
      </figcaption>
      <Chooser
        label={t('incidents.dashboard.trendsBy')}
        options={TREND_GRAINS}
        value={grain}
        onChange={setGrain}
        text={(g) => t(`incidents.dashboard.grain.${g}`)}
        testId={(g) => `trend-${g}`}
      />
      <ChartView
        config={config}
        label={`${t('incidents.dashboard.trends')} · ${t(`incidents.dashboard.span.${grain}`, { count: total })}`}
        testId="chart-trends"
      />
    </figure>
  );
}
