import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { CLASS_STATUSES, PAYMENT_STATUSES } from '../../../shared/classes/generation.js';
import { useModalFocus } from '../../components/use-modal-focus.js';
import { formatDateTime, intlLocale } from '../../i18n/format.js';
import type { ClassItem, ClassesStore } from '../../stores/classes-store.js';

const dayLabel = (date: string, lang: string, style: 'long' | 'short' = 'long') =>
  new Intl.DateTimeFormat(intlLocale(lang), {
    weekday: style,
    day: 'numeric',
    month: style === 'long' ? 'long' : 'short',
    timeZone: 'UTC',
  }).format(new Date(`${date}T12:00:00Z`));

/** The week's classes by day or by student; a tap on a class opens its attendance and payment. */
export function WeekView({ store }: { store: ClassesStore }) {
  const { t, i18n } = useTranslation();
  const week = useStore(store, (s) => s.week);
  const view = useStore(store, (s) => s.weekView);
  const [openId, setOpenId] = useState<string | null>(null);
  const open = week?.classes.find((c) => c.id === openId) ?? null;
  const lang = i18n.language;

  return (
    <section aria-labelledby="week-heading" data-testid="classes-week" data-week-start={week?.weekStart}>
      <div className="classes-toolbar">
        <button
          type="button"
          className="button button--secondary"
          data-testid="week-prev"
          onClick={() => void store.getState().shiftWeek(-1)}
        >
          ‹ {t('classes.week.prev')}
        </button>
        <h2 id="week-heading" className="section-title classes-toolbar__title">
          {week ? t('classes.week.weekOf', { date: dayLabel(week.weekStart, lang) }) : ''}
        </h2>
        <button
          type="button"
          className="button button--secondary"
          data-testid="week-next"
          onClick={() => void store.getState().shiftWeek(1)}
        >
          {t('classes.week.next')} ›
        </button>
        <button
          type="button"
          className="button button--secondary"
          data-testid="week-today"
          onClick={() => void store.getState().thisWeek()}
        >
          {t('classes.week.today')}
        </button>
        <div className="classes-segment" role="group" aria-label={t('classes.week.viewLabel')}>
          {(['day', 'student'] as const).map((v) => (
            <button
              key={v}
              type="button"
              className="classes-segment__button"
              aria-pressed={view === v}
              data-testid={`week-view-${v}`}
              onClick={() => store.getState().setWeekView(v)}
            >
              {t(v === 'day' ? 'classes.week.byDay' : 'classes.week.byStudent')}
            </button>
          ))}
        </div>
      </div>
      {week && week.classes.length === 0 && <p className="screen-hint">{t('classes.week.empty')}</p>}
      {week && week.classes.length > 0 && view === 'day' && (
        <div className="classes-days" data-testid="week-by-day">
          {week.days.map((d) => (
            <div key={d} className="classes-day" data-date={d}>
              <h3 className="classes-day__title">{dayLabel(d, lang, 'short')}</h3>
              {week.classes
                .filter((c) => c.date === d)
                .map((c) => (
                  <ClassCard key={c.id} c={c} onOpen={() => setOpenId(c.id)} showStudent />
                ))}
            </div>
          ))}
        </div>
      )}
      {week && week.classes.length > 0 && view === 'student' && (
        <ByStudent week={week} lang={lang} onOpen={setOpenId} />
      )}
      {open && <ClassSheet store={store} c={open} onClose={() => setOpenId(null)} />}
    </section>
  );
}

