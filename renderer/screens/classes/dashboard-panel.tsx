import { useMemo } from 'react';
import type { ChartConfiguration } from 'chart.js';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import {
  CLASS_STATUSES,
  MAX_HORIZON_WEEKS,
  MIN_HORIZON_WEEKS,
  PAYMENT_STATUSES,
} from '../../../shared/classes/generation.js';
import type { ClassesStore } from '../../stores/classes-store.js';
import { ChartView } from './chart-view.js';
import { intlLocale } from '../../i18n/format.js';

const STATUS_COLORS = { scheduled: '#0a4fa3', completed: '#0f6b36', cancelled: '#6b7785', no_show: '#a4001d' };
const PAYMENT_COLORS = { pending: '#b35c00', paid: '#0f6b36', waived: '#5b3fa3', refunded: '#6b7785' };

/** The old dashboard's daily, weekly and monthly figures, and charts that follow synced data. */
export function DashboardPanel({ store }: { store: ClassesStore }) {
  const { t, i18n } = useTranslation();
  const f = useStore(store, (s) => s.figures);
  const settings = useStore(store, (s) => s.settings);
  const busy = useStore(store, (s) => s.busy);

  const status = useMemo<ChartConfiguration>(
    () => ({
      type: 'doughnut',
      data: {
        labels: CLASS_STATUSES.map((s) => t(`classes.status.${s}`)),
        datasets: [
          {
            data: CLASS_STATUSES.map((s) => f?.byStatus[s] ?? 0),
            backgroundColor: CLASS_STATUSES.map((s) => STATUS_COLORS[s]),
          },
        ],
      },
      options: { plugins: { legend: { position: 'right', labels: { font: { size: 16 } } } } },
    }),
    [f, t],
  );
  const payment = useMemo<ChartConfiguration>(
    () => ({
      type: 'doughnut',
      data: {
        labels: PAYMENT_STATUSES.map((s) => t(`classes.payment.${s}`)),
        datasets: [
          {
            data: PAYMENT_STATUSES.map((s) => f?.byPayment[s] ?? 0),
            backgroundColor: PAYMENT_STATUSES.map((s) => PAYMENT_COLORS[s]),
          },
        ],
      },
      options: { plugins: { legend: { position: 'right', labels: { font: { size: 16 } } } } },
    }),
    [f, t],
  );
  const months = useMemo<ChartConfiguration>(
    () => ({
      type: 'bar',
      data: {
        labels: (f?.byMonth ?? []).map((m) =>
          new Intl.DateTimeFormat(intlLocale(i18n.language), {
            month: 'short',
            year: 'numeric',
            timeZone: 'UTC',
          }).format(new Date(`${m.month}-15T12:00:00Z`)),
        ),
        datasets: [
          {
            label: t('classes.dashboard.byMonth'),
            data: (f?.byMonth ?? []).map((m) => m.count),
            backgroundColor: '#0a4fa3',
          },
        ],
      },
      options: {
        plugins: { legend: { display: false } },
        scales: {
          y: { beginAtZero: true, ticks: { precision: 0, font: { size: 14 } } },
          x: { ticks: { font: { size: 14 } } },
        },
      },
    }),
    [f, t, i18n.language],
  );

  if (!f) return null;
  const figures: [string, number, string][] = [
    ['createdToday', f.createdToday, 'figure-created-today'],
    ['createdThisWeek', f.createdThisWeek, 'figure-created-week'],
    ['failedToday', f.failedToday, 'figure-failed-today'],
    ['studentsWithMissing', f.studentsWithMissing, 'figure-missing'],
    ['total', f.total, 'figure-total'],
    ['students', f.students, 'figure-students'],
  ];
  return (
    <section className="classes-stack" data-testid="classes-dashboard">
      <ul className="classes-figures">
        {figures.map(([key, value, testId]) => (
          <li
            key={key}
            className={`classes-figure${(key === 'failedToday' || key === 'studentsWithMissing') && value > 0 ? ' classes-figure--alert' : ''}`}
            data-testid={testId}
          >
            <span className="classes-figure__value">{value}</span>
            <span className="classes-figure__label">{t(`classes.dashboard.${key}`)}</span>
          </li>
        ))}
      </ul>
      <p className="screen-hint">
        {t('classes.dashboard.weeklyRuns', { success: f.weeklyRuns.success, failed: f.weeklyRuns.failed })}
      </p>
      <div className="classes-charts">
        <figure className="panel classes-chart-panel">
          <figcaption className="classes-sheet__label">{t('classes.dashboard.byStatus')}</figcaption>
          <ChartView config={status} label={t('classes.dashboard.byStatus')} testId="chart-status" />
        </figure>
        <figure className="panel classes-chart-panel">
          <figcaption className="classes-sheet__label">{t('classes.dashboard.byPayment')}</figcaption>
          <ChartView config={payment} label={t('classes.dashboard.byPayment')} testId="chart-payment" />
        </figure>
        <figure className="panel classes-chart-panel">
          <figcaption className="classes-sheet__label">{t('classes.dashboard.byMonth')}</figcaption>
          <ChartView config={months} label={t('classes.dashboard.byMonth')} testId="chart-months" />
        </figure>
      </div>
      {settings && (
        <div className="panel classes-horizon">
          <span className="classes-sheet__label">{t('classes.dashboard.horizon')}</span>
          <button
            type="button"
            className="button button--secondary"
            aria-label={t('classes.dashboard.fewer')}
            disabled={busy || settings.horizonWeeks <= MIN_HORIZON_WEEKS}
            onClick={() => void store.getState().setHorizon(settings.horizonWeeks - 1)}
          >
            −
          </button>
          <strong className="classes-horizon__value" data-testid="horizon-weeks">
            {t('classes.dashboard.weeks', { count: settings.horizonWeeks })}
          </strong>
          <button
            type="button"
            className="button button--secondary"
            aria-label={t('classes.dashboard.more')}
            disabled={busy || settings.horizonWeeks >= MAX_HORIZON_WEEKS}
            onClick={() => void store.getState().setHorizon(settings.horizonWeeks + 1)}
          >
            +
          </button>
        </div>
      )}
    </section>
  );
}
