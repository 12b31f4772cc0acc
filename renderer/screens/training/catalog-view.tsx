import { useTranslation } from 'react-i18next';
import { useServices, useSlice } from '../../app/services.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { Icon } from '../../components/icon.js';
import { BackButton } from '../../components/back-button.js';
import { formatDate, pick } from './rich-text.js';
import { useTraining } from './use-training.js';

/** The trainee's home in training: learning paths with their next module, then every module. */
export function CatalogView() {
  const { t, i18n } = useTranslation();
  const store = useTraining();
  const { session } = useServices();
  const mayAuthor = useSlice(session, (s) => s.session?.user.permissions.includes('training.author') ?? false);
  const maySetTemplate = useSlice(session, (s) => s.session?.user.permissions.includes('settings.manage') ?? false);
  const catalog = useSlice(store, (s) => s.catalog);
  const error = useSlice(store, (s) => s.error);
  const lang = i18n.language;
  const open = (moduleId: string) => void store.getState().open({ name: 'module', moduleId });

  return (
    <main id="main" className="screen training" data-testid="screen-training">
      <div className="screen__head">
        <h1 className="screen-title">{t('training.title')}</h1>
        <div className="training__actions">
          <button
            type="button"
            className="button button--secondary"
            data-testid="open-certificates"
            onClick={() => void store.getState().open({ name: 'certificates' })}
          >
            {t('training.myCertificates')}
          </button>
          <button
            type="button"
            className="button button--secondary"
            data-testid="open-check"
            onClick={() => void store.getState().open({ name: 'check' })}
          >
            {t('certcheck.open')}
          </button>
          {maySetTemplate && (
            <button
              type="button"
              className="button button--secondary"
              data-testid="open-template"
              onClick={() => void store.getState().open({ name: 'template' })}
            >
              {t('certcheck.template')}
            </button>
          )}
          <button
            type="button"
            className="button button--secondary"
            data-testid="open-sessions"
            onClick={() => void store.getState().open({ name: 'sessions' })}
          >
            {t('training.sessions')}
          </button>
          <button
            type="button"
            className="button button--secondary"
            data-testid="open-practical"
            onClick={() => void store.getState().open({ name: 'practical' })}
          >
            {t('practical.open')}
          </button>
          {mayAuthor && (
            <button
              type="button"
              className="button button--secondary"
              data-testid="open-author"
              onClick={() => void store.getState().open({ name: 'author' })}
            >
              {t('author.open')}
            </button>
          )}
          <BackButton />
        </div>
      </div>
      <ErrorAlert error={error} />
      {!catalog && !error && <p className="screen-hint">{t('common.loading')}</p>}
      {catalog && catalog.paths.length > 0 && (
        <section aria-labelledby="paths-title">
          <h2 id="paths-title" className="section-title">
            {t('training.paths')}
          </h2>
          <ul className="path-list">
            {catalog.paths.map((p) => (
              <li key={p.id} className="path-card" data-testid="path-card" data-code={p.code}>
                <div className="path-card__text">
                  <strong className="path-card__title">{pick(p.title, lang)}</strong>
                  <span>{t('training.pathProgress', { done: p.done, total: p.total })}</span>
                  <progress
                    className="meter"
                    max={100}
                    value={p.percent}
                    aria-label={t('training.pathProgress', { done: p.done, total: p.total })}
                  />
                  <span>
                    {p.next ? t('training.pathNext', { title: pick(p.next.title, lang) }) : t('training.pathDone')}
                  </span>
                </div>
                {p.next && (
                  <button
                    type="button"
                    className="button button--primary"
                    data-testid="path-continue"
                    onClick={() => open(p.next!.id)}
                  >
                    {t('training.continue')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      {catalog && (
        <section aria-labelledby="modules-title">
          <h2 id="modules-title" className="section-title">
            {t('training.modules')}
          </h2>
          <ul className="module-grid">
            {catalog.modules.map((m) => (
              <li key={m.id}>
                <button
                  type="button"
                  className={`module-card module-card--${m.status}`}
                  data-testid="module-card"
                  data-code={m.code}
                  onClick={() => open(m.id)}
                >
                  <span className="module-card__title">{pick(m.title, lang)}</span>
                  <span className="module-card__meta">
                    {t('training.minutes', { count: m.estimatedMinutes })} ·{' '}
                    {t('training.difficulty', { level: m.difficulty })}
                  </span>
                  <progress
                    className="meter"
                    max={100}
                    value={m.progressPercent}
                    aria-label={t('training.progress', { percent: m.progressPercent })}
                  />
                  <span className={`badge badge--${m.status}`}>
                    {m.status === 'completed' && <Icon name="check" size={22} />}
                    {t(`training.status${m.status[0].toUpperCase()}${m.status.slice(1)}`)}
                    {m.bestScore !== null && ` · ${m.bestScore} %`}
                  </span>
                  {m.assigned && !m.passed && (
                    <span className="module-card__note">
                      {m.dueAt ? t('training.due', { date: formatDate(m.dueAt, lang) }) : t('training.assigned')}
                    </span>
                  )}
                  {m.missingPrerequisites.length > 0 && (
                    <span className="module-card__note">
                      {t('training.needsFirst', {
                        codes: m.missingPrerequisites
                          .map((c) => {
                            const x = catalog.modules.find((y) => y.code === c);
                            return x ? pick(x.title, lang) : c;
                          })
                          .join(', '),
                      })}
                    </span>
                  )}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </main>
  );
}
