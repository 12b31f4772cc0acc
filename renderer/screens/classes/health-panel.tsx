import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { addDays } from '../../../shared/classes/site-time.js';
import { formatDateTime, intlLocale } from '../../i18n/format.js';
import type { ClassesStore } from '../../stores/classes-store.js';

/** The weekly checks of the old system on one screen: diagnose, fix, and the generation log. */
export function HealthPanel({ store }: { store: ClassesStore }) {
  const { t, i18n } = useTranslation();
  const d = useStore(store, (s) => s.diagnosis);
  const logs = useStore(store, (s) => s.logs);
  const busy = useStore(store, (s) => s.busy);
  // The horizon's end is exclusive: the last day checked is the day before.
  const lastDay = d
    ? new Intl.DateTimeFormat(intlLocale(i18n.language), { dateStyle: 'long', timeZone: 'UTC' }).format(
        new Date(`${addDays(d.horizonEnd, -1)}T12:00:00Z`),
      )
    : '';
  const issues = d ? d.missing.length + d.invalid.length + d.outsideSchedule.length + d.duplicates.length : 0;

  return (
    <section className="classes-stack" data-testid="classes-health">
      <div className="classes-actions">
        <button
          type="button"
          className="button button--primary"
          data-testid="diagnose"
          disabled={busy}
          onClick={() => void store.getState().diagnose()}
        >
          {t('classes.health.diagnose')}
        </button>
        <button
          type="button"
          className="button button--secondary"
          data-testid="fix"
          disabled={busy}
          onClick={() => void store.getState().fix()}
        >
          {t('classes.health.fix')}
        </button>
        <button
          type="button"
          className="button button--secondary"
          data-testid="generate-now"
          disabled={busy}
          onClick={() => void store.getState().generateNow()}
        >
          {t('classes.health.generate')}
        </button>
      </div>
      {d && (
        <div className="panel" data-testid="diagnosis" data-issues={issues}>
          {issues === 0 ? (
            <p className="alert alert--success">{t('classes.health.allGood', { date: lastDay })}</p>
          ) : (
            <>
              <p>{t('classes.health.checked', { ok: d.studentsOk, count: d.studentsChecked, date: lastDay })}</p>
              <ul className="classes-issues">
                {d.missing.map((m) => (
                  <li key={`m${m.studentId}`} className="classes-issue classes-issue--warn">
                    {t('classes.health.missing', {
                      name: m.name,
                      count: m.count,
                      dates: m.dates.slice(0, 4).join(', ') + (m.dates.length > 4 ? '…' : ''),
                    })}
                  </li>
                ))}
                {d.invalid.map((m) => (
                  <li key={`i${m.studentId}`} className="classes-issue classes-issue--error">
                    {t('classes.health.invalid', { name: m.name, problems: m.problems.join(' ') })}
                  </li>
                ))}
                {d.outsideSchedule.map((m) => (
                  <li key={`o${m.classId}`} className="classes-issue classes-issue--error">
                    {t('classes.health.outside', { name: m.name, date: m.date, time: m.start })}
                  </li>
                ))}
                {d.duplicates.map((m) => (
                  <li key={`d${m.studentId}${m.date}${m.start}`} className="classes-issue classes-issue--error">
                    {t('classes.health.duplicate', {
                      name: m.name,
                      count: m.classIds.length,
                      date: m.date,
                      time: m.start,
                    })}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
      <h2 className="screen-subtitle">{t('classes.health.logTitle')}</h2>
      {logs && logs.length === 0 && <p className="screen-hint">{t('classes.health.logEmpty')}</p>}
      {logs && logs.length > 0 && (
        <div className="table-wrap">
          <table className="table" data-testid="generation-log">
            <thead>
              <tr>
                <th scope="col">{t('classes.health.time')}</th>
                <th scope="col">{t('classes.health.operation')}</th>
                <th scope="col">{t('classes.health.student')}</th>
                <th scope="col">{t('classes.health.status')}</th>
                <th scope="col">{t('classes.health.created')}</th>
                <th scope="col">{t('classes.health.removed')}</th>
                <th scope="col">{t('classes.health.details')}</th>
              </tr>
            </thead>
            <tbody>
              {logs.map((l) => (
                <tr key={l.id} data-operation={l.operation} data-status={l.status}>
                  <td className="table__nowrap">{formatDateTime(l.createdAt, i18n.language)}</td>
                  <td>{t(`classes.health.operations.${l.operation}`, { defaultValue: l.operation })}</td>
                  <td>{l.studentName ?? t('classes.health.everyone')}</td>
                  <td className={`log-status log-status--${l.status}`}>{t(`classes.health.statuses.${l.status}`)}</td>
                  <td>{l.classesCreated}</td>
                  <td>{l.classesRemoved}</td>
                  <td className="classes-log-detail">{l.status === 'success' ? '' : l.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
