import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { validateSchedule, type ScheduleSlot } from '../../../shared/classes/schedule.js';
import { isIsoDate } from '../../../shared/classes/site-time.js';
import { changedStudentFields, type StudentField } from '../../../shared/classes/student-edits.js';
import type { StudentInput, StudentSummary } from '../../stores/classes-store.js';
import { intlLocale } from '../../i18n/format.js';

const weekdayName = (day: number, lang: string) =>
  new Intl.DateTimeFormat(intlLocale(lang), { weekday: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2024, 0, day)),
  );

type Draft = {
  firstName: string;
  lastName: string;
  course: string;
  startDate: string;
  endDate: string;
  slots: { weekday: number; start: string; durationMinutes: string }[];
};

const draftOf = (s: StudentSummary | null, today: string): Draft => ({
  firstName: s?.firstName ?? '',
  lastName: s?.lastName ?? '',
  course: s?.course ?? '',
  startDate: s?.startDate ?? today,
  endDate: s?.endDate ?? '',
  slots: (s?.schedule ?? [{ weekday: 1, start: '09:00', durationMinutes: 60 }]).map((x) => ({
    weekday: x.weekday,
    start: x.start,
    durationMinutes: String(x.durationMinutes),
  })),
});

/** What is wrong with the draft, in the kiosk's language, before anything is sent. */
function problemsOf(d: Draft, t: (k: string, o?: Record<string, unknown>) => string): string[] {
  const out: string[] = [];
  if (!d.firstName.trim() || !d.lastName.trim()) out.push(t('classes.problems.name'));
  if (!d.course.trim()) out.push(t('classes.problems.course'));
  if (!isIsoDate(d.startDate)) out.push(t('classes.problems.startDate'));
  if (d.endDate && isIsoDate(d.startDate) && d.endDate < d.startDate) out.push(t('classes.problems.endDate'));
  const slots: Partial<ScheduleSlot>[] = d.slots.map((s) => ({
    weekday: s.weekday,
    start: s.start,
    durationMinutes: Number(s.durationMinutes),
  }));
  for (const p of validateSchedule(slots)) out.push(t(`classes.problems.${p.code}`, { n: (p.slot ?? 0) + 1 }));
  return out;
}

const inputOf = (d: Draft): StudentInput => ({
  firstName: d.firstName.trim(),
  lastName: d.lastName.trim(),
  course: d.course.trim(),
  startDate: d.startDate,
  endDate: d.endDate || null,
  schedule: d.slots.map((s) => ({ weekday: s.weekday, start: s.start, durationMinutes: Number(s.durationMinutes) })),
});

