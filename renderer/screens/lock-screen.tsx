import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices, useSlice } from '../app/services.js';
import { Icon } from '../components/icon.js';
import { LanguageSwitch } from '../components/language-switch.js';
import { PinEntry } from '../components/pin-entry.js';
import { UrgentAlerts } from './notifications/urgent-alerts.js';
import { useNotifications } from './notifications/use-notifications.js';

/** Covers everything when the session locks: the same person's PIN unlocks, anyone else signs out. */
export function LockScreen() {
  const { t } = useTranslation();
  const { session } = useServices();
  const user = useSlice(session, (s) => s.session?.user ?? null);
  const error = useSlice(session, (s) => s.error);
  const busy = useSlice(session, (s) => s.busy);
  const { unlock, signOut } = session.getState();
  const heading = useRef<HTMLHeadingElement>(null);
  const notifications = useNotifications(false);

  useEffect(() => {
    heading.current?.focus();
  }, []);

  return (
    <div className="pin-screen pin-screen--locked" data-testid="lock-screen">
      <div className="topbar">
        <span className="header__brand">
          <span className="header__app header__app--dark">{t('app.name')}</span>
        </span>
        <LanguageSwitch />
      </div>
      <main id="main" className="pin-screen__main">
        <UrgentAlerts store={notifications} />
        <PinEntry
          busy={busy}
          error={error}
          onSubmit={(pin) => void unlock(pin)}
          header={
            <div className="pin-person">
              <span className="lock-badge" aria-hidden="true">
                <Icon name="lock" size={48} />
              </span>
              <div>
                <h1 className="screen-title" tabIndex={-1} ref={heading}>
                  {t('lock.title')}
                </h1>
                <p className="pin-person__name" data-testid="lock-person">
                  {user?.displayName}
                </p>
                <p className="screen-hint">{t('lock.hint')}</p>
              </div>
            </div>
          }
          footer={
            <button
              type="button"
              className="button button--secondary button--wide"
              data-testid="switch-person"
              disabled={busy}
              onClick={() => void signOut()}
            >
              <Icon name="signOut" size={28} />
              <span>{t('lock.switchPerson')}</span>
            </button>
          }
        />
      </main>
    </div>
  );
}
