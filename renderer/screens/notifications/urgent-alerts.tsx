import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { ALARM_REPEAT_MS, beep } from '../../components/alarm.js';
import { ErrorAlert } from '../../components/error-alert.js';
import type { NotificationsStore, UrgentEntry } from '../../stores/notifications-store.js';
import { notificationText } from './notification-text.js';
import '../../styles/notifications.css';

/** One urgent card: who is acknowledging (a big tile each), their PIN, and the button. */
function UrgentCard({ n, store }: { n: UrgentEntry; store: NotificationsStore }) {
  const { t, i18n } = useTranslation();
  const busy = useStore(store, (s) => s.busy);
  const [who, setWho] = useState<string | null>(n.eligible.length === 1 ? n.eligible[0]!.id : null);
  const [pin, setPin] = useState('');
  const text = notificationText(n, t, i18n.language);
  return (
    <form
      className="urgent-card"
      data-testid="urgent-card"
      onSubmit={(e) => {
        e.preventDefault();
        if (!who) return;
        void store
          .getState()
          .acknowledge(n.id, who, pin)
          .then(() => setPin(''));
      }}
    >
      <h2 className="urgent-card__title">{text.title}</h2>
      <p className="urgent-card__body">{text.body}</p>
      {n.eligible.length === 0 ? (
        <p className="screen-hint">{t('notifications.urgent.nobody')}</p>
      ) : (
        <>
          <fieldset className="urgent-card__who">
            <legend>{t('notifications.urgent.who')}</legend>
            {n.eligible.map((p) => (
              <button
                key={p.id}
                type="button"
                className={`button button--secondary${who === p.id ? ' is-selected' : ''}`}
                aria-pressed={who === p.id}
                data-testid="urgent-person"
                onClick={() => setWho(p.id)}
              >
                {p.name}
              </button>
            ))}
          </fieldset>
          <div className="urgent-card__answer">
            <label className="urgent-card__pin">
              <span>{t('notifications.urgent.pin')}</span>
              <input
                type="password"
                inputMode="numeric"
                autoComplete="off"
                maxLength={8}
                data-testid="urgent-pin"
                value={pin}
                onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))}
              />
            </label>
            <button
              type="submit"
              className="button button--primary"
              disabled={busy || !who || pin.length < 4}
              data-testid="urgent-acknowledge"
            >
              {t('notifications.urgent.acknowledge')}
            </button>
          </div>
          {!who && <p className="screen-hint">{t('notifications.urgent.chooseFirst')}</p>}
        </>
      )}
    </form>
  );
}

/**
 * Urgent notifications of the site for everyone at the kiosk (sign-in, locked and home screens),
 * sounding again every 30 seconds until someone of the right role acknowledges with their PIN.
 */
export function UrgentAlerts({ store }: { store: NotificationsStore }) {
  const { t } = useTranslation();
  const urgent = useStore(store, (s) => s.urgent);
  const error = useStore(store, (s) => s.error);
  const sounding = urgent.length > 0;
  useEffect(() => {
    if (!sounding) return;
    beep();
    const h = setInterval(beep, ALARM_REPEAT_MS);
    return () => clearInterval(h);
  }, [sounding]);
  if (!sounding) return null;
  return (
    <section
      className="urgent-alerts"
      role="alert"
      aria-label={t('notifications.urgent.title')}
      data-testid="urgent-alerts"
      data-sounding={sounding}
    >
      <ErrorAlert error={error} testId="urgent-error" />
      {urgent.map((n) => (
        <UrgentCard key={n.id} n={n} store={store} />
      ))}
    </section>
  );
}
