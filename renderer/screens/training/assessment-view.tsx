import { useTranslation } from 'react-i18next';
import { useSlice } from '../../app/services.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { Icon } from '../../components/icon.js';
import { pick } from './rich-text.js';
import { useTraining } from './use-training.js';

/** One question at a time, answers as large buttons (radio or checkbox semantics). */
export function AssessmentView() {
  const { t, i18n } = useTranslation();
  const store = useTraining();
  const a = useSlice(store, (s) => s.assessment);
  const index = useSlice(store, (s) => s.questionIndex);
  const answers = useSlice(store, (s) => s.answers);
  const confidence = useSlice(store, (s) => s.confidence);
  const busy = useSlice(store, (s) => s.busy);
  const error = useSlice(store, (s) => s.error);
  const lang = i18n.language;
  const s = store.getState();
  if (!a) return null;
  const q = a.questions[index];
  const multiple = q.kind === 'multiple';
  const chosen = answers[q.id] ?? [];
  const last = index === a.questions.length - 1;
  const unanswered = a.questions.filter((x) => !answers[x.id]?.length).length;
  // A scenario is a chain of decisions: each step is answered before the next shows, and a
  // decision taken is not revisited (the next step builds on it).
  const chain = q.scenario
    ? a.questions.filter((x) => x.scenario && x.scenario.en === q.scenario!.en).map((x) => x.id)
    : [];
  const step = chain.indexOf(q.id);
  const inChain = step > 0;
  const mustAnswer = chain.length > 0 && !chosen.length;

  return (
    <main id="main" className="screen training" data-testid="screen-assessment">
      <div className="screen__head">
        <h1 className="screen-title">{t('training.questionOf', { n: index + 1, total: a.questions.length })}</h1>
      </div>
      <ErrorAlert error={error} />
      <progress className="meter meter--wide" max={a.questions.length} value={index + 1} aria-hidden="true" />
      {q.scenario && (
        <section className="panel scenario" data-testid="scenario" aria-label={t('practical.scenario')}>
          <p className="scenario__step">{t('practical.step', { n: step + 1, total: chain.length })}</p>
          <p className="scenario__text">{pick(q.scenario, lang)}</p>
        </section>
      )}
      <fieldset className="panel question" data-testid="question" data-kind={q.kind}>
        <legend className="question__prompt">{pick(q.prompt, lang)}</legend>
        <p className="screen-hint">{multiple ? t('training.chooseMany') : t('training.chooseOne')}</p>
        <div className="options" role={multiple ? 'group' : 'radiogroup'}>
          {q.options.map((o) => {
            const on = chosen.includes(o.id);
            return (
              <button
                key={o.id}
                type="button"
                role={multiple ? 'checkbox' : 'radio'}
                aria-checked={on}
                className={`option${on ? ' option--on' : ''}`}
                data-testid="option"
                data-option={o.id}
                onClick={() => s.choose(q.id, o.id, multiple)}
              >
                <span className={`option__mark option__mark--${multiple ? 'box' : 'dot'}`} aria-hidden="true">
                  {on && <Icon name="check" size={26} />}
                </span>
                <span>{pick(o, lang)}</span>
              </button>
            );
          })}
        </div>
      </fieldset>
      <fieldset className="panel confidence" data-testid="confidence">
        <legend>{t('practical.howSure')}</legend>
        <div className="confidence__scale" role="radiogroup">
          {[1, 2, 3, 4, 5].map((n) => (
            <button
              key={n}
              type="button"
              role="radio"
              aria-checked={confidence[q.id] === n}
              aria-label={t(`practical.sure${n}`)}
              className={`option confidence__level${confidence[q.id] === n ? ' option--on' : ''}`}
              data-testid="confidence-level"
              data-level={n}
              onClick={() => s.rateConfidence(q.id, n)}
            >
              <strong>{n}</strong>
              <span>{t(`practical.sure${n}`)}</span>
            </button>
          ))}
        </div>
      </fieldset>
      <div className="training__nav">
        <button
          type="button"
          className="button button--secondary"
          disabled={index === 0 || inChain}
          onClick={() => s.goToQuestion(index - 1)}
        >
          {t('training.previous')}
        </button>
        {!last && (
          <button
            type="button"
            className="button button--primary"
            data-testid="next-question"
            disabled={mustAnswer}
            onClick={() => s.goToQuestion(index + 1)}
          >
            {t('training.next')}
          </button>
        )}
        {last && (
          <button
            type="button"
            className="button button--primary"
            data-testid="submit-assessment"
            disabled={busy || mustAnswer}
            onClick={() => void s.submitAssessment()}
          >
            {t('training.submit')}
          </button>
        )}
      </div>
      {last && unanswered > 0 && (
        <p className="alert alert--info" role="status">
          {t('training.unanswered', { count: unanswered })}
        </p>
      )}
    </main>
  );
}
