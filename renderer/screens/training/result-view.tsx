import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSlice } from '../../app/services.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { pick } from './rich-text.js';
import { useTraining } from './use-training.js';

function Rating({
  label,
  value,
  onChange,
  testId,
}: {
  label: string;
  value: number;
  onChange(v: number): void;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="rating" data-testid={testId}>
      <legend>{label}</legend>
      {[1, 2, 3, 4, 5].map((n) => (
        <button
          key={n}
          type="button"
          role="radio"
          aria-checked={value === n}
          aria-label={t('training.ratingOf', { n })}
          className={`rating__star${value >= n ? ' rating__star--on' : ''}`}
          onClick={() => onChange(n)}
        >
          {n}
        </button>
      ))}
    </fieldset>
  );
}

/** The score, what was wrong with the right answer and its explanation, the certificate, feedback. */
export function ResultView() {
  const { t, i18n } = useTranslation();
  const store = useTraining();
  const r = useSlice(store, (s) => s.result);
  const mod = useSlice(store, (s) => s.module);
  const sent = useSlice(store, (s) => s.feedbackSent);
  const error = useSlice(store, (s) => s.error);
  const [rating, setRating] = useState({ content: 0, materials: 0 });
  const [comment, setComment] = useState('');
  const lang = i18n.language;
  if (!r) return null;
  const wrong = r.review.filter((x) => !x.isCorrect);
  const label = (ids: string[], options: { id: string; en: string; fr: string }[]) =>
    ids.length
      ? ids.map((id) => pick(options.find((o) => o.id === id) ?? { en: id, fr: id }, lang)).join(' · ')
      : t('training.noAnswer');

  return (
    <main id="main" className="screen training" data-testid="screen-result" data-passed={r.passed}>
      <div className="screen__head">
        <h1 className="screen-title">{mod ? pick(mod.title, lang) : ''}</h1>
        <button
          type="button"
          className="button button--secondary"
          data-testid="back-to-catalog"
          onClick={() => void store.getState().open({ name: 'catalog' })}
        >
          {t('training.backToList')}
        </button>
      </div>
      {!r.complete && (
        <section className="panel score score--waiting" role="status" data-testid="awaiting-signoff">
          <p className="score__value">{t('practical.writtenDone')}</p>
          <p>{t('practical.awaiting', { count: r.pendingItems })}</p>
          <button
            type="button"
            className="button button--primary button--wide"
            data-testid="open-practical-from-result"
            onClick={() => void store.getState().open({ name: 'practical' })}
          >
            {t('practical.open')}
          </button>
        </section>
      )}
      <section className={`panel score score--${r.passed ? 'pass' : 'fail'}`} role="status" hidden={!r.complete}>
        <p className="score__value" data-testid="score">
          {r.passed ? t('training.passed', { score: r.score }) : t('training.failed', { score: r.score })}
        </p>
        <p>{t('training.passMark', { pass: r.passThreshold })}</p>
        {r.passed && r.certificateId && (
          <>
            <p>{t('training.certificateIssued')}</p>
            <button
              type="button"
              className="button button--primary button--wide"
              data-testid="see-certificate"
              onClick={() => void store.getState().open({ name: 'certificate', certificateId: r.certificateId! })}
            >
              {t('training.seeCertificate')}
            </button>
          </>
        )}
        {!r.passed && <p>{t('training.tryAgainLater')}</p>}
      </section>
      <section aria-labelledby="review-title">
        <h2 id="review-title" className="section-title">
          {t('training.review')}
        </h2>
        {wrong.length === 0 && <p className="screen-hint">{t('training.allCorrect')}</p>}
        <ol className="review">
          {wrong.map((x) => (
            <li key={x.questionId} className="panel review__item" data-testid="review-item">
              <p className="review__prompt">{pick(x.prompt, lang)}</p>
              <p className="review__given">
                <strong>{t('app.labelled', { label: t('training.yourAnswer') })}</strong> {label(x.selected, x.options)}
              </p>
              <p className="review__right">
                <strong>{t('app.labelled', { label: t('training.correctAnswer') })}</strong>{' '}
                {label(x.correct, x.options)}
              </p>
              <p className="review__why">{pick(x.explanation, lang)}</p>
            </li>
          ))}
        </ol>
      </section>
      <section className="panel" aria-labelledby="feedback-title" data-testid="feedback">
        <h2 id="feedback-title" className="section-title">
          {t('training.feedbackTitle')}
        </h2>
        <ErrorAlert error={error} />
        {sent ? (
          <p className="alert alert--success" role="status">
            {t('training.feedbackThanks')}
          </p>
        ) : (
          <>
            <Rating
              label={t('training.feedbackContent')}
              value={rating.content}
              onChange={(v) => setRating({ ...rating, content: v })}
              testId="rate-content"
            />
            <Rating
              label={t('training.feedbackMaterials')}
              value={rating.materials}
              onChange={(v) => setRating({ ...rating, materials: v })}
              testId="rate-materials"
            />
            <label className="field">
              <span>{t('training.feedbackComment')}</span>
              <textarea
                className="field__control"
                rows={2}
                maxLength={1000}
                value={comment}
                onChange={(e) => setComment(e.target.value)}
              />
            </label>
            <button
              type="button"
              className="button button--primary"
              data-testid="send-feedback"
              disabled={!rating.content || !rating.materials}
              onClick={() =>
                void store
                  .getState()
                  .sendFeedback({ content: rating.content, materials: rating.materials, instructor: null, comment })
              }
            >
              {t('training.feedbackSend')}
            </button>
          </>
        )}
      </section>
    </main>
  );
}
