import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../shared/api/contract.js';
import type { ErrorData } from '../../../shared/errors.js';
import { useServices } from '../../app/services.js';
import { BackButton } from '../../components/back-button.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { formatDateTime } from '../../i18n/format.js';
import { notificationText } from './notification-text.js';
import '../../styles/notifications.css';

type Roles = MethodOutput<'notifications.onCall'>;
type Failures = MethodOutput<'notifications.deliveryFailures'>;

/**
 * For administrators: who is on call per role at this site (an alert for a role goes ashore to
 * that person only; with nobody chosen, to everyone holding the role), and the deliveries ashore
 * whose latest attempt failed, as of this kiosk's last sync.
 */
export function OnCallScreen() {
  const { t, i18n } = useTranslation();
  const { api } = useServices();
  const [roles, setRoles] = useState<Roles | null>(null);
  const [failures, setFailures] = useState<Failures | null>(null);
  const [error, setError] = useState<ErrorData | null>(null);

  // Bumped after each change: the lists are read again.
  const [reads, setReads] = useState(0);
  useEffect(() => {
    let live = true;
    void Promise.all([api.call('notifications.onCall', {}), api.call('notifications.deliveryFailures', {})]).then(
      ([r, f]) => {
        if (!live) return;
        if (!r.ok) return setError(r.error);
        if (!f.ok) return setError(f.error);
        setRoles(r.value);
        setFailures(f.value);
      },
    );
    return () => {
      live = false;
    };
  }, [api, reads]);

  const choose = async (role: string, userId: string | null) => {
    const r = await api.call('notifications.setOnCall', { role, userId });
    if (!r.ok) return setError(r.error);
    setError(null);
    setReads((n) => n + 1);
  };
  const lang = i18n.language;

  return (
    <main id="main" className="screen" data-testid="on-call">
      <div className="screen__head">
        <h1 className="screen-title">{t('notifications.onCall.title')}</h1>
        <BackButton />
      </div>
      <p className="screen-hint">{t('notifications.onCall.hint')}</p>
      <ErrorAlert error={error} />
      {!roles && !error && <p className="screen-hint">{t('common.loading')}</p>}
      {roles && (
        <ul className="on-call-list">
          {roles.map((r) => (
            <li key={r.role} className="panel on-call-role" data-testid={`on-call-${r.role}`}>
              <h2 className="section-title">{lang.startsWith('fr') ? r.roleName.fr : r.roleName.en}</h2>
              <div className="on-call-choices" role="group" aria-label={t('notifications.onCall.who')}>
                <button
                  type="button"
                  className="button button--secondary on-call-choice"
                  aria-pressed={r.onCall === null}
                  onClick={() => void choose(r.role, null)}
                >
                  {t('notifications.onCall.everyone', { count: r.people.length })}
                </button>
                {r.people.map((p) => (
                  <button
                    key={p.id}
                    type="button"
                    className="button button--secondary on-call-choice"
                    aria-pressed={r.onCall === p.id}
                    onClick={() => void choose(r.role, p.id)}
                  >
                    {p.name}
                  </button>
                ))}
              </div>
            </li>
          ))}
        </ul>
      )}
      {failures && (
        <section className="panel delivery-failures" data-testid="delivery-failures">
          <h2 className="section-title">{t('notifications.onCall.failures')}</h2>
          <p className="screen-hint">{t('notifications.onCall.failuresHint')}</p>
          {failures.length === 0 ? (
            <p className="screen-hint">{t('notifications.onCall.failuresEmpty')}</p>
          ) : (
            <ul className="delivery-failure-list">
              {failures.map((f) => {
                const text = notificationText(
                  { ...f.notification, recipientName: null, recipientRole: null, personName: null },
                  t,
                  lang,
                );
                return (
                  <li key={f.id} className="delivery-failure" data-testid="delivery-failure">
                    <strong>{text.title}</strong>
                    <span>
                      {t(`notifications.settings.channel.${f.channel}`)} · {f.address || '—'} ·{' '}
                      {t('notifications.onCall.attempt', { count: f.attempt })}
                    </span>
                    <span className="delivery-failure__error">{f.error}</span>
                    <span
                      className={
                        f.nextAttemptAt
                          ? 'delivery-failure__when'
                          : 'delivery-failure__when delivery-failure__when--given-up'
                      }
                    >
                      {f.nextAttemptAt
                        ? t('notifications.onCall.retryAt', { at: formatDateTime(f.nextAttemptAt, lang) })
                        : t('notifications.onCall.gaveUp', { at: formatDateTime(f.at, lang) })}
                    </span>
                  </li>
                );
              })}
            </ul>
          )}
        </section>
      )}
    </main>
  );
}
