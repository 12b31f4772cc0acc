import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices, useSlice } from '../app/services.js';
import { useNow } from '../app/use-now.js';
import { ErrorAlert } from '../components/error-alert.js';
import { Icon } from '../components/icon.js';
import { LanguageSwitch } from '../components/language-switch.js';
import { PinEntry } from '../components/pin-entry.js';
import { UrgentAlerts } from './notifications/urgent-alerts.js';
import { useNotifications } from './notifications/use-notifications.js';
import { UserTile } from '../components/user-tile.js';

/** Sign-in: tap your tile, then type your PIN on the big keypad. */
export function PinPadScreen() {
  const { t, i18n } = useTranslation();
  const { session, appInfo } = useServices();
  const users = useSlice(session, (s) => s.users);
  const selectedId = useSlice(session, (s) => s.selectedUserId);
  const error = useSlice(session, (s) => s.error);
  const busy = useSlice(session, (s) => s.busy);
  const endedReason = useSlice(session, (s) => s.endedReason);
  const { selectUser, signIn, loadUsers } = session.getState();
  const siteName = useSlice(appInfo, (s) => s.info?.site.name ?? '');
  const selected = users.find((u) => u.id === selectedId) ?? null;
  const heading = useRef<HTMLHeadingElement>(null);
  const notifications = useNotifications(false);
  const now = useNow();

  useEffect(() => {
    heading.current?.focus();
  }, [selectedId]);

  return (
    <div className="pin-screen" data-testid="pin-pad">
      <div className="topbar">
        <span className="header__brand">
          <span className="header__app header__app--dark">{t('app.name')}</span>
          {siteName && <span className="header__site header__site--dark">{siteName}</span>}
        </span>
        <LanguageSwitch />
      </div>
      <main id="main" className="pin-screen__main">
        <UrgentAlerts store={notifications} />
        {!selected ? (
          <section className="people" aria-labelledby="people-title">
            <h1 id="people-title" className="screen-title" tabIndex={-1} ref={heading}>
              {t('pin.chooseTitle')}
            </h1>
            <p className="screen-hint">{t('pin.chooseHint')}</p>
            {endedReason === 'expired' && (
              <p className="alert alert--info" role="status">
                {t('pin.sessionExpired')}
              </p>
            )}
            <ErrorAlert error={error} testId="pin-error" />
            {users.length === 0 && error && (
              <button
                type="button"
                className="button button--primary"
                data-testid="retry-users"
                onClick={() => void loadUsers()}
              >
                {t('common.retry')}
              </button>
            )}
            {users.length === 0 && !error ? (
              <p className="screen-hint">{t('pin.noPeople')}</p>
            ) : (
              <ul className="people__grid" aria-label={t('pin.peopleLabel')}>
                {users.map((u) => (
                  <UserTile key={u.id} user={u} onSelect={selectUser} now={now} />
                ))}
              </ul>
            )}
          </section>
        ) : (
          <PinEntry
            busy={busy}
            error={error}
            onSubmit={(pin) => void signIn(pin)}
            header={
              <div className="pin-person">
                <span className="user-tile__avatar user-tile__avatar--large" aria-hidden="true">
                  {selected.displayName
                    .split(/\s+/)
                    .map((w) => w[0])
                    .slice(0, 2)
                    .join('')
                    .toUpperCase()}
                </span>
                <div>
                  <h1 className="screen-title" tabIndex={-1} ref={heading}>
                    {t('pin.enterTitle', { name: selected.displayName })}
                  </h1>
                  <p className="pin-person__role">
                    {i18n.language === 'fr' ? selected.roleName.fr : selected.roleName.en}
                  </p>
                  <p className="screen-hint">{busy ? t('pin.checking') : t('pin.enterHint')}</p>
                </div>
              </div>
            }
            footer={
              <button
                type="button"
                className="button button--secondary button--wide"
                data-testid="not-you"
                disabled={busy}
                onClick={() => selectUser(null)}
              >
                <Icon name="back" size={28} />
                <span>{t('pin.notYou')}</span>
              </button>
            }
          />
        )}
      </main>
    </div>
  );
}