/** A student's details and weekly schedule, for a new student or a change. */
export function StudentForm({
  student,
  today,
  busy,
  onSave,
  onCancel,
}: {
  student: StudentSummary | null;
  today: string;
  busy: boolean;
  /** `changed`: for an existing student, the fields changed since the form opened. */
  onSave: (fields: StudentInput, changed?: StudentField[]) => Promise<boolean>;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState<Draft>(() => draftOf(student, today));
  // What the form showed when it opened: the list behind it may reload with other kiosks' changes.
  const [opened] = useState<Draft>(() => draftOf(student, today));
  const [shown, setShown] = useState<string[]>([]);
  const [badSlots, setBadSlots] = useState<Set<number>>(new Set());
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const setSlot = (i: number, patch: Partial<Draft['slots'][number]>) =>
    setDraft((d) => ({ ...d, slots: d.slots.map((s, j) => (j === i ? { ...s, ...patch } : s)) }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problems = problemsOf(draft, t);
    setShown(problems);
    setBadSlots(
      new Set(
        validateSchedule(
          draft.slots.map((x) => ({ weekday: x.weekday, start: x.start, durationMinutes: Number(x.durationMinutes) })),
        ).flatMap((p) => (p.slot === null ? [] : [p.slot])),
      ),
    );
    if (problems.length) return;
    const fields = inputOf(draft);
    await onSave(fields, student ? changedStudentFields(inputOf(opened), fields) : undefined);
  };

  const field = (key: 'firstName' | 'lastName' | 'course', label: string) => (
    <div className="field">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <input
        id={`${id}-${key}`}
        className="field__control"
        data-testid={`student-${key}`}
        value={draft[key]}
        maxLength={key === 'course' ? 120 : 80}
        onChange={(e) => set({ [key]: e.target.value })}
      />
    </div>
  );

  return (
    <form className="panel classes-form" onSubmit={(e) => void submit(e)} data-testid="student-form" noValidate>
      <h2 className="section-title">
        {student
          ? t('classes.students.editTitle', { name: `${student.firstName} ${student.lastName}` })
          : t('classes.students.newTitle')}
      </h2>
      {student && <p className="alert alert--info">{t('classes.students.changeHint')}</p>}
      <div className="form">
        {field('firstName', t('classes.students.firstName'))}
        {field('lastName', t('classes.students.lastName'))}
        {field('course', t('classes.students.course'))}
        <div className="field">
          <label htmlFor={`${id}-start`}>{t('classes.students.startDate')}</label>
          <input
            id={`${id}-start`}
            type="date"
            className="field__control"
            data-testid="student-startDate"
            value={draft.startDate}
            onChange={(e) => set({ startDate: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-end`}>{t('classes.students.endDate')}</label>
          <input
            id={`${id}-end`}
            type="date"
            className="field__control"
            data-testid="student-endDate"
            value={draft.endDate}
            onChange={(e) => set({ endDate: e.target.value })}
          />
        </div>
      </div>
      <fieldset className="classes-slots">
        <legend className="classes-sheet__label">{t('classes.students.slots')}</legend>
        {draft.slots.map((s, i) => (
          <div
            key={i}
            className={`classes-slot${badSlots.has(i) ? ' classes-slot--invalid' : ''}`}
            role="group"
            aria-label={t('classes.students.slotLabel', { n: i + 1 })}
            aria-invalid={badSlots.has(i) || undefined}
            data-testid="schedule-slot"
          >
            <span className="classes-slot__number" aria-hidden="true">
              {i + 1}
            </span>
            <div className="field">
              <label htmlFor={`${id}-day-${i}`}>{t('classes.students.weekday')}</label>
              <select
                id={`${id}-day-${i}`}
                className="field__control"
                data-testid="slot-weekday"
                value={s.weekday}
                onChange={(e) => setSlot(i, { weekday: Number(e.target.value) })}
              >
                {[1, 2, 3, 4, 5, 6, 7].map((d) => (
                  <option key={d} value={d}>
                    {weekdayName(d, i18n.language)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${id}-start-${i}`}>{t('classes.students.start')}</label>
              <input
                id={`${id}-start-${i}`}
                type="time"
                className="field__control"
                data-testid="slot-start"
                value={s.start}
                onChange={(e) => setSlot(i, { start: e.target.value })}
              />
            </div>
            <div className="field">
              <label htmlFor={`${id}-dur-${i}`}>{t('classes.students.duration')}</label>
              <input
                id={`${id}-dur-${i}`}
                type="number"
                inputMode="numeric"
                min={15}
                max={480}
                step={5}
                className="field__control"
                data-testid="slot-duration"
                value={s.durationMinutes}
                onChange={(e) => setSlot(i, { durationMinutes: e.target.value })}
              />
            </div>
            <button
              type="button"
              className="button button--secondary"
              aria-label={t('classes.students.removeSlot', { n: i + 1 })}
              disabled={draft.slots.length === 1}
              onClick={() => set({ slots: draft.slots.filter((_, j) => j !== i) })}
            >
              ✕
            </button>
          </div>
        ))}
        <button
          type="button"
          className="button button--secondary"
          data-testid="slot-add"
          disabled={draft.slots.length >= 14}
          onClick={() => set({ slots: [...draft.slots, { weekday: 1, start: '09:00', durationMinutes: '60' }] })}
        >
          + {t('classes.students.addSlot')}
        </button>
      </fieldset>
      {shown.length > 0 && (
        <ul className="alert alert--error classes-problems" role="alert" data-testid="student-problems">
          {shown.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      <div className="classes-actions">
        <button type="submit" className="button button--primary" data-testid="student-save" disabled={busy}>
          {t('classes.students.save')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('classes.students.cancel')}
        </button>
      </div>
    </form>
  );
}
