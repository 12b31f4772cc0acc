import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { formatAgo } from '../../i18n/format.js';
import type { NotificationsStore } from '../../stores/notifications-store.js';
import { notificationText } from './notification-text.js';
import '../../styles/notifications.css';

/** The signed-in person's notifications on the home screen, urgent first, newest first. */
export function HomeNotifications({ store }: { store: NotificationsStore }) {
  const { t, i18n } = useTranslation();
  const mine = useStore(store, (s) => s.mine);
  const busy = useStore(store, (s) => s.busy);
  if (mine === null) return null;
  return (
    <section className="home-notifications" aria-labelledby="home-notifications-title" data-testid="home-notifications">
      <h2 id="home-notifications-title" className="home-notifications__title">
        {t('notifications.homeTitle')}
      </h2>
      {mine.length === 0 ? (
        <p className="screen-hint">{t('notifications.empty')}</p>
      ) : (
        <ul className="home-notifications__list">
          {mine.map((n) => {
            const text = notificationText(n, t, i18n.language);
            return (
              <li
                key={n.id}
                className={`notification notification--${n.urgency}`}
                data-testid="notification"
                data-kind={n.kind}
              >
                <div className="notification__text">
                  <strong>{text.title}</strong>
                  <span>{text.body}</span>
                  <span className="notification__when">{formatAgo(n.raisedAt, i18n.language)}</span>
                </div>
                {n.urgency === 'urgent' ? (
                  <span className="notification__hint">{t('notifications.urgentHint')}</span>
                ) : (
                  <button
                    type="button"
                    className="button button--secondary"
                    disabled={busy}
                    data-testid="notification-dismiss"
                    onClick={() => void store.getState().dismiss(n.id)}
                  >
                    {t('notifications.dismiss')}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
