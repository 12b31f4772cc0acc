import { useEffect, useMemo } from 'react';
import type { ChartConfiguration } from 'chart.js';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useServices } from '../../app/services.js';
import { BackButton } from '../../components/back-button.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { formatDateTime, formatPercent, intlLocale } from '../../i18n/format.js';
import { createLinksStore, type LinksState } from '../../stores/links-store.js';
import { ChartView } from '../classes/chart-view.js';
import '../../styles/links.css';

// The screen follows the routes live; the core probes on its own clock, this only reads.
const REFRESH_MS = 2_000;
const COLOURS = ['#1d4ed8', '#b45309', '#047857', '#7c3aed'];

/** The latency chart's data: one line per route, one point per probe round (a gap for a lost probe). */
function latencyChart(links: LinksState, lang: string): ChartConfiguration<'line'> {
  const times = [...new Set(links.latency.map((p) => p.at))];
  const labels = times.map((at) => new Date(at).toLocaleTimeString(intlLocale(lang)));
  return {
    type: 'line',
    data: {
      labels,
      datasets: links.routes.map((r, i) => {
        const byTime = new Map(links.latency.filter((p) => p.route === r.name).map((p) => [p.at, p.ms]));
        return {
          label: r.name,
          data: times.map((at) => byTime.get(at) ?? null),
          borderColor: COLOURS[i % COLOURS.length],
          backgroundColor: COLOURS[i % COLOURS.length],
          spanGaps: false,
          pointRadius: 2,
        };
      }),
    },
    options: { scales: { y: { beginAtZero: true, title: { display: true, text: 'ms' } } } },
  };
}

/** Links (supervisors): every route upstream, its state and latency, the switches, manual control. */
export function LinksScreen() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { api } = useServices();
  const store = useMemo(() => createLinksStore({ api }), [api]);
  const links = useStore(store, (s) => s.links);
  const error = useStore(store, (s) => s.error);
  const busy = useStore(store, (s) => s.busy);

  useEffect(() => {
    void store.getState().load();
    const timer = window.setInterval(() => void store.getState().load(), REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [store]);

  const chart = useMemo(() => (links ? latencyChart(links, lang) : null), [links, lang]);

  return (
    <main id="main" className="screen links-screen" data-testid="screen-links">
      <div className="screen__head">
        <h1 className="screen-title">{t('links.title')}</h1>
        <BackButton />
      </div>
      <ErrorAlert error={error} />
      {!links && !error && <p className="screen-hint">{t('common.loading')}</p>}
      {links && !links.configured && (
        <p className="panel screen-hint" data-testid="links-not-configured">
          {t('links.notConfigured')}
        </p>
      )}
      {links?.configured && (
        <>
          <section className="panel" aria-labelledby="links-routes-title">
            <h2 id="links-routes-title" className="section-title">
              {t('links.routesTitle')}
            </h2>
            {links.pinned && (
              <p className="alert alert--info" role="status" data-testid="links-pinned">
                {t('links.pinned')}
              </p>
            )}
            {links.testing && (
              <p className="alert alert--info" role="status" data-testid="links-testing">
                {t('links.testing')}
              </p>
            )}
            <ul className="links-routes">
              {links.routes.map((r) => (
                <li
                  key={r.name}
                  className={`links-route links-route--${r.state}${r.active ? ' links-route--active' : ''}`}
                  data-testid={`links-route-${r.name}`}
                  data-state={r.state}
                  data-active={r.active}
                >
                  <div className="links-route__head">
                    <strong className="links-route__name">{r.name}</strong>
                    <span className={`links-state links-state--${r.state}`}>{t(`links.state.${r.state}`)}</span>
                    {r.active && <span className="links-state links-state--active">{t('links.inUse')}</span>}
                  </div>
                  <p className="links-route__facts">
                    {t('links.priority', { n: r.priority })} ·{' '}
                    {r.lastLatencyMs === null || r.state === 'down'
                      ? t('links.noLatency')
                      : t('links.latency', { ms: Math.round(r.lastLatencyMs) })}{' '}
                    · {t('links.loss', { value: formatPercent(r.loss * 100, lang) })}
                    {r.expensive && <> · {t('links.expensive')}</>}
                  </p>
                  {!r.active && (
                    <button
                      type="button"
                      className="button button--secondary"
                      data-testid={`links-use-${r.name}`}
                      disabled={busy}
                      onClick={() => void store.getState().switchTo(r.name)}
                    >
                      {t('links.useThis')}
                    </button>
                  )}
                </li>
              ))}
            </ul>
            <div className="links-actions">
              <button
                type="button"
                className="button button--primary"
                data-testid="links-test"
                disabled={busy || links.testing}
                onClick={() => void store.getState().testFailover()}
              >
                {t('links.test')}
              </button>
              {links.pinned && (
                <button
                  type="button"
                  className="button button--secondary"
                  data-testid="links-automatic"
                  disabled={busy}
                  onClick={() => void store.getState().switchTo(null)}
                >
                  {t('links.automatic')}
                </button>
              )}
            </div>
          </section>
          <section className="panel links-chart" aria-labelledby="links-chart-title">
            <h2 id="links-chart-title" className="section-title">
              {t('links.chartTitle')}
            </h2>
            {chart && <ChartView config={chart} label={t('links.chartLabel')} testId="links-latency-chart" />}
          </section>
          <section className="panel" aria-labelledby="links-history-title" data-testid="links-history">
            <h2 id="links-history-title" className="section-title">
              {t('links.historyTitle')}
            </h2>
            {links.history.length === 0 && <p className="screen-hint">{t('links.noHistory')}</p>}
            <ol className="links-history">
              {links.history.map((e) => (
                <li
                  key={`${e.at}-${e.kind}-${e.to}`}
                  className="links-event"
                  data-testid="links-event"
                  data-kind={e.kind}
                >
                  <p className="links-event__head">
                    <strong>{t(`links.kind.${e.kind}`)}</strong> ·{' '}
                    {t('links.fromTo', { from: e.from ?? '—', to: e.to })} ·{' '}
                    {formatDateTime(e.at, lang, { seconds: true })}
                  </p>
                  <p className="links-event__detail">
                    {t(`links.reason.${e.kind}`, { from: e.from ?? '—', to: e.to })} ·{' '}
                    {t(e.kind === 'failover' ? 'links.failingFor' : 'links.usedFor', {
                      seconds: Math.round(e.durationMs / 1000),
                      from: e.from ?? '—',
                    })}{' '}
                    · {t('links.queued', { count: e.queued })}
                  </p>
                </li>
              ))}
            </ol>
          </section>
        </>
      )}
    </main>
  );
}
