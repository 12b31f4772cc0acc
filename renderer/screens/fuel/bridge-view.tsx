import { useMemo } from 'react';
import type { ChartConfiguration } from 'chart.js';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { intlLocale } from '../../i18n/format.js';
import type { FuelSeriesMinute, FuelStore, LiveSeries } from '../../stores/fuel-store.js';
import { ChartView } from '../classes/chart-view.js';

const COLOURS = ['#1d4ed8', '#b45309', '#047857', '#7c3aed'];
const SPEED_COLOUR = '#0d1b2a';

const fmt = (v: number | null, lang: string, digits = 1) =>
  v === null
    ? null
    : v.toLocaleString(intlLocale(lang), { maximumFractionDigits: digits, minimumFractionDigits: digits });

const timeTick = (lang: string) => (v: string | number) =>
  new Date(Number(v)).toLocaleTimeString(intlLocale(lang), { hour: '2-digit', minute: '2-digit' });

/** Fuel rate of each engine (left axis) and speed through water (right axis), the last ten minutes. */
function liveChart(series: LiveSeries, t: TFunction, lang: string): ChartConfiguration<'line'> {
  const engines = Object.keys(series)
    .filter((k) => k.startsWith('fuel_rate#'))
    .sort();
  return {
    type: 'line',
    data: {
      datasets: [
        ...engines.map((k, i) => ({
          label: t('fuel.bridge.engine', { n: k.split('#')[1] }),
          data: series[k],
          borderColor: COLOURS[i % COLOURS.length],
          backgroundColor: COLOURS[i % COLOURS.length],
          pointRadius: 0,
          borderWidth: 3,
          yAxisID: 'rate',
        })),
        {
          label: t('fuel.bridge.stw'),
          data: series.stw ?? [],
          borderColor: SPEED_COLOUR,
          backgroundColor: SPEED_COLOUR,
          borderDash: [6, 4],
          pointRadius: 0,
          borderWidth: 2,
          yAxisID: 'speed',
        },
      ],
    },
    options: {
      parsing: false,
      normalized: true,
      scales: {
        x: { type: 'linear', ticks: { callback: timeTick(lang), maxTicksLimit: 6 } },
        rate: { position: 'left', title: { display: true, text: t('fuel.bridge.rateAxis') } },
        speed: {
          position: 'right',
          // From zero, in knots to one decimal: hundredths of noise tell the bridge nothing.
          beginAtZero: true,
          ticks: {
            callback: (v: string | number) => Number(v).toLocaleString(intlLocale(lang), { maximumFractionDigits: 1 }),
          },
          grid: { drawOnChartArea: false },
          title: { display: true, text: t('fuel.bridge.speedAxis') },
        },
      },
    },
  };
}

/** Mean fuel rate of each engine per minute over the last 24 hours. */
function dayChart(minutes: FuelSeriesMinute[], t: TFunction, lang: string): ChartConfiguration<'line'> {
  const engines = [...new Set(minutes.map((m) => m.engine))].sort((a, b) => a - b);
  return {
    type: 'line',
    data: {
      datasets: engines.map((e, i) => ({
        label: t('fuel.bridge.engine', { n: e }),
        data: minutes
          .filter((m) => m.engine === e && m.fuelLph !== null)
          .map((m) => ({ x: Date.parse(m.minute), y: m.fuelLph! })),
        borderColor: COLOURS[i % COLOURS.length],
        backgroundColor: COLOURS[i % COLOURS.length],
        pointRadius: 0,
        borderWidth: 2,
      })),
    },
    options: {
      parsing: false,
      scales: {
        x: { type: 'linear', ticks: { callback: timeTick(lang), maxTicksLimit: 8 } },
        y: { title: { display: true, text: t('fuel.bridge.rateAxis') } },
      },
    },
  };
}

