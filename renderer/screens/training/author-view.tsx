import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodInput, MethodOutput } from '../../../shared/api/contract.js';
import type { ErrorData } from '../../../shared/errors.js';
import { newId } from '../../../shared/ids.js';
import { useServices } from '../../app/services.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { AuthorDetails } from './author-details.js';
import { Pair } from './author-pair.js';
import { PracticalItemsEditor, ScenarioField } from './author-practical.js';
import { pick } from './rich-text.js';
import { useTraining } from './use-training.js';
import { PhotoButton } from '../../components/photo-button.js';
import { SectionImage } from './section-image.js';

type Draft = MethodInput<'training.saveDraft'>;
type Listed = MethodOutput<'training.drafts'>[number];
type Problem = { path: string; message: string };

const blank = (): Draft => ({
  id: newId(),
  code: '',
  title: { en: '', fr: '' },
  description: { en: '', fr: '' },
  objectives: { en: [], fr: [] },
  difficulty: 1,
  estimatedMinutes: 15,
  prerequisites: [],
  passThreshold: 80,
  maxAttempts: 3,
  cooldownMinutes: 30,
  validityDays: 365,
  sections: [{ id: newId(), title: { en: '', fr: '' }, body: { en: '', fr: '' }, image: null }],
  questions: [
    {
      id: newId(),
      kind: 'single',
      prompt: { en: '', fr: '' },
      options: [
        { id: 'a', en: '', fr: '' },
        { id: 'b', en: '', fr: '' },
      ],
      correct: ['a'],
      weight: 1,
      explanation: { en: '', fr: '' },
    },
  ],
});

