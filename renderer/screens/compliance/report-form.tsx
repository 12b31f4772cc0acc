import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FILLABLE } from '../../../shared/compliance/approval-steps.js';
import type { AnswerValue } from '../../../shared/compliance/answer.js';
import { useServices, useSlice } from '../../app/services.js';
import { formatDateTime } from '../../i18n/format.js';
import type { ReportDetail } from '../../stores/compliance-store.js';
import { ApprovalPanel } from './approval-panel.js';
import { ExportButton } from './export-dialog.js';
import { ExportHistory } from './export-history.js';
import { ItemRow } from './item-row.js';
import { useCompliance } from './use-compliance.js';

const show = (v: AnswerValue, t: (k: string) => string) =>
  'na' in v
    ? t('compliance.form.na')
    : v.value === 'yes'
      ? t('compliance.form.yes')
      : v.value === 'no'
        ? t('compliance.form.no')
        : String(v.value);

/**
 * A report being filled (one item per row, each answer saved as it is given, so leaving and
 * coming back resumes it) or signed off. Items two kiosks changed at once show both values.
 */
export function ReportForm({ detail }: { detail: ReportDetail }) {
  const { t, i18n } = useTranslation();
  const { session, api } = useServices();
  const [exports, setExports] = useState(0);
  const store = useCompliance();
  const signerName = useSlice(session, (s) => s.session?.user.displayName ?? '');
  const lang = i18n.language === 'fr' ? 'fr' : 'en';
  const { report, template, answers, score, conflicts } = detail;
  const editable = FILLABLE.includes(report.status);
  const items = template.content.sections.flatMap((s) => s.items);
  const answered = items.filter((i) => answers[i.id] !== undefined).length;
  const conflictOf = new Map(conflicts.map((c) => [c.itemId, c]));
  const labelOf = new Map(items.map((i) => [i.id, i.label[lang]]));

  return (
    <div className="compliance-report" data-testid="compliance-report" data-status={report.status}>
      <div className="compliance-report__head">
        <button type="button" className="button button--secondary" onClick={() => store.getState().close()}>
          {t('compliance.form.back')}
        </button>
        <div className="compliance-report__title">
          <h2 className="screen-subtitle">{template.title[lang]}</h2>
          <span>
            {t('compliance.form.version', { version: template.version })} ·{' '}
            <span className={`compliance-status compliance-status--${report.status}`} data-testid="report-status">
              {t(`compliance.status.${report.status}`)}
            </span>{' '}
            · {t('compliance.form.answered', { count: answered, total: items.length })}
          </span>
        </div>
        <div
          className={`compliance-score compliance-score--${score.passed ? 'pass' : 'fail'}`}
          data-testid="report-score"
          data-score={score.score}
        >
          <span>{t('compliance.form.score')}</span>
          <strong>
            {template.method === 'points'
              ? t('compliance.form.points', { score: score.score, max: score.maxScore })
              : t('compliance.form.percent', { score: score.score })}
          </strong>
          <span>{score.passed ? t('compliance.form.passed') : t('compliance.form.failed')}</span>
        </div>
        <ExportButton
          request={(format) => api.call('compliance.export', { id: report.id, format })}
          onExported={() => setExports((n) => n + 1)}
        />
      </div>
      {!editable && (
        <p className="alert alert--info">
          {t('compliance.form.locked', { status: t(`compliance.status.${report.status}`).toLocaleLowerCase(lang) })}
        </p>
      )}
      {score.failedCritical.length > 0 && (
        <p className="alert alert--error" role="status">
          {t('compliance.form.failedCritical', { items: score.failedCritical.map((id) => labelOf.get(id)).join(', ') })}
        </p>
      )}
      {template.content.sections.map((section) => (
        <section key={section.id} className="compliance-section" aria-labelledby={`section-${section.id}`}>
          <h3 id={`section-${section.id}`}>{section.title[lang]}</h3>
          <ul className="compliance-items">
            {section.items.map((item) => {
              const conflict = conflictOf.get(item.id);
              return (
                <ItemRow
                  key={item.id}
                  item={item}
                  answer={answers[item.id]}
                  outcome={score.items[item.id]}
                  lang={lang}
                  editable={editable}
                  signerName={signerName}
                  reportId={report.id}
                  onAnswer={(v) => void store.getState().answer(item.id, v)}
                >
                  {conflict && (
                    <div
                      className="alert alert--info compliance-conflict"
                      role="status"
                      data-testid={`conflict-${item.id}`}
                    >
                      <strong>{t('compliance.form.conflictTitle')}</strong>
                      {conflict.values.map((v, i) => (
                        <div key={i} className="compliance-conflict__value">
                          <span>
                            {t('compliance.form.conflictValue', {
                              value: show(v.value, t),
                              name: v.userName ?? '?',
                              time: formatDateTime(v.at, lang),
                            })}
                          </span>
                          {editable && (
                            <button
                              type="button"
                              className="button button--secondary"
                              onClick={() => void store.getState().answer(item.id, v.value)}
                            >
                              {t('compliance.form.keep', { value: show(v.value, t) })}
                            </button>
                          )}
                        </div>
                      ))}
                    </div>
                  )}
                </ItemRow>
              );
            })}
          </ul>
        </section>
      ))}
      <ApprovalPanel detail={detail} lang={lang} />
      <ExportHistory reportId={report.id} version={exports} lang={lang} />
    </div>
  );
}
