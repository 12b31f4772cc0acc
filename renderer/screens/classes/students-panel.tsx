import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { formatScheduleText } from '../../../shared/classes/csv-import.js';
import type { ClassesStore, StudentSummary } from '../../stores/classes-store.js';
import { StudentForm } from './student-form.js';
import { intlLocale } from '../../i18n/format.js';

const weekdayShort = (day: number, lang: string) =>
  new Intl.DateTimeFormat(intlLocale(lang), { weekday: 'short', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2024, 0, day)),
  );

/** The site's students, each with its schedule and classes ahead; add, change or remove one. */
export function StudentsPanel({ store, today }: { store: ClassesStore; today: string }) {
  const { t, i18n } = useTranslation();
  const students = useStore(store, (s) => s.students);
  const busy = useStore(store, (s) => s.busy);
  const [editing, setEditing] = useState<StudentSummary | 'new' | null>(null);
  const [confirm, setConfirm] = useState<StudentSummary | null>(null);

  if (editing) {
    const student = editing === 'new' ? null : editing;
    return (
      <div className="classes-stack">
        <StudentForm
          key={student?.id ?? 'new'}
          student={student}
          today={today}
          busy={busy}
          onCancel={() => setEditing(null)}
          onSave={async (fields, changed) => {
            const ok = await store.getState().saveStudent(fields, student?.id, changed);
            if (ok) setEditing(null);
            return ok;
          }}
        />
        {student && (
          <div className="panel">
            {confirm ? (
              <div className="classes-actions">
                <p className="classes-confirm">
                  {t('classes.students.confirmRemove', { name: `${student.firstName} ${student.lastName}` })}
                </p>
                <button
                  type="button"
                  className="button button--danger"
                  data-testid="student-remove-confirm"
                  onClick={() =>
                    void store
                      .getState()
                      .removeStudent(student.id)
                      .then((ok) => ok && (setConfirm(null), setEditing(null)))
                  }
                >
                  {t('classes.students.confirm')}
                </button>
                <button type="button" className="button button--secondary" onClick={() => setConfirm(null)}>
                  {t('classes.students.cancel')}
                </button>
              </div>
            ) : (
              <button
                type="button"
                className="button button--secondary"
                data-testid="student-remove"
                onClick={() => setConfirm(student)}
              >
                {t('classes.students.remove')}
              </button>
            )}
          </div>
        )}
      </div>
    );
  }

  return (
    <section className="classes-stack" data-testid="classes-students">
      <div>
        <button
          type="button"
          className="button button--primary"
          data-testid="student-add"
          onClick={() => setEditing('new')}
        >
          + {t('classes.students.add')}
        </button>
      </div>
      {students && students.length === 0 && <p className="screen-hint">{t('classes.students.empty')}</p>}
      {students && students.length > 0 && (
        <ul className="classes-students">
          {students.map((s) => (
            <li key={s.id}>
              <button
                type="button"
                className="student-row"
                data-testid="student-row"
                data-student-id={s.id}
                aria-label={t('classes.students.edit', { name: `${s.firstName} ${s.lastName}` })}
                onClick={() => setEditing(s)}
              >
                <span className="student-row__name">
                  {s.firstName} {s.lastName}
                </span>
                <span className="student-row__course">{s.course}</span>
                <span className="student-row__schedule">
                  {s.schedule
                    ? s.schedule
                        .map((x) => `${weekdayShort(x.weekday, i18n.language)} ${x.start} (${x.durationMinutes}′)`)
                        .join(' · ')
                    : formatScheduleText([])}
                </span>
                <span className="student-row__meta">
                  {t('classes.students.since', { date: s.startDate })}
                  {s.endDate ? ` ${t('classes.students.until', { date: s.endDate })}` : ''} ·{' '}
                  {t('classes.students.ahead', { count: s.upcoming })}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
