import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../shared/api/contract.js';
import type { ErrorData } from '../../../shared/errors.js';
import { GRANULARITIES, shiftPeriod, type Granularity, type Period } from '../../../shared/training/trends.js';
import { useServices } from '../../app/services.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { formatPercent, intlLocale } from '../../i18n/format.js';
import { pick } from './rich-text.js';
import { TrendChart } from './trend-chart.js';
import { useDataChanged } from './use-area-store.js';

type Report = MethodOutput<'training.report'>;
const TABLES = [
  'training_attempts',
  'training_responses',
  'training_section_progress',
  'training_certificates',
  'training_certificate_revocations',
];

/** A bucket's first day as people read it: "2 Mar" for days and weeks, "March 2026" for months. */
function bucketLabel(bucket: string, g: Granularity, lang: string): string {
  const d = new Date(`${bucket}T12:00:00Z`);
  const opts: Intl.DateTimeFormatOptions =
    g === 'month'
      ? { month: 'short', year: 'numeric', timeZone: 'UTC' }
      : { day: 'numeric', month: 'short', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(intlLocale(lang), opts).format(d);
}

const dayLabel = (d: string, lang: string) =>
  new Intl.DateTimeFormat(intlLocale(lang), { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${d}T12:00:00Z`),
  );

const minutes = (s: number | null, lang: string) =>
  s === null ? '–' : new Intl.NumberFormat(intlLocale(lang), { maximumFractionDigits: 1 }).format(s / 60);

/**
 * Trends and engagement for a period the supervisor picks (by day, week or month, stepped with
 * arrows): completions and mean scores, time per section and where people stop, the questions
 * most often missed, and the period's report as PDF or XLSX. Reloads when synced rows arrive.
 */
export function TrendsPanel() {
  const { t, i18n } = useTranslation();
  const { api } = useServices();
  const lang = i18n.language.startsWith('fr') ? 'fr' : 'en';
  const [granularity, setGranularity] = useState<Granularity>('week');
  const [period, setPeriod] = useState<Period | null>(null);
  const [data, setData] = useState<Report | null>(null);
  const [error, setError] = useState<ErrorData | null>(null);
  const [file, setFile] = useState<{ url: string; name: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(() => {
    void api
      .call('training.report', { granularity, ...(period ?? {}) })
      .then((r) => (r.ok ? (setData(r.value), setError(null)) : setError(r.error)));
  }, [api, granularity, period]);
  useEffect(load, [load]);
  useDataChanged(TABLES, load);

  const choose = (g: Granularity) => {
    setGranularity(g);
    setPeriod(null);
    setFile(null);
  };
  const step = (s: -1 | 1) => {
    if (!data) return;
    setPeriod(shiftPeriod(data.period, granularity, s));
    setFile(null);
  };
  const exportAs = (format: 'pdf' | 'xlsx') => {
    if (!data) return;
    setBusy(true);
    void api
      .call('training.exportReport', { granularity, from: data.period.from, to: data.period.to, format, locale: lang })
      .then((r) => {
        setBusy(false);
        if (!r.ok) return setError(r.error);
        setFile({ url: `data:${r.value.mime};base64,${r.value.base64}`, name: r.value.fileName });
      });
  };
  const moduleTitle = (code: string) => {
    const m = data?.modules.find((x) => x.code === code);
    return m ? pick(m.title, lang) : code;
  };

  return (
    <section className="panel trends" aria-labelledby="trends-title" data-testid="trends">
      <h2 id="trends-title" className="section-title">
        {t('trends.title')}
      </h2>
      <div className="trends__picker" role="group" aria-label={t('trends.granularity')}>
        {GRANULARITIES.map((g) => (
          <button
            key={g}
            type="button"
            className={`button${g === granularity ? ' button--on' : ''}`}
            aria-pressed={g === granularity}
            data-testid={`granularity-${g}`}
            onClick={() => choose(g)}
          >
            {t(`trends.by_${g}`)}
          </button>
        ))}
      </div>
      <div className="trends__picker">
        <button
          type="button"
          className="button"
          data-testid="period-prev"
          onClick={() => step(-1)}
          aria-label={t('trends.earlier')}
        >
          ‹ {t('trends.earlier')}
        </button>
        <span className="trends__period" data-testid="period" aria-live="polite">
          {data
            ? t('trends.period', { from: dayLabel(data.period.from, lang), to: dayLabel(data.period.to, lang) })
            : '…'}
        </span>
        <button
          type="button"
          className="button"
          data-testid="period-next"
          onClick={() => step(1)}
          aria-label={t('trends.later')}
        >
          {t('trends.later')} ›
        </button>
      </div>
      <ErrorAlert error={error} />
      {data && (
        <>
          <dl className="kpis">
            <div className="facts__item" data-testid="trend-completions">
              <dt>{t('trends.completions')}</dt>
              <dd>{data.totals.completions}</dd>
            </div>
            <div className="facts__item" data-testid="trend-attempts">
              <dt>{t('trends.attempts')}</dt>
              <dd>{data.totals.attempts}</dd>
            </div>
            <div className="facts__item">
              <dt>{t('trends.meanScore')}</dt>
              <dd>{data.totals.meanScore === null ? '–' : formatPercent(data.totals.meanScore, lang)}</dd>
            </div>
            <div className="facts__item">
              <dt>{t('trends.issued')}</dt>
              <dd>{data.totals.certificatesIssued}</dd>
            </div>
            <div className="facts__item">
              <dt>{t('trends.expiring')}</dt>
              <dd>{data.totals.certificatesExpiring}</dd>
            </div>
          </dl>
          <TrendChart
            testId="trend-chart"
            labels={data.trend.map((p) => bucketLabel(p.bucket, granularity, lang))}
            completions={data.trend.map((p) => p.completions)}
            scores={data.trend.map((p) => p.meanScore)}
            text={{ completions: t('trends.completions'), score: t('trends.meanScore'), label: t('trends.chartLabel') }}
          />
          <div className="trends__export">
            <button
              type="button"
              className="button button--primary"
              data-testid="export-pdf"
              disabled={busy}
              onClick={() => exportAs('pdf')}
            >
              {t('trends.exportPdf')}
            </button>
            <button
              type="button"
              className="button button--primary"
              data-testid="export-xlsx"
              disabled={busy}
              onClick={() => exportAs('xlsx')}
            >
              {t('trends.exportXlsx')}
            </button>
            {file && (
              <a
                className="button button--secondary"
                href={file.url}
                download={file.name}
                data-testid="report-download"
              >
                {t('trends.download', { file: file.name })}
              </a>
            )}
          </div>
          <h3 className="section-title">{t('trends.sections')}</h3>
          {data.sections.length === 0 ? (
            <p className="screen-hint">{t('trends.noReading')}</p>
          ) : (
            <div className="table-scroll">
              <table className="trends__table" data-testid="section-engagement">
                <thead>
                  <tr>
                    <th scope="col">{t('trends.section')}</th>
                    <th scope="col">{t('trends.readers')}</th>
                    <th scope="col">{t('trends.meanMinutes')}</th>
                    <th scope="col">{t('trends.stoppedHere')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.sections.map((s) => (
                    <tr key={s.sectionId} data-stopped={s.stoppedHere}>
                      <th scope="row">
                        {moduleTitle(s.moduleCode)} · {s.position}. {pick(s.title, lang)}
                      </th>
                      <td>{s.learners}</td>
                      <td>{minutes(s.meanSeconds, lang)}</td>
                      <td>{s.stoppedHere}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <h3 className="section-title">{t('trends.missed')}</h3>
          {data.mostMissed.length === 0 && <p className="screen-hint">{t('trends.noneMissed')}</p>}
          <ol data-testid="most-missed">
            {data.mostMissed.map((q) => (
              <li key={q.questionId}>
                <strong>{pick(q.prompt, lang)}</strong> ({moduleTitle(q.moduleCode)}):{' '}
                {t('trends.missedOf', { missed: q.missed, answered: q.answered })}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
