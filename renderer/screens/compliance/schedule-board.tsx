import { useTranslation } from 'react-i18next';
import { useSlice } from '../../app/services.js';
import { formatDateTime } from '../../i18n/format.js';
import { formatDate } from './format-date.js';
import { useCompliance } from './use-compliance.js';

const BUCKETS = ['today', 'week', 'later', 'missed'] as const;

/** The site's schedule: what is due today and this week for every role, missed ones flagged. */
export function ScheduleBoardView() {
  const { t, i18n } = useTranslation();
  const store = useCompliance();
  const board = useSlice(store, (s) => s.board);
  const busy = useSlice(store, (s) => s.busy);
  const lang = i18n.language === 'fr' ? 'fr' : 'en';
  if (!board) return null;

  return (
    <div className="compliance-list" data-testid="compliance-schedule">
      <p className="screen-hint">{t('compliance.schedule.today', { date: formatDate(board.today, lang) })}</p>
      {BUCKETS.map((bucket) => {
        const rows = board.entries.filter((e) => e.bucket === bucket);
        if (bucket === 'later' && rows.length === 0) return null;
        return (
          <section
            key={bucket}
            className="compliance-panel"
            aria-labelledby={`schedule-${bucket}`}
            data-testid={`schedule-${bucket}`}
          >
            <h2 id={`schedule-${bucket}`} className="screen-subtitle">
              {t(`compliance.schedule.buckets.${bucket}`, { count: rows.length })}
            </h2>
            {rows.length === 0 && <p className="screen-hint">{t('compliance.schedule.empty')}</p>}
            <ul className="compliance-rows">
              {rows.map((e) => (
                <li
                  key={`${e.scheduleId}-${e.period}`}
                  className={`compliance-row compliance-row--${e.status}`}
                  data-status={e.status}
                >
                  <div className="compliance-row__text">
                    <strong>{e.title[lang]}</strong>
                    <span>
                      <span className={`compliance-status compliance-status--${e.status}`}>
                        {t(`compliance.schedule.status.${e.status}`)}
                      </span>{' '}
                      {t(`compliance.schedule.frequency.${e.frequency}`)} ·{' '}
                      {t('compliance.actions.owner', { role: e.roleCode })} ·{' '}
                      {t('compliance.schedule.dueAt', { time: formatDateTime(e.dueAt, lang) })}
                    </span>
                  </div>
                  {e.templateId && e.status !== 'done' && (
                    <button
                      type="button"
                      className="button button--secondary"
                      disabled={busy}
                      onClick={() => void store.getState().start(e.templateId!, e.scheduleId, e.period)}
                    >
                      {e.reportId ? t('compliance.due.resume') : t('compliance.due.start')}
                    </button>
                  )}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
