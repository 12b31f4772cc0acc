import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { ALARM_REPEAT_MS, beep } from '../../components/alarm.js';
import type { createIncidentsStore } from '../../stores/incidents-store.js';

type Store = ReturnType<typeof createIncidentsStore>;

/**
 * Escalations waiting for the signed-in person's level: a banner that sounds again every 30
 * seconds until someone acknowledges it with their PIN.
 */
export function AlertBanner({ store }: { store: Store }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language.startsWith('fr') ? 'fr' : 'en';
  const alerts = useStore(store, (s) => s.alerts);
  const busy = useStore(store, (s) => s.busy);
  const [pins, setPins] = useState<Record<string, string>>({});
  useEffect(() => {
    if (!alerts.length) return;
    beep();
    const h = setInterval(beep, ALARM_REPEAT_MS);
    return () => clearInterval(h);
  }, [alerts.length]);
  if (!alerts.length) return null;
  return (
    <div className="incident-alerts" role="alert" data-testid="incident-alerts">
      {alerts.map((a) => (
        <form
          key={a.escalationId}
          className="incident-alert"
          data-testid="incident-alert"
          onSubmit={(e) => {
            e.preventDefault();
            void store
              .getState()
              .acknowledge(a.escalationId, pins[a.escalationId] ?? '')
              .then((ok) => ok && setPins((p) => ({ ...p, [a.escalationId]: '' })));
          }}
        >
          <button
            type="button"
            className="incident-alert__title"
            onClick={() => void store.getState().open(a.incidentId)}
          >
            <strong>{t('incidents.alert.title', { level: a.levelName[lang] })}</strong>{' '}
            {t(`incidents.severity.${a.severity}`)} · {t(`incidents.type.${a.type}`)} — {a.whatHappened}
          </button>
          <label className="incident-field incident-alert__pin">
            <span>{t('incidents.alert.pin')}</span>
            <input
              type="password"
              inputMode="numeric"
              autoComplete="off"
              maxLength={8}
              data-testid="alert-pin"
              value={pins[a.escalationId] ?? ''}
              onChange={(e) => setPins((p) => ({ ...p, [a.escalationId]: e.target.value.replace(/\D/g, '') }))}
            />
          </label>
          <button type="submit" className="button button--primary" disabled={busy} data-testid="alert-acknowledge">
            {t('incidents.alert.acknowledge')}
          </button>
        </form>
      ))}
    </div>
  );
}
