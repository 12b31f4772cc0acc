import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnswerValue } from '../../../shared/compliance/answer.js';
import type { ItemOutcome } from '../../../shared/compliance/scoring.js';
import type { TemplateItem } from '../../../shared/compliance/template.js';

/** Hex SHA-256 of bytes, in the browser: a photo or a signature is referenced by its content hash. */
async function sha256(data: BufferSource): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', data);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export interface ItemRowProps {
  item: TemplateItem;
  answer: AnswerValue | undefined;
  outcome: ItemOutcome;
  lang: 'en' | 'fr';
  editable: boolean;
  signerName: string;
  reportId: string;
  onAnswer(value: AnswerValue): void;
  /** Shown under the controls (both values of a conflict). */
  children?: ReactNode;
}

/** One item per row: its label, what passes, and large controls for its kind. */
export function ItemRow({
  item,
  answer,
  outcome,
  lang,
  editable,
  signerName,
  reportId,
  onAnswer,
  children,
}: ItemRowProps) {
  const { t } = useTranslation();
  const value = answer && 'value' in answer ? answer.value : undefined;
  const na = answer !== undefined && 'na' in answer;
  const [draft, setDraft] = useState(value === undefined ? '' : String(value));
  const choose = (v: string | number) => onAnswer({ value: v });
  const pressed = (v: string) => (value === v ? 'true' : 'false');

  const range = item.range;
  const hint = range
    ? range.min !== undefined && range.max !== undefined
      ? t('compliance.form.range', { min: range.min, max: range.max, unit: range.unit })
      : range.min !== undefined
        ? t('compliance.form.atLeast', { min: range.min, unit: range.unit })
        : t('compliance.form.atMost', { max: range.max, unit: range.unit })
    : null;

  return (
    <li
      className={`compliance-item compliance-item--${outcome}`}
      data-testid={`item-${item.id}`}
      data-outcome={outcome}
    >
      <div className="compliance-item__label">
        <span id={`label-${item.id}`}>{item.label[lang]}</span>
        <span className="compliance-item__tags">
          {item.critical && (
            <span className="compliance-tag compliance-tag--critical">{t('compliance.form.critical')}</span>
          )}
          {hint && <span className="compliance-tag">{hint}</span>}
          {(outcome === 'pass' || outcome === 'fail') && (
            <span className={`compliance-tag compliance-tag--${outcome}`}>
              {t(`compliance.form.outcome.${outcome}`)}
            </span>
          )}
        </span>
      </div>
      <div className="compliance-item__controls" role="group" aria-labelledby={`label-${item.id}`}>
        {item.kind === 'yes_no' && (
          <>
            <button
              type="button"
              className="button choice"
              aria-pressed={pressed('yes')}
              disabled={!editable}
              onClick={() => choose('yes')}
            >
              {t('compliance.form.yes')}
            </button>
            <button
              type="button"
              className="button choice"
              aria-pressed={pressed('no')}
              disabled={!editable}
              onClick={() => choose('no')}
            >
              {t('compliance.form.no')}
            </button>
          </>
        )}
        {item.kind === 'choice' &&
          item.options!.map((o) => (
            <button
              key={o.id}
              type="button"
              className="button choice"
              aria-pressed={pressed(o.id)}
              disabled={!editable}
              onClick={() => choose(o.id)}
            >
              {o.label[lang]}
            </button>
          ))}
        {(item.kind === 'number' || item.kind === 'text' || item.kind === 'date') && (
          <form
            className="compliance-item__field"
            onSubmit={(e) => {
              e.preventDefault();
              if (draft.trim() === '') return;
              choose(item.kind === 'number' ? Number(draft.replace(',', '.')) : draft.trim());
            }}
          >
            <input
              className="field__control"
              aria-labelledby={`label-${item.id}`}
              data-testid={`input-${item.id}`}
              type={item.kind === 'date' ? 'date' : 'text'}
              inputMode={item.kind === 'number' ? 'decimal' : undefined}
              value={draft}
              disabled={!editable}
              onChange={(e) => setDraft(e.target.value)}
            />
            {item.kind === 'number' && <span className="compliance-unit">{range?.unit}</span>}
            <button type="submit" className="button button--secondary" disabled={!editable || draft.trim() === ''}>
              {t('compliance.form.save')}
            </button>
          </form>
        )}
        {item.kind === 'signature' && (
          <button
            type="button"
            className="button choice"
            aria-pressed={value !== undefined ? 'true' : 'false'}
            disabled={!editable}
            onClick={() =>
              void sha256(new TextEncoder().encode(`${reportId}|${item.id}|${signerName}`)).then((h) => choose(h))
            }
          >
            {value !== undefined ? t('compliance.form.signed') : t('compliance.form.sign', { name: signerName })}
          </button>
        )}
        {item.kind === 'photo' && (
          <label className={`button choice${editable ? '' : ' is-disabled'}`}>
            {value !== undefined ? t('compliance.form.photoAttached') : t('compliance.form.photo')}
            <input
              type="file"
              accept="image/*"
              capture="environment"
              className="sr-only"
              disabled={!editable}
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file)
                  void file
                    .arrayBuffer()
                    .then(sha256)
                    .then((h) => choose(h));
              }}
            />
          </label>
        )}
        {item.allowNa && (
          <button
            type="button"
            className="button choice"
            aria-pressed={na ? 'true' : 'false'}
            disabled={!editable}
            onClick={() => onAnswer({ na: true })}
          >
            {t('compliance.form.na')}
          </button>
        )}
      </div>
      {children}
    </li>
  );
}