function ByStudent({
  week,
  lang,
  onOpen,
}: {
  week: NonNullable<ReturnType<ClassesStore['getState']>['week']>;
  lang: string;
  onOpen: (id: string) => void;
}) {
  const { t } = useTranslation();
  const students = [...new Map(week.classes.map((c) => [c.studentId, c.studentName])).entries()].sort((a, b) =>
    a[1].localeCompare(b[1]),
  );
  return (
    <div className="table-wrap">
      <table className="table classes-grid" data-testid="week-by-student">
        <thead>
          <tr>
            <th scope="col">{t('classes.week.student')}</th>
            {week.days.map((d) => (
              <th key={d} scope="col">
                {dayLabel(d, lang, 'short')}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {students.map(([id, name]) => (
            <tr key={id}>
              <th scope="row">{name}</th>
              {week.days.map((d) => (
                <td key={d}>
                  {week.classes
                    .filter((c) => c.studentId === id && c.date === d)
                    .map((c) => (
                      <ClassCard key={c.id} c={c} onOpen={() => onOpen(c.id)} />
                    ))}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ClassCard({ c, onOpen, showStudent }: { c: ClassItem; onOpen: () => void; showStudent?: boolean }) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className={`class-card class-card--${c.status}`}
      data-testid="class-card"
      data-class-id={c.id}
      data-date={c.date}
      data-status={c.status}
      data-payment={c.paymentStatus}
      onClick={onOpen}
    >
      <span className="class-card__time">{c.start}</span>
      {showStudent && <span className="class-card__name">{c.studentName}</span>}
      <span className="class-card__course">{c.course}</span>
      <span className="class-card__badges">
        <span className={`badge badge--${c.status}`}>{t(`classes.status.${c.status}`)}</span>
        <span className={`badge badge--pay-${c.paymentStatus}`}>{t(`classes.payment.${c.paymentStatus}`)}</span>
      </span>
    </button>
  );
}

function ClassSheet({ store, c, onClose }: { store: ClassesStore; c: ClassItem; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const busy = useStore(store, (s) => s.busy);
  const ref = useRef<HTMLDivElement>(null);
  useModalFocus(ref, onClose);
  return (
    <div
      ref={ref}
      className="classes-sheet"
      role="dialog"
      aria-modal="true"
      aria-labelledby="sheet-title"
      tabIndex={-1}
      data-testid="class-sheet"
    >
      <div className="classes-sheet__panel">
        <h2 id="sheet-title" className="section-title">
          {c.studentName} · {dayLabel(c.date, i18n.language)} · {c.start}
        </h2>
        <p className="screen-hint">
          {c.course} · {t('classes.sheet.minutes', { count: c.durationMinutes })}
        </p>
        <h3 className="classes-sheet__label">{t('classes.sheet.attendance')}</h3>
        <div className="classes-choices" role="group" aria-label={t('classes.sheet.attendance')}>
          {CLASS_STATUSES.map((s) => (
            <button
              key={s}
              type="button"
              className="classes-choice"
              aria-pressed={c.status === s}
              disabled={busy}
              data-testid={`status-${s}`}
              onClick={() => void store.getState().setStatus(c.id, s)}
            >
              {t(`classes.status.${s}`)}
            </button>
          ))}
        </div>
        {c.statusChangedBy && c.statusChangedAt && (
          <p className="field__hint">
            {t('classes.sheet.changedBy', {
              name: c.statusChangedBy,
              time: formatDateTime(c.statusChangedAt, i18n.language),
            })}
          </p>
        )}
        <h3 className="classes-sheet__label">{t('classes.sheet.payment')}</h3>
        <div className="classes-choices" role="group" aria-label={t('classes.sheet.payment')}>
          {PAYMENT_STATUSES.map((p) => (
            <button
              key={p}
              type="button"
              className="classes-choice"
              aria-pressed={c.paymentStatus === p}
              disabled={busy}
              data-testid={`payment-${p}`}
              onClick={() => void store.getState().setPayment(c.id, p)}
            >
              {t(`classes.payment.${p}`)}
            </button>
          ))}
        </div>
        {c.paymentChangedBy && c.paymentChangedAt && (
          <p className="field__hint">
            {t('classes.sheet.changedBy', {
              name: c.paymentChangedBy,
              time: formatDateTime(c.paymentChangedAt, i18n.language),
            })}
          </p>
        )}
        <button
          type="button"
          className="button button--primary button--wide"
          data-testid="sheet-close"
          onClick={onClose}
        >
          {t('classes.sheet.close')}
        </button>
      </div>
    </div>
  );
}
