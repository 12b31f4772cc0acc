import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSlice } from '../../app/services.js';
import { formatDateTime } from '../../i18n/format.js';
import type { CorrectiveAction } from '../../stores/compliance-store.js';
import { formatDate } from './format-date.js';
import { useCompliance } from './use-compliance.js';

const GROUPS = ['open', 'in_progress', 'done'] as const;

/** Corrective actions raised by failed critical items: open, in progress and done, overdue flagged. */
export function ActionList() {
  const { t, i18n } = useTranslation();
  const store = useCompliance();
  const view = useSlice(store, (s) => s.actions);
  const notice = useSlice(store, (s) => s.notice);
  const lang = i18n.language === 'fr' ? 'fr' : 'en';
  if (!view) return null;

  return (
    <div className="compliance-list" data-testid="compliance-actions">
      {notice === 'actionMoved' && (
        <p className="alert alert--success" role="status">
          {t('compliance.actions.moved')}
        </p>
      )}
      {GROUPS.map((status) => {
        const rows = view.actions.filter((a) => a.status === status);
        return (
          <section key={status} className="compliance-panel" aria-labelledby={`actions-${status}`}>
            <h2 id={`actions-${status}`} className="screen-subtitle">
              {t(`compliance.actions.groups.${status}`, { count: rows.length })}
            </h2>
            {rows.length === 0 && <p className="screen-hint">{t('compliance.actions.empty')}</p>}
            <ul className="compliance-rows">
              {rows.map((a) => (
                <ActionRow key={a.id} action={a} lang={lang} />
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}

function ActionRow({ action: a, lang }: { action: CorrectiveAction; lang: 'en' | 'fr' }) {
  const { t } = useTranslation();
  const store = useCompliance();
  const busy = useSlice(store, (s) => s.busy);
  const [move, setMove] = useState<'in_progress' | 'done' | null>(null);
  const [pin, setPin] = useState('');
  const [note, setNote] = useState('');

  const confirm = () => {
    if (!move) return;
    const typed = pin;
    setPin('');
    void store
      .getState()
      .moveAction(a.id, move, typed, note.trim() || null)
      .then((ok) => {
        if (ok) {
          setMove(null);
          setNote('');
        }
      });
  };

  return (
    <li
      className={`compliance-row compliance-action${a.overdue ? ' compliance-row--missed' : ''}`}
      data-testid={`action-${a.itemId ?? a.id}`}
    >
      <div className="compliance-row__text">
        <strong>{a.title[lang]}</strong>
        <span>{a.reportTitle[lang]}</span>
        <span>
          {a.overdue && (
            <span className="compliance-status compliance-status--returned">{t('compliance.actions.overdue')}</span>
          )}{' '}
          {t('compliance.actions.due', { date: formatDate(a.dueDate, lang) })} ·{' '}
          {t('compliance.actions.owner', { role: a.ownerRole ?? '—' })} ·{' '}
          {a.ageDays === 0 ? t('compliance.actions.ageToday') : t('compliance.actions.age', { count: a.ageDays })}
        </span>
        {a.steps.length > 0 && (
          <ol className="compliance-history" aria-label={t('compliance.approval.history')}>
            {a.steps.map((s, i) => (
              <li key={i}>
                <strong>
                  {t(`compliance.actions.stepDone.${s.to}`, { name: s.userName ?? '?', role: s.roleCode })}
                </strong>
                <span>{formatDateTime(s.at, lang)}</span>
                {s.note && <q>{s.note}</q>}
              </li>
            ))}
          </ol>
        )}
        {move && (
          <div className="compliance-sign compliance-action__form">
            {move === 'done' && (
              <div className="field">
                <label htmlFor={`action-note-${a.id}`}>{t('compliance.actions.note')}</label>
                <textarea
                  id={`action-note-${a.id}`}
                  className="field__control"
                  data-testid="action-note"
                  rows={2}
                  value={note}
                  onChange={(e) => setNote(e.target.value)}
                />
                <span className="field__hint">{t('compliance.actions.noteHint')}</span>
              </div>
            )}
            <div className="field">
              <label htmlFor={`action-pin-${a.id}`}>{t('compliance.approval.pin')}</label>
              <input
                id={`action-pin-${a.id}`}
                className="field__control"
                data-testid="action-pin"
                type="password"
                inputMode="numeric"
                autoComplete="off"
                maxLength={8}
                value={pin}
                onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))}
                onKeyDown={(e) => e.key === 'Enter' && pin.length >= 4 && confirm()}
              />
            </div>
            <div className="compliance-sign__steps">
              <button
                type="button"
                className="button button--primary"
                data-testid="action-confirm"
                disabled={busy || pin.length < 4 || (move === 'done' && !note.trim())}
                onClick={confirm}
              >
                {t(`compliance.actions.confirm.${move}`)}
              </button>
              <button type="button" className="button button--secondary" onClick={() => setMove(null)}>
                {t('compliance.actions.cancel')}
              </button>
            </div>
          </div>
        )}
      </div>
      {!move && a.nextMoves.length > 0 && (
        <div className="compliance-action__moves">
          {a.nextMoves.map((to) => (
            <button
              key={to}
              type="button"
              className={`button ${to === 'done' ? 'button--primary' : 'button--secondary'}`}
              data-testid={`action-move-${to}`}
              disabled={busy}
              onClick={() => setMove(to)}
            >
              {t(`compliance.actions.moves.${to}`)}
            </button>
          ))}
        </div>
      )}
    </li>
  );
}