/** Administrators write modules: both languages side by side; publishing checks they are complete. */
export function AuthorView() {
  const { t, i18n } = useTranslation();
  const { api } = useServices();
  const store = useTraining();
  const [list, setList] = useState<Listed[]>([]);
  const [d, setD] = useState<Draft>(blank);
  const [problems, setProblems] = useState<Problem[] | null>(null);
  const [error, setError] = useState<ErrorData | null>(null);
  const [note, setNote] = useState('');
  const reload = () => void api.call('training.drafts', {}).then((r) => r.ok && setList(r.value));
  useEffect(reload, [api]);
  const edit = async (id: string) => {
    const r = await api.call('training.loadDraft', { moduleId: id });
    if (!r.ok) return setError(r.error);
    const { status, version, ...rest } = r.value;
    void version;
    // A published version never changes: editing it starts the next version's draft.
    setD(
      status === 'draft'
        ? rest
        : {
            ...rest,
            id: newId(),
            sections: rest.sections.map((s) => ({ ...s, id: newId() })),
            questions: rest.questions.map((q) => ({ ...q, id: newId() })),
            practicalItems: (rest.practicalItems ?? []).map((p) => ({ ...p, id: newId() })),
          },
    );
    setProblems(null);
  };
  const save = async () => {
    setNote('');
    const r = await api.call('training.saveDraft', d);
    if (!r.ok) return setError(r.error);
    setError(null);
    setProblems(r.value.problems);
    reload();
  };
  const publish = async () => {
    await save();
    const r = await api.call('training.publish', { moduleId: d.id });
    // What blocks publishing is listed under the form already.
    if (!r.ok) return setError(r.error.code === 'VALIDATION_FAILED' ? null : r.error);
    setNote(t('author.published'));
    reload();
  };
  const q0 = d.questions[0];

  return (
    <main id="main" className="screen training" data-testid="screen-author">
      <div className="screen__head">
        <h1 className="screen-title">{t('author.title')}</h1>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => void store.getState().open({ name: 'catalog' })}
        >
          {t('training.backToList')}
        </button>
      </div>
      <ErrorAlert error={error} />
      {note && (
        <p className="alert alert--success" role="status" data-testid="author-note">
          {note}
        </p>
      )}
      <ul className="cert-list">
        {list.map((m) => (
          <li key={m.id}>
            <button type="button" className="cert-row" onClick={() => void edit(m.id)}>
              <span className="cert-row__title">{pick(m.title, i18n.language)}</span>
              <span>
                {m.code} v{m.version}
              </span>
              <span className="badge">{t(`author.status_${m.status}`)}</span>
              <span>{m.orgWide ? t('author.orgWide') : t('author.thisSite')}</span>
            </button>
          </li>
        ))}
      </ul>
      <button
        type="button"
        className="button button--secondary"
        data-testid="author-new"
        onClick={() => (setD(blank()), setProblems(null))}
      >
        {t('author.new')}
      </button>
      <section className="panel author-form">
        <label className="field">
          <span>{t('author.code')}</span>
          <input
            className="field__control"
            data-testid="author-code"
            value={d.code}
            onChange={(e) => setD({ ...d, code: e.target.value.toUpperCase() })}
          />
        </label>
        <Pair
          label={t('author.moduleTitle')}
          value={d.title}
          onChange={(v) => setD({ ...d, title: v })}
          testId="author-title"
        />
        <Pair
          label={t('author.description')}
          value={d.description}
          onChange={(v) => setD({ ...d, description: v })}
          area
          testId="author-description"
        />
        <AuthorDetails d={d} onChange={(x) => setD(x)} />
        {d.sections.map((s, i) => (
          <fieldset key={s.id} className="panel">
            <legend>{t('author.section', { n: i + 1 })}</legend>
            <Pair
              label={t('author.sectionTitle')}
              value={s.title}
              onChange={(v) => setD({ ...d, sections: d.sections.map((x, j) => (j === i ? { ...x, title: v } : x)) })}
              testId={`author-s${i}-title`}
            />
            <Pair
              label={t('author.sectionBody')}
              value={s.body}
              area
              onChange={(v) => setD({ ...d, sections: d.sections.map((x, j) => (j === i ? { ...x, body: v } : x)) })}
              testId={`author-s${i}-body`}
            />
            <div className="author-image" data-testid={`author-s${i}-image`}>
              {s.image && <SectionImage className="author-image__preview" image={s.image} />}
              <PhotoButton
                label={s.image ? t('author.replaceImage') : t('author.addImage')}
                testId={`author-s${i}-image-file`}
                onPhoto={(p) =>
                  void api
                    .call('training.addImage', { moduleId: d.id, photo: { mime: p.mime, base64: p.base64 } })
                    .then((r) => {
                      if (!r.ok) return setError(r.error);
                      setD((cur) => ({
                        ...cur,
                        sections: cur.sections.map((x) => (x.id === s.id ? { ...x, image: r.value.image } : x)),
                      }));
                    })
                }
              />
              {s.image && (
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={() =>
                    setD({ ...d, sections: d.sections.map((x, j) => (j === i ? { ...x, image: null } : x)) })
                  }
                >
                  {t('author.removeImage')}
                </button>
              )}
            </div>
          </fieldset>
        ))}
        <button
          type="button"
          className="button button--secondary"
          onClick={() =>
            setD({
              ...d,
              sections: [
                ...d.sections,
                { id: newId(), title: { en: '', fr: '' }, body: { en: '', fr: '' }, image: null },
              ],
            })
          }
        >
          {t('author.addSection')}
        </button>
        {q0 &&
          d.questions.map((q, i) => (
            <fieldset key={q.id} className="panel">
              <legend>{t('author.question', { n: i + 1 })}</legend>
              <Pair
                label={t('author.prompt')}
                value={q.prompt}
                onChange={(v) =>
                  setD({ ...d, questions: d.questions.map((x, j) => (j === i ? { ...x, prompt: v } : x)) })
                }
                testId={`author-q${i}-prompt`}
              />
              {q.options.map((o, k) => (
                <div key={o.id} className="author-option">
                  <Pair
                    label={t('author.option', { n: k + 1 })}
                    value={o}
                    onChange={(v) =>
                      setD({
                        ...d,
                        questions: d.questions.map((x, j) =>
                          j === i ? { ...x, options: x.options.map((y, m) => (m === k ? { ...y, ...v } : y)) } : x,
                        ),
                      })
                    }
                    testId={`author-q${i}-o${k}`}
                  />
                  <button
                    type="button"
                    role="checkbox"
                    aria-checked={q.correct.includes(o.id)}
                    className={`button button--secondary${q.correct.includes(o.id) ? ' button--on' : ''}`}
                    onClick={() =>
                      setD({
                        ...d,
                        questions: d.questions.map((x, j) =>
                          j === i
                            ? {
                                ...x,
                                correct:
                                  x.kind === 'single'
                                    ? [o.id]
                                    : x.correct.includes(o.id)
                                      ? x.correct.filter((c) => c !== o.id)
                                      : [...x.correct, o.id],
                              }
                            : x,
                        ),
                      })
                    }
                  >
                    {t('author.correct')}
                  </button>
                </div>
              ))}
              <Pair
                label={t('author.explanation')}
                value={q.explanation}
                onChange={(v) =>
                  setD({ ...d, questions: d.questions.map((x, j) => (j === i ? { ...x, explanation: v } : x)) })
                }
              />
              <ScenarioField
                index={i}
                scenario={q.scenario}
                previous={i > 0 ? d.questions[i - 1].scenario : null}
                onChange={(v) =>
                  setD({ ...d, questions: d.questions.map((x, j) => (j === i ? { ...x, scenario: v } : x)) })
                }
              />
            </fieldset>
          ))}
        <button
          type="button"
          className="button button--secondary"
          onClick={() => setD({ ...d, questions: [...d.questions, { ...blank().questions[0], id: newId() }] })}
        >
          {t('author.addQuestion')}
        </button>
        <PracticalItemsEditor
          items={d.practicalItems ?? []}
          onChange={(practicalItems) => setD({ ...d, practicalItems })}
        />
        {problems && problems.length > 0 && (
          <div className="alert alert--info" data-testid="author-problems">
            <strong>{t('author.notReady')}</strong>
            <ul>
              {problems.map((p) => (
                <li key={p.path}>{p.message}</li>
              ))}
            </ul>
          </div>
        )}
        <div className="training__nav">
          <button
            type="button"
            className="button button--secondary"
            data-testid="author-save"
            onClick={() => void save()}
          >
            {t('author.saveDraft')}
          </button>
          <button
            type="button"
            className="button button--primary"
            data-testid="author-publish"
            onClick={() => void publish()}
          >
            {t('author.publish')}
          </button>
        </div>
      </section>
    </main>
  );
}
