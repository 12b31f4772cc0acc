import type { ChartConfiguration } from 'chart.js';
import { useCallback, useEffect, useMemo } from 'react';
import { useStore } from 'zustand';
import { useTranslation } from 'react-i18next';
import { SALES_PERIODS } from '../../../shared/tables/analytics.js';
import { PAYMENT_METHODS } from '../../../shared/tables/payment-mutations.js';
import { TICKET_STATUSES } from '../../../shared/tables/ticket-flow.js';
import { BackButton } from '../../components/back-button.js';
import { Chooser } from '../../components/chooser.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { FigureTile } from '../../components/figure-tile.js';
import { createSalesStore, type SalesView } from '../../stores/sales-store.js';
import { ChartView } from '../classes/chart-view.js';
import { useAreaStore, useDataChanged } from '../training/use-area-store.js';
import { moneyText } from './money-text.js';
import { ServicePanel } from './service-panel.js';
import '../../styles/tables.css';

type Sales = SalesView;
const SALES_TABLES = ['payments', 'order_lines', 'kitchen_tickets', 'service_settings', 'service_shifts'];
const METHOD_COLOURS = { cash: '#2e7d32', card: '#1f5fa8', voucher: '#e0a100' } as const;

/** A bar chart of cents per bucket, in euros on the axis. */
function takingsChart(buckets: Sales['byHour'], labels: string[], label: string): ChartConfiguration {
  return {
    type: 'bar',
    data: {
      labels,
      datasets: [{ label, data: buckets.map((b) => b.cents / 100), backgroundColor: '#1f5fa8' }],
    },
    options: { plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true } } },
  };
}

/**
 * The owner's figures for table service: takings by hour and day, payment methods, the items sold
 * most, kitchen ticket times, voids and comps. Read from the kiosk's own synced rows, so they show
 * offline, and reloaded when synced data changes. The period is a row of large buttons.
 */
export function SalesScreen() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const fr = lang.startsWith('fr');
  const store = useAreaStore('sales', createSalesStore);
  const period = useStore(store, (s) => s.period);
  const sales = useStore(store, (s) => s.sales);
  const error = useStore(store, (s) => s.error);
  const reload = useCallback(() => {
    void store.getState().load();
    void store.getState().loadService();
  }, [store]);
  useEffect(reload, [reload]);
  useDataChanged(SALES_TABLES, reload);

  const money = (c: number) => moneyText(c, lang);
  const byHour = useMemo(
    () =>
      sales &&
      takingsChart(
        sales.byHour,
        sales.byHour.map((b) => `${b.label.slice(11, 13)}h`),
        t('tables.sales.byHour'),
      ),
    [sales, t],
  );
  const byDay = useMemo(
    () =>
      sales &&
      takingsChart(
        sales.byDay,
        sales.byDay.map((b) =>
          new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(
            new Date(`${b.label}T00:00:00Z`),
          ),
        ),
        t('tables.sales.byDay'),
      ),
    [sales, lang, t],
  );
  const methods = useMemo<ChartConfiguration | null>(
    () =>
      sales && {
        type: 'doughnut',
        data: {
          labels: PAYMENT_METHODS.map((m) => t(`tables.method.${m}`)),
          datasets: [
            {
              data: PAYMENT_METHODS.map((m) => sales.methods[m] / 100),
              backgroundColor: PAYMENT_METHODS.map((m) => METHOD_COLOURS[m]),
            },
          ],
        },
      },
    [sales, t],
  );
  const tickets = useMemo<ChartConfiguration | null>(
    () =>
      sales && {
        type: 'bar',
        data: {
          labels: TICKET_STATUSES.map((s) => t(`tables.ticket.${s}`)),
          datasets: [
            {
              label: t('tables.sales.tickets'),
              data: TICKET_STATUSES.map((s) => sales.ticketsByStatus[s]),
              backgroundColor: '#5b8def',
            },
          ],
        },
        options: {
          plugins: { legend: { display: false } },
          scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
        },
      },
    [sales, t],
  );

  const charts: [string, ChartConfiguration | null, string][] = [
    [t('tables.sales.byHour'), byHour, 'chart-sales-hour'],
    [t('tables.sales.byDay'), byDay, 'chart-sales-day'],
    [t('tables.sales.methods'), methods, 'chart-sales-methods'],
    [t('tables.sales.tickets'), tickets, 'chart-sales-tickets'],
  ];
  return (
    <main id="main" className="screen sales-screen" data-testid="screen-sales">
      <div className="screen__head">
        <h1 className="screen-title">{t('tables.sales.title')}</h1>
        <BackButton />
      </div>
      <ServicePanel store={store} />
      <h2 className="section-title">{t('tables.sales.figuresTitle')}</h2>
      <ErrorAlert error={error} />
      <Chooser
        label={t('tables.sales.periodLabel')}
        options={SALES_PERIODS}
        value={period}
        onChange={(p) => void store.getState().choose(p)}
        text={(p) => t(`tables.sales.period.${p}`)}
        testId={(p) => `sales-${p}`}
      />
      {!sales && !error && <p className="screen-hint">{t('common.loading')}</p>}
      {sales && (
        <>
          <div className="figure-tiles">
            <FigureTile label={t('tables.sales.taken')} value={money(sales.takenCents)} testId="sales-taken" />
            <FigureTile label={t('tables.sales.bills')} value={sales.bills} testId="sales-bills" />
            <FigureTile
              label={t('tables.sales.average')}
              value={sales.averageBillCents === null ? '—' : money(sales.averageBillCents)}
              testId="sales-average"
            />
            <FigureTile label={t('tables.sales.tips')} value={money(sales.tipsCents)} testId="sales-tips" />
            <FigureTile
              label={t('tables.sales.ticketTime')}
              value={
                sales.ticketMinutes === null
                  ? '—'
                  : t('tables.sales.minutes', {
                      value: new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(sales.ticketMinutes),
                    })
              }
              testId="sales-ticket-time"
            />
            <FigureTile
              label={t('tables.sales.voids')}
              value={t('tables.sales.counted', { count: sales.voids.count, money: money(sales.voids.cents) })}
              testId="sales-voids"
            />
            <FigureTile
              label={t('tables.sales.comps')}
              value={t('tables.sales.counted', { count: sales.comps.count, money: money(sales.comps.cents) })}
              testId="sales-comps"
            />
          </div>
          <div className="sales-charts">
            {charts.map(
              ([caption, config, testId]) =>
                config && (
                  <figure key={testId}>
                    <figcaption>{caption}</figcaption>
                    <ChartView config={config} label={caption} testId={testId} />
                  </figure>
                ),
            )}
          </div>
          <h2 className="section-title">{t('tables.sales.items')}</h2>
          {sales.items.length === 0 ? (
            <p className="screen-hint">{t('tables.sales.noItems')}</p>
          ) : (
            <div className="table-wrap" tabIndex={0} role="region" aria-label={t('tables.sales.items')}>
              <table className="table" data-testid="sales-items">
                <thead>
                  <tr>
                    <th scope="col">{t('tables.sales.item')}</th>
                    <th scope="col">{t('tables.sales.portions')}</th>
                    <th scope="col">{t('tables.sales.amount')}</th>
                  </tr>
                </thead>
                <tbody>
                  {sales.items.map((i) => (
                    <tr key={i.itemId}>
                      <td>{fr ? i.nameFr : i.nameEn}</td>
                      <td>{i.quantity}</td>
                      <td>{money(i.cents)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </main>
  );
}
