import { useTranslation } from 'react-i18next';
import { useServices, useSlice } from '../app/services.js';
import { ErrorAlert } from '../components/error-alert.js';
import { Icon, hasIcon } from '../components/icon.js';
import { DueBanner } from './compliance/due-banner.js';
import { HealthBanner } from './health/health-banner.js';
import { HomeNotifications } from './notifications/home-notifications.js';
import { UrgentAlerts } from './notifications/urgent-alerts.js';
import { useNotifications } from './notifications/use-notifications.js';

const greetingKey = (hour: number) =>
  hour < 12 ? 'home.greetingMorning' : hour < 18 ? 'home.greetingAfternoon' : 'home.greetingEvening';

/** Greeting, role, and one big tile per area the person's role opens. */
export function HomeScreen() {
  const { t, i18n } = useTranslation();
  const { session, areas: areasStore, route } = useServices();
  const user = useSlice(session, (s) => s.session?.user ?? null);
  const areas = useSlice(areasStore, (s) => s.areas);
  const error = useSlice(areasStore, (s) => s.error);
  const go = useSlice(route, (s) => s.go);
  const notifications = useNotifications(true);
  if (!user) return null;
  const role = i18n.language === 'fr' ? user.roleName.fr : user.roleName.en;

  return (
    <main id="main" className="screen home" data-testid="home">
      <h1 className="screen-title">{t(greetingKey(new Date().getHours()), { name: user.displayName })}</h1>
      <p className="home__role" data-testid="home-role">
        {t('home.role', { role })}
      </p>
      <h2 className="sr-only">{t('home.areasTitle')}</h2>
      <ErrorAlert error={error} />
      <HealthBanner />
      <DueBanner />
      <UrgentAlerts store={notifications} />
      <HomeNotifications store={notifications} />
      <button
        type="button"
        className="button button--secondary home__settings"
        data-testid="open-notification-settings"
        onClick={() => go({ name: 'area', area: 'my-notifications' })}
      >
        {t('notifications.settings.open')}
      </button>
      {areas === null ? (
        !error && <p className="screen-hint">{t('home.loadingAreas')}</p>
      ) : areas.length === 0 ? (
        <p className="screen-hint">{t('home.noAreas')}</p>
      ) : (
        <ul className="area-grid">
          {areas.map((id) => (
            <li key={id}>
              <button
                type="button"
                className="area-tile"
                data-testid={`area-${id}`}
                onClick={() => go({ name: 'area', area: id })}
              >
                {hasIcon(id) && <Icon name={id} size={52} className="area-tile__icon" />}
                <span className="area-tile__label">{t(`areas.${id}`)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
