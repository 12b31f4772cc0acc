import { useTranslation } from 'react-i18next';
import type { MethodInput } from '../../../shared/api/contract.js';

// The category has a default in the schema, so a draft may not carry it yet.
type Draft = MethodInput<'training.saveDraft'> & { category?: string };

function NumberField({
  label,
  value,
  min,
  max,
  onChange,
  testId,
}: {
  label: string;
  value: number;
  min: number;
  max: number;
  onChange(v: number): void;
  testId: string;
}) {
  return (
    <label className="field">
      <span>{label}</span>
      <input
        className="field__control"
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        data-testid={testId}
        value={value}
        onChange={(e) => onChange(Math.max(min, Math.min(max, Number(e.target.value) || min)))}
      />
    </label>
  );
}

/**
 * The module details of the training guide (§2) in the authoring form: category, difficulty,
 * duration, prerequisites, pass mark, attempt limit and the learning objectives in both languages.
 */
export function AuthorDetails({ d, onChange }: { d: Draft; onChange(d: Draft): void }) {
  const { t } = useTranslation();
  const lines = (s: string) =>
    s
      .split('\n')
      .map((x) => x.trim())
      .filter(Boolean);
  return (
    <fieldset className="panel author-details">
      <legend>{t('authorDetails.title')}</legend>
      <label className="field">
        <span>{t('authorDetails.category')}</span>
        <input
          className="field__control"
          data-testid="author-category"
          value={d.category ?? 'general'}
          onChange={(e) => onChange({ ...d, category: e.target.value.toLowerCase() })}
        />
      </label>
      <NumberField
        label={t('authorDetails.difficulty')}
        value={d.difficulty}
        min={1}
        max={5}
        onChange={(v) => onChange({ ...d, difficulty: v })}
        testId="author-difficulty"
      />
      <NumberField
        label={t('authorDetails.minutes')}
        value={d.estimatedMinutes}
        min={1}
        max={600}
        onChange={(v) => onChange({ ...d, estimatedMinutes: v })}
        testId="author-minutes"
      />
      <NumberField
        label={t('authorDetails.passMark')}
        value={d.passThreshold}
        min={1}
        max={100}
        onChange={(v) => onChange({ ...d, passThreshold: v })}
        testId="author-pass-mark"
      />
      <NumberField
        label={t('authorDetails.maxAttempts')}
        value={d.maxAttempts}
        min={0}
        max={20}
        onChange={(v) => onChange({ ...d, maxAttempts: v })}
        testId="author-max-attempts"
      />
      <label className="field">
        <span>{t('authorDetails.prerequisites')}</span>
        <input
          className="field__control"
          data-testid="author-prerequisites"
          value={d.prerequisites.join(', ')}
          onChange={(e) =>
            onChange({
              ...d,
              prerequisites: e.target.value
                .toUpperCase()
                .split(/[,\s]+/)
                .filter(Boolean),
            })
          }
        />
      </label>
      {(['en', 'fr'] as const).map((l) => (
        <label key={l} className="field">
          <span>
            {t('authorDetails.objectives')} ({l.toUpperCase()})
          </span>
          <textarea
            className="field__control"
            rows={3}
            data-testid={`author-objectives-${l}`}
            value={d.objectives[l].join('\n')}
            onChange={(e) => onChange({ ...d, objectives: { ...d.objectives, [l]: lines(e.target.value) } })}
          />
        </label>
      ))}
    </fieldset>
  );
}
