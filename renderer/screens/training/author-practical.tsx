import { useTranslation } from 'react-i18next';
import type { MethodInput } from '../../../shared/api/contract.js';
import { newId } from '../../../shared/ids.js';
import { Pair } from './author-pair.js';

type Draft = MethodInput<'training.saveDraft'>;
type Item = NonNullable<Draft['practicalItems']>[number];
type L10n = { en: string; fr: string };

/**
 * The scenario part of one question in the authoring form: whether it belongs to a situation,
 * and that situation's text in both languages. Consecutive questions on the same situation are
 * one scenario, answered step by step, so "same situation as the step before" copies it.
 */
export function ScenarioField({
  index,
  scenario,
  previous,
  onChange,
}: {
  index: number;
  scenario: L10n | null | undefined;
  /** The previous question's situation, offered as the next step of the same scenario. */
  previous: L10n | null | undefined;
  onChange(s: L10n | null): void;
}) {
  const { t } = useTranslation();
  const on = !!scenario;
  return (
    <div className="author-scenario">
      <div className="training__nav">
        <button
          type="button"
          role="checkbox"
          aria-checked={on}
          className={`button button--secondary${on ? ' button--on' : ''}`}
          data-testid={`author-q${index}-scenario-toggle`}
          onClick={() => onChange(on ? null : (previous ?? { en: '', fr: '' }))}
        >
          {t('authorPractical.scenario')}
        </button>
        {previous && on && (scenario!.en !== previous.en || scenario!.fr !== previous.fr) && (
          <button
            type="button"
            className="button button--secondary"
            data-testid={`author-q${index}-scenario-same`}
            onClick={() => onChange(previous)}
          >
            {t('authorPractical.sameSituation')}
          </button>
        )}
      </div>
      {on && (
        <>
          <Pair
            label={t('authorPractical.situation')}
            value={scenario!}
            area
            onChange={onChange}
            testId={`author-q${index}-scenario`}
          />
          <p className="screen-hint">
            {previous && previous.en === scenario!.en && previous.fr === scenario!.fr
              ? t('authorPractical.nextStep')
              : t('authorPractical.firstStep')}
          </p>
        </>
      )}
    </div>
  );
}

/**
 * The practical items of a module: what a learner demonstrates and an instructor signs off, each
 * with its label in both languages, a weight, and whether it is critical (not competent on a
 * critical item fails the assessment whatever the score).
 */
export function PracticalItemsEditor({ items, onChange }: { items: Item[]; onChange(items: Item[]): void }) {
  const { t } = useTranslation();
  const set = (i: number, patch: Partial<Item>) => onChange(items.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  return (
    <fieldset className="panel" data-testid="author-practical">
      <legend>{t('authorPractical.title')}</legend>
      <p className="screen-hint">{t(items.length ? 'authorPractical.criticalHint' : 'authorPractical.none')}</p>
      {items.map((item, i) => (
        <div key={item.id} className="author-item" data-testid="author-item">
          <Pair
            label={t('authorPractical.item', { n: i + 1 })}
            value={item.title}
            onChange={(title) => set(i, { title })}
            testId={`author-p${i}-title`}
          />
          <div className="training__nav">
            <label className="field">
              <span>{t('authorPractical.weight')}</span>
              <input
                className="field__control"
                type="number"
                inputMode="numeric"
                min={1}
                max={10}
                data-testid={`author-p${i}-weight`}
                value={item.weight}
                onChange={(e) => set(i, { weight: Math.max(1, Math.min(10, Number(e.target.value) || 1)) })}
              />
            </label>
            <button
              type="button"
              role="checkbox"
              aria-checked={item.critical}
              className={`button button--secondary${item.critical ? ' button--on' : ''}`}
              data-testid={`author-p${i}-critical`}
              onClick={() => set(i, { critical: !item.critical })}
            >
              {t('authorPractical.critical')}
            </button>
            <button
              type="button"
              className="button button--secondary"
              data-testid={`author-p${i}-remove`}
              onClick={() => onChange(items.filter((_, j) => j !== i))}
            >
              {t('authorPractical.remove')}
            </button>
          </div>
        </div>
      ))}
      <button
        type="button"
        className="button button--secondary"
        data-testid="author-add-item"
        onClick={() => onChange([...items, { id: newId(), title: { en: '', fr: '' }, weight: 1, critical: false }])}
      >
        {t('authorPractical.add')}
      </button>
    </fieldset>
  );
}