/** The bridge: the newest readings in large print, the live chart, tanks and the day's minutes. */
export function BridgeView({ store }: { store: FuelStore }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const live = useStore(store, (s) => s.live);
  const series = useStore(store, (s) => s.series);
  const minutes = useStore(store, (s) => s.minutes);
  const liveConfig = useMemo(() => liveChart(series, t, lang), [series, t, lang]);
  const dayConfig = useMemo(() => dayChart(minutes, t, lang), [minutes, t, lang]);
  const tanksConfig = useMemo<ChartConfiguration<'bar'>>(
    () => ({
      type: 'bar',
      data: {
        labels: (live?.tanks ?? []).map((k) => `${k.tank} · ${k.fuelType}`),
        datasets: [
          { label: t('fuel.bridge.m3'), data: (live?.tanks ?? []).map((k) => k.volumeM3), backgroundColor: COLOURS[2] },
        ],
      },
      options: { indexAxis: 'y', plugins: { legend: { display: false } } },
    }),
    [live?.tanks, t],
  );
  const none = t('fuel.bridge.none');
  const hasFeed = !!live && (live.engines.length > 0 || live.stwKn !== null || live.sogKn !== null);

  return (
    <div className="fuel-bridge" data-testid="fuel-bridge">
      {!hasFeed && live && (
        <p className="panel screen-hint" data-testid="fuel-no-feed">
          {t('fuel.bridge.noFeed')}
        </p>
      )}
      {hasFeed && (
        <ul className="fuel-readouts" aria-live="polite">
          <li className="fuel-readout" data-testid="fuel-stw">
            <span className="fuel-readout__label">{t('fuel.bridge.stw')}</span>
            <strong className="fuel-readout__value">
              {live.stwKn === null ? none : t('fuel.bridge.kn', { value: fmt(live.stwKn, lang) })}
            </strong>
          </li>
          <li className="fuel-readout" data-testid="fuel-sog">
            <span className="fuel-readout__label">{t('fuel.bridge.sog')}</span>
            <strong className="fuel-readout__value">
              {live.sogKn === null ? none : t('fuel.bridge.kn', { value: fmt(live.sogKn, lang) })}
            </strong>
          </li>
          {live.engines.map((e) => (
            <li key={e.engine} className="fuel-readout" data-testid={`fuel-engine-${e.engine}`}>
              <span className="fuel-readout__label">{t('fuel.bridge.engine', { n: e.engine })}</span>
              <strong className="fuel-readout__value">
                {e.litresPerHour === null ? none : t('fuel.bridge.lph', { value: fmt(e.litresPerHour, lang) })}
              </strong>
              <span className="fuel-readout__sub">
                {e.rpm === null ? none : t('fuel.bridge.rpm', { value: fmt(e.rpm, lang, 0) })}
              </span>
            </li>
          ))}
        </ul>
      )}
      <section className="panel fuel-chart fuel-chart--live" aria-labelledby="fuel-live-title">
        <h2 id="fuel-live-title" className="section-title">
          {t('fuel.bridge.liveTitle')}
        </h2>
        <ChartView config={liveConfig} label={t('fuel.bridge.liveLabel')} testId="fuel-live-chart" />
      </section>
      <div className="fuel-bridge__pair">
        <section className="panel fuel-chart" aria-labelledby="fuel-tanks-title">
          <h2 id="fuel-tanks-title" className="section-title">
            {t('fuel.bridge.tanksTitle')}
          </h2>
          {(live?.tanks.length ?? 0) === 0 ? (
            <p className="screen-hint">{t('fuel.bridge.noTanks')}</p>
          ) : (
            <ChartView config={tanksConfig} label={t('fuel.bridge.tanksLabel')} testId="fuel-tanks-chart" />
          )}
        </section>
        <section className="panel fuel-chart" aria-labelledby="fuel-day-title">
          <h2 id="fuel-day-title" className="section-title">
            {t('fuel.bridge.dayTitle')}
          </h2>
          {minutes.length === 0 ? (
            <p className="screen-hint">{t('fuel.bridge.noMinutes')}</p>
          ) : (
            <ChartView config={dayConfig} label={t('fuel.bridge.dayLabel')} testId="fuel-day-chart" />
          )}
        </section>
      </div>
    </div>
  );
}
