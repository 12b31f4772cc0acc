import { useTranslation } from 'react-i18next';
import { useSlice } from '../../app/services.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { Icon } from '../../components/icon.js';
import { AssessmentReady } from './assessment-ready.js';
import { RichText, pick } from './rich-text.js';
import { useTraining } from './use-training.js';
import { SectionImage } from './section-image.js';

/** A module read one section at a time; the last step opens the assessment. */
export function ModuleView() {
  const { t, i18n } = useTranslation();
  const store = useTraining();
  const mod = useSlice(store, (s) => s.module);
  const index = useSlice(store, (s) => s.sectionIndex);
  const busy = useSlice(store, (s) => s.busy);
  const error = useSlice(store, (s) => s.error);
  const lang = i18n.language;
  const s = store.getState();

  if (!mod)
    return (
      <main id="main" className="screen training">
        <ErrorAlert error={error} />
        <p className="screen-hint">{t('common.loading')}</p>
      </main>
    );
  const section = mod.sections[index];
  const last = index === mod.sections.length - 1;
  const allDone = mod.sections.every((x) => x.completed);

  return (
    <main id="main" className="screen training" data-testid="screen-module" data-code={mod.code}>
      <div className="screen__head">
        <h1 className="screen-title">{pick(mod.title, lang)}</h1>
        <button
          type="button"
          className="button button--secondary"
          data-testid="back-to-catalog"
          onClick={() => void s.open({ name: 'catalog' })}
        >
          <Icon name="back" size={28} />
          <span>{t('training.backToList')}</span>
        </button>
      </div>
      <ErrorAlert error={error} />
      <ol className="section-steps" aria-label={t('training.sectionOf', { n: index + 1, total: mod.sections.length })}>
        {mod.sections.map((x, i) => (
          <li key={x.id}>
            <button
              type="button"
              className={`step${i === index ? ' step--current' : ''}${x.completed ? ' step--done' : ''}`}
              aria-current={i === index ? 'step' : undefined}
              aria-label={`${t('training.sectionOf', { n: i + 1, total: mod.sections.length })}: ${pick(x.title, lang)}${x.completed ? ` (${t('training.completedSection')})` : ''}`}
              onClick={() => void s.goToSection(i)}
            >
              {x.completed ? <Icon name="check" size={26} /> : i + 1}
            </button>
          </li>
        ))}
      </ol>
      {section && (
        <article className="panel section-card" data-testid="section" data-position={section.position}>
          <p className="section-card__count">{t('training.sectionOf', { n: index + 1, total: mod.sections.length })}</p>
          <h2 className="section-card__title">{pick(section.title, lang)}</h2>
          {section.image && <SectionImage className="section-card__image" image={section.image} />}
          <RichText text={pick(section.body, lang)} />
        </article>
      )}
      <div className="training__nav">
        <button
          type="button"
          className="button button--secondary"
          disabled={index === 0 || busy}
          onClick={() => void s.goToSection(index - 1)}
        >
          {t('training.previous')}
        </button>
        <button
          type="button"
          className={`button button--secondary${section?.bookmarked ? ' button--on' : ''}`}
          aria-pressed={section?.bookmarked ?? false}
          data-testid="bookmark"
          disabled={busy}
          onClick={() => void s.toggleBookmark()}
        >
          {section?.bookmarked ? t('training.bookmarked') : t('training.bookmark')}
        </button>
        <button
          type="button"
          className="button button--primary"
          data-testid="section-done"
          disabled={busy}
          onClick={() => void s.completeSection()}
        >
          {last ? t('training.markDoneLast') : t('training.markDone')}
        </button>
      </div>
      {(allDone || last) && <AssessmentReady mod={mod} busy={busy} onStart={() => void s.startAssessment()} />}
    </main>
  );
}
