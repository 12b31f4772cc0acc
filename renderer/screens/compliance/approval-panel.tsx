import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApprovalStep } from '../../../shared/compliance/approval-steps.js';
import { useSlice } from '../../app/services.js';
import { formatDateTime } from '../../i18n/format.js';
import type { ReportDetail } from '../../stores/compliance-store.js';
import { useCompliance } from './use-compliance.js';

/** The steps signed so far, and the steps the signed-in person may sign now with their PIN. */
export function ApprovalPanel({ detail, lang }: { detail: ReportDetail; lang: 'en' | 'fr' }) {
  const { t } = useTranslation();
  const store = useCompliance();
  const busy = useSlice(store, (s) => s.busy);
  const notice = useSlice(store, (s) => s.notice);
  const [pin, setPin] = useState('');
  const [comment, setComment] = useState('');

  const sign = (step: ApprovalStep) => {
    const typed = pin;
    setPin('');
    void store
      .getState()
      .sign(step, typed, comment.trim() || null)
      .then((ok) => ok && setComment(''));
  };

  return (
    <section
      className="compliance-panel compliance-approval"
      aria-labelledby="approval-title"
      data-testid="approval-panel"
    >
      <h2 id="approval-title" className="screen-subtitle">
        {t('compliance.approval.title')}
      </h2>
      {detail.approvals.length > 0 && (
        <ol className="compliance-history" aria-label={t('compliance.approval.history')} data-testid="approval-history">
          {detail.approvals.map((a, i) => (
            <li key={i}>
              <strong>{t(`compliance.approval.done.${a.step}`, { name: a.userName ?? '?', role: a.roleCode })}</strong>
              <span>{formatDateTime(a.at, lang)}</span>
              {a.comment && <q>{a.comment}</q>}
            </li>
          ))}
        </ol>
      )}
      {notice === 'signed' && (
        <p className="alert alert--success" role="status">
          {t('compliance.approval.signed')}
        </p>
      )}
      {detail.nextSteps.length === 0 ? (
        <p className="screen-hint">{t('compliance.approval.none')}</p>
      ) : (
        <div className="compliance-sign">
          <div className="field">
            <label htmlFor="approval-pin">{t('compliance.approval.pin')}</label>
            <input
              id="approval-pin"
              className="field__control"
              data-testid="approval-pin"
              type="password"
              inputMode="numeric"
              autoComplete="off"
              maxLength={8}
              value={pin}
              onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))}
            />
          </div>
          {detail.nextSteps.includes('return') && (
            <div className="field">
              <label htmlFor="approval-comment">{t('compliance.approval.comment')}</label>
              <textarea
                id="approval-comment"
                className="field__control"
                rows={2}
                value={comment}
                onChange={(e) => setComment(e.target.value)}
              />
              <span className="field__hint">{t('compliance.approval.commentHint')}</span>
            </div>
          )}
          <div className="compliance-sign__steps">
            {detail.nextSteps.map((step) => (
              <button
                key={step}
                type="button"
                className={`button ${step === 'return' ? 'button--secondary' : 'button--primary'}`}
                data-testid={`sign-${step}`}
                disabled={busy || pin.length < 4}
                onClick={() => sign(step)}
              >
                {t(`compliance.approval.steps.${step}`)}
              </button>
            ))}
          </div>
        </div>
      )}
    </section>
  );
}
