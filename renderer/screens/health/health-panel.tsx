import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices, useSlice } from '../../app/services.js';
import { ErrorAlert } from '../../components/error-alert.js';
import type { KioskHealth } from '../../stores/health-store.js';
import { checkLabel, formatReading, readingText } from './health-format.js';
import '../../styles/health.css';

type T = (key: string, options?: Record<string, unknown>) => string;

/** The readings as a list of cards, each with its level in words (never by colour alone). */
export function HealthPanelView({ health, t, lang }: { health: KioskHealth; t: T; lang: string }) {
  return (
    <section className="panel health" aria-labelledby="health-title" data-testid="health-panel">
      <h2 id="health-title" className="section-title">
        {t('health.title')}
      </h2>
      <p className={`health__worst health__worst--${health.worst}`} data-testid="health-worst" role="status">
        {t(`health.worst.${health.worst}`)}
      </p>
      <p className="screen-hint">{t('health.explain')}</p>
      <ul className="health__list">
        {health.checks.map((c) => (
          <li
            key={`${c.id}-${c.subject ?? ''}`}
            className={`health__check health__check--${c.level}`}
            data-testid={`health-${c.id}${c.subject ? `-${c.subject}` : ''}`}
            data-level={c.level}
          >
            <span className="health__label">{checkLabel(t, c)}</span>
            <span className="health__value">{readingText(t, lang, c)}</span>
            <span className={`health__level health__level--${c.level}`}>{t(`health.level.${c.level}`)}</span>
            <span className="health__thresholds">
              {t(c.id === 'free_disk' ? 'health.thresholdsLow' : 'health.thresholds', {
                warning: formatReading(t, lang, c, c.warning),
                critical: formatReading(t, lang, c, c.critical),
              })}
              {c.advisory ? ` ${t('health.advisory')}` : ''}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The Health panel of the Sync screen: read on open and whenever the sync status changes. */
export function HealthPanel() {
  const { t, i18n } = useTranslation();
  const { health: store, status } = useServices();
  const health = useSlice(store, (s) => s.health);
  const error = useSlice(store, (s) => s.error);
  const s = useSlice(status, (x) => x.status);
  useEffect(() => {
    void store.getState().load();
  }, [store, s]);
  if (error) return <ErrorAlert error={error} />;
  if (!health) return null;
  return <HealthPanelView health={health} t={t} lang={i18n.language} />;
}
