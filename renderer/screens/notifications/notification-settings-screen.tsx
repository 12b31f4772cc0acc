import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../shared/api/contract.js';
import type { ErrorData } from '../../../shared/errors.js';
import { CHANNELS } from '../../../shared/notifications/mutations.js';
import { useServices } from '../../app/services.js';
import { BackButton } from '../../components/back-button.js';
import { ErrorAlert } from '../../components/error-alert.js';
import '../../styles/notifications.css';

type Prefs = MethodOutput<'notifications.preferences'>;

/**
 * The signed-in person's own notification settings: which channels (this kiosk, email, the
 * site's webhook gateway), their email address, quiet hours and a daily digest. Urgent alerts
 * ignore quiet hours and the digest; the screen says so.
 */
export function NotificationSettingsScreen() {
  const { t } = useTranslation();
  const { api } = useServices();
  const id = useId();
  const [prefs, setPrefs] = useState<Prefs | null>(null);
  const [quiet, setQuiet] = useState(false);
  const [error, setError] = useState<ErrorData | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void api.call('notifications.preferences', {}).then((r) => {
      if (!r.ok) return setError(r.error);
      setPrefs(r.value);
      setQuiet(r.value.quietStart !== null);
    });
  }, [api]);

  if (!prefs)
    return (
      <main id="main" className="screen" data-testid="notification-settings">
        <ErrorAlert error={error} />
        {!error && <p className="screen-hint">{t('common.loading')}</p>}
      </main>
    );

  const change = (patch: Partial<Prefs>) => {
    setSaved(false);
    setPrefs({ ...prefs, ...patch });
  };
  const toggleChannel = (c: (typeof CHANNELS)[number]) =>
    change({ channels: prefs.channels.includes(c) ? prefs.channels.filter((x) => x !== c) : [...prefs.channels, c] });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const input = {
      ...prefs,
      email: prefs.email?.trim() ? prefs.email.trim() : null,
      quietStart: quiet ? (prefs.quietStart ?? '22:00') : null,
      quietEnd: quiet ? (prefs.quietEnd ?? '06:00') : null,
    };
    const r = await api.call('notifications.setPreferences', input);
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setError(null);
    setSaved(true);
  };

  return (
    <main id="main" className="screen" data-testid="notification-settings">
      <div className="screen__head">
        <h1 className="screen-title">{t('notifications.settings.title')}</h1>
        <BackButton />
      </div>
      <p className="screen-hint">{t('notifications.settings.hint')}</p>
      <ErrorAlert error={error} />
      <form className="form panel notification-settings" onSubmit={(e) => void submit(e)} noValidate>
        <fieldset className="form__full settings-group">
          <legend>{t('notifications.settings.channels')}</legend>
          {CHANNELS.map((c) => (
            <label key={c} className="toggle-row" data-testid={`channel-${c}`}>
              <input type="checkbox" checked={prefs.channels.includes(c)} onChange={() => toggleChannel(c)} />
              <span>
                <strong>{t(`notifications.settings.channel.${c}`)}</strong>
                <span className="settings-group__hint">{t(`notifications.settings.channelHint.${c}`)}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <div className="field form__full">
          <label htmlFor={`${id}-email`}>{t('notifications.settings.email')}</label>
          <input
            id={`${id}-email`}
            className="field__control"
            type="email"
            inputMode="email"
            autoComplete="email"
            value={prefs.email ?? ''}
            onChange={(e) => change({ email: e.target.value })}
            data-testid="settings-email"
          />
        </div>
        <fieldset className="form__full settings-group">
          <legend>{t('notifications.settings.quiet')}</legend>
          <label className="toggle-row" data-testid="settings-quiet">
            <input
              type="checkbox"
              checked={quiet}
              onChange={(e) => {
                setSaved(false);
                setQuiet(e.target.checked);
              }}
            />
            <span>{t('notifications.settings.quietOn')}</span>
          </label>
          {quiet && (
            <div className="settings-times">
              <div className="field">
                <label htmlFor={`${id}-from`}>{t('notifications.settings.quietFrom')}</label>
                <input
                  id={`${id}-from`}
                  className="field__control"
                  type="time"
                  value={prefs.quietStart ?? '22:00'}
                  onChange={(e) => change({ quietStart: e.target.value })}
                  data-testid="settings-quiet-from"
                />
              </div>
              <div className="field">
                <label htmlFor={`${id}-to`}>{t('notifications.settings.quietTo')}</label>
                <input
                  id={`${id}-to`}
                  className="field__control"
                  type="time"
                  value={prefs.quietEnd ?? '06:00'}
                  onChange={(e) => change({ quietEnd: e.target.value })}
                  data-testid="settings-quiet-to"
                />
              </div>
            </div>
          )}
          <label className="toggle-row" data-testid="settings-digest">
            <input type="checkbox" checked={prefs.digest} onChange={(e) => change({ digest: e.target.checked })} />
            <span>{t('notifications.settings.digest')}</span>
          </label>
          <p className="settings-group__hint">{t('notifications.settings.urgentAlways')}</p>
        </fieldset>
        {saved && (
          <p className="alert alert--success form__full" role="status" data-testid="settings-saved">
            {t('notifications.settings.saved')}
          </p>
        )}
        <button type="submit" className="button button--primary form__full" disabled={busy} data-testid="settings-save">
          {t('notifications.settings.save')}
        </button>
      </form>
    </main>
  );
}
