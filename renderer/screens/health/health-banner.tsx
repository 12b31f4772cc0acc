import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { isAlert } from '../../../shared/health/thresholds.js';
import { useServices, useSlice } from '../../app/services.js';
import { checkLabel, readingText } from './health-format.js';
import '../../styles/health.css';

/** How often the home screen re-reads health (health.get does not keep a session awake). */
const HOME_POLL_MS = 60_000;

/**
 * On supervisors' home screens (sync.view), only while a reading is at warning or critical: what
 * is wrong, in words, and a way to the Sync screen. Nothing at all while the kiosk is healthy.
 */
export function HealthBanner() {
  const { t, i18n } = useTranslation();
  const { health: store, session, route } = useServices();
  const allowed = useSlice(session, (s) => s.session?.user.permissions.includes('sync.view') ?? false);
  const health = useSlice(store, (s) => s.health);

  useEffect(() => {
    if (!allowed) return;
    void store.getState().load();
    const timer = setInterval(() => void store.getState().load(), HOME_POLL_MS);
    return () => clearInterval(timer);
  }, [allowed, store]);

  if (!allowed || !health || !isAlert(health.worst)) return null;
  const failing = health.checks.filter((c) => !c.advisory && isAlert(c.level));
  const level = health.worst === 'critical' ? 'critical' : 'warning';
  return (
    <section
      className={`alert health-banner health-banner--${level}`}
      data-testid="home-health"
      data-level={level}
      role={level === 'critical' ? 'alert' : 'status'}
      aria-labelledby="home-health-title"
    >
      <h2 id="home-health-title" className="screen-subtitle">
        {t(`health.banner.${level}`)}
      </h2>
      <ul>
        {failing.map((c) => (
          <li key={`${c.id}-${c.subject ?? ''}`}>
            {t('health.banner.item', {
              label: checkLabel(t, c),
              value: readingText(t, i18n.language, c),
              level: t(`health.level.${c.level}`),
            })}
          </li>
        ))}
      </ul>
      <button
        type="button"
        className="button button--primary"
        data-testid="home-health-open"
        onClick={() => route.getState().go({ name: 'area', area: 'sync' })}
      >
        {t('health.banner.open')}
      </button>
    </section>
  );
}
