import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../shared/api/contract.js';
import type { ErrorData } from '../../../shared/errors.js';
import { useServices } from '../../app/services.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { formatDateTime } from '../../i18n/format.js';
import { useTraining } from './use-training.js';
import { useDataChanged } from './use-area-store.js';

type Session = MethodOutput<'training.sessions'>[number];
const TABLES = ['training_sessions', 'training_enrollments'];

/** Classroom sessions a person can enroll in, with seats left and their place on the waitlist. */
export function SessionsView() {
  const { t, i18n } = useTranslation();
  const { api } = useServices();
  const store = useTraining();
  const [sessions, setSessions] = useState<Session[] | null>(null);
  const [error, setError] = useState<ErrorData | null>(null);
  const load = useCallback(() => {
    void api.call('training.sessions', {}).then((r) => (r.ok ? setSessions(r.value) : setError(r.error)));
  }, [api]);
  useEffect(load, [load]);
  useDataChanged(TABLES, load);
  const act = async (method: 'training.enroll' | 'training.cancelEnrollment', sessionId: string) => {
    const r = await api.call(method, { sessionId });
    if (!r.ok) setError(r.error);
    load();
  };

  return (
    <main id="main" className="screen training" data-testid="screen-sessions">
      <div className="screen__head">
        <h1 className="screen-title">{t('training.sessionsTitle')}</h1>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => void store.getState().open({ name: 'catalog' })}
        >
          {t('training.backToList')}
        </button>
      </div>
      <ErrorAlert error={error} />
      {sessions && sessions.length === 0 && <p className="screen-hint">{t('training.noSessions')}</p>}
      <ul className="session-list">
        {sessions?.map((s) => (
          <li key={s.id} className="panel session-card" data-testid="session-card">
            <div>
              <strong className="session-card__title">{s.title}</strong>
              <p>
                {formatDateTime(s.startsAt, i18n.language)} · {s.location}
              </p>
              <p>{t('training.instructor', { name: s.instructor })}</p>
              <p>
                {t('training.seats', { enrolled: s.enrolled, capacity: s.capacity })}
                {s.waitlisted > 0 && ` · ${t('training.waitlistCount', { count: s.waitlisted })}`}
              </p>
              {s.mine === 'enrolled' && <p className="badge badge--completed">{t('training.youAreEnrolled')}</p>}
              {s.mine === 'waitlisted' && (
                <p className="badge badge--in_progress">
                  {t('training.youAreWaiting', { position: s.waitlistPosition })}
                </p>
              )}
            </div>
            {s.mine === 'enrolled' || s.mine === 'waitlisted' ? (
              <button
                type="button"
                className="button button--secondary"
                data-testid="cancel-seat"
                onClick={() => void act('training.cancelEnrollment', s.id)}
              >
                {t('training.cancelSeat')}
              </button>
            ) : (
              <button
                type="button"
                className="button button--primary"
                data-testid="enroll"
                onClick={() => void act('training.enroll', s.id)}
              >
                {s.enrolled < s.capacity ? t('training.enroll') : t('training.joinWaitlist')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </main>
  );
}
