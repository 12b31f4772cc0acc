import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../shared/api/contract.js';
import type { ErrorData } from '../../../shared/errors.js';
import { useServices } from '../../app/services.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { PinEntry } from '../../components/pin-entry.js';
import { pick } from './rich-text.js';
import { useTraining } from './use-training.js';

type Pending = MethodOutput<'training.practicalPending'>;
type Outcome = MethodOutput<'training.signOffPractical'>;

/**
 * Practical sign-off: the instructor watches the learner demonstrate each item, marks it competent
 * or not, and confirms with their own PIN on this kiosk (whoever is signed in). The attempt may
 * have started on another kiosk; the last verdict completes it.
 */
export function PracticalView() {
  const { t, i18n } = useTranslation();
  const { api } = useServices();
  const store = useTraining();
  const lang = i18n.language;
  const [data, setData] = useState<Pending | null>(null);
  const [attemptId, setAttemptId] = useState<string | null>(null);
  const [marks, setMarks] = useState<Record<string, boolean>>({});
  const [instructorId, setInstructorId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorData | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const reload = () =>
    void api.call('training.practicalPending', {}).then((r) => {
      if (!r.ok) return setError(r.error);
      setData(r.value);
      if (r.value.instructors.length === 1) setInstructorId(r.value.instructors[0].id);
    });
  useEffect(reload, [api]);

  const attempt = data?.attempts.find((a) => a.attemptId === attemptId) ?? null;
  const marked = Object.keys(marks).length;
  const signOff = async (pin: string) => {
    if (!attempt || !instructorId || !marked) return;
    setBusy(true);
    const r = await api.call('training.signOffPractical', {
      attemptId: attempt.attemptId,
      instructorId,
      pin,
      items: Object.entries(marks).map(([itemId, competent]) => ({ itemId, competent, note: '' })),
    });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setError(null);
    setMarks({});
    setOutcome(r.value);
    reload();
  };

  return (
    <main id="main" className="screen training" data-testid="screen-practical">
      <div className="screen__head">
        <h1 className="screen-title">{t('practical.title')}</h1>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => void store.getState().open({ name: 'catalog' })}
        >
          {t('training.backToList')}
        </button>
      </div>
      <ErrorAlert error={error} />
      {outcome?.complete && (
        <p className="alert alert--success" role="status" data-testid="practical-outcome">
          {outcome.passed ? t('practical.completePassed', { score: outcome.score }) : t('practical.completeFailed')}
        </p>
      )}
      {data && data.attempts.length === 0 && <p className="screen-hint">{t('practical.none')}</p>}
      {!attempt && (
        <ul className="cert-list" data-testid="practical-list">
          {data?.attempts.map((a) => (
            <li key={a.attemptId}>
              <button
                type="button"
                className="cert-row"
                data-testid="practical-attempt"
                onClick={() => (setAttemptId(a.attemptId), setMarks({}), setOutcome(null))}
              >
                <span className="cert-row__title">{a.learner.name}</span>
                <span>{pick(a.module.title, lang)}</span>
                <span className="badge">
                  {t('practical.signedOf', {
                    n: a.items.filter((i) => i.verdict).length,
                    total: a.items.length,
                  })}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {attempt && (
        <div className="practical">
          <section className="panel" aria-labelledby="practical-items">
            <h2 id="practical-items" className="section-title">
              {attempt.learner.name} · {pick(attempt.module.title, lang)}
            </h2>
            {!attempt.writtenDone && <p className="alert alert--info">{t('practical.writtenPending')}</p>}
            <ol className="practical__items">
              {attempt.items.map((i) => {
                const mark = marks[i.id];
                const choose = (competent: boolean) => setMarks({ ...marks, [i.id]: competent });
                return (
                  <li
                    key={i.id}
                    className="practical__item"
                    data-testid="practical-item"
                    data-verdict={i.verdict ?? ''}
                  >
                    <p className="practical__title">
                      {pick(i.title, lang)}
                      {i.critical && <span className="badge badge--warn">{t('practical.critical')}</span>}
                    </p>
                    {i.verdict ? (
                      <p className="practical__verdict">{t(`practical.verdict_${i.verdict}`)}</p>
                    ) : (
                      <div className="practical__choices" role="radiogroup" aria-label={pick(i.title, lang)}>
                        <button
                          type="button"
                          role="radio"
                          aria-checked={mark === true}
                          className={`option${mark === true ? ' option--on' : ''}`}
                          data-testid="mark-competent"
                          onClick={() => choose(true)}
                        >
                          {t('practical.competent')}
                        </button>
                        <button
                          type="button"
                          role="radio"
                          aria-checked={mark === false}
                          className={`option${mark === false ? ' option--on' : ''}`}
                          data-testid="mark-not-competent"
                          onClick={() => choose(false)}
                        >
                          {t('practical.notCompetent')}
                        </button>
                      </div>
                    )}
                  </li>
                );
              })}
            </ol>
          </section>
          <section className="panel" aria-labelledby="practical-pin">
            <h2 id="practical-pin" className="section-title">
              {t('practical.instructorPin')}
            </h2>
            <div className="practical__instructors" role="radiogroup" aria-label={t('practical.instructor')}>
              {data?.instructors.map((p) => (
                <button
                  key={p.id}
                  type="button"
                  role="radio"
                  aria-checked={instructorId === p.id}
                  className={`option${instructorId === p.id ? ' option--on' : ''}`}
                  data-testid="instructor"
                  onClick={() => setInstructorId(p.id)}
                >
                  {p.name}
                </button>
              ))}
            </div>
            {marked > 0 && instructorId ? (
              <PinEntry
                onSubmit={(pin) => void signOff(pin)}
                busy={busy}
                error={null}
                header={<p className="screen-hint">{t('practical.confirm', { count: marked })}</p>}
                footer={null}
              />
            ) : (
              <p className="screen-hint">{t('practical.markFirst')}</p>
            )}
          </section>
        </div>
      )}
    </main>
  );
}
