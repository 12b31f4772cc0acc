import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldProblem } from '../../../shared/domain/field-problems.js';
import type { ErrorData } from '../../../shared/errors.js';
import { sessionProblems } from '../../../shared/training/session-form.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { describeFieldProblem } from '../../i18n/describe-error.js';
import { pick } from './rich-text.js';

export interface NewSession {
  title: string;
  moduleId: string | null;
  location: string;
  startsAt: string;
  endsAt: string;
  capacity: number;
}

export interface NewSessionFormProps {
  modules: { id: string; title: { en: string; fr: string } }[];
  now(): number;
  /** Resolves to an error (kept on screen, the form keeps what was typed) or null once planned. */
  onCreate(session: NewSession): Promise<ErrorData | null>;
}

const EMPTY = { title: '', moduleId: '', location: '', starts: '', capacity: '8' };
const HOURS = 2;

/**
 * Plans a classroom session. Each field's problem is said next to it, naming the field, in the
 * kiosk's language, before anything is sent; the core's refusals are said the same way. After a
 * session is planned the form empties and says so right here, where the person is looking.
 */
export function NewSessionForm({ modules, now, onCreate }: NewSessionFormProps) {
  const { t, i18n } = useTranslation();
  const [form, setForm] = useState(EMPTY);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [error, setError] = useState<ErrorData | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const lang = i18n.language;
  const problemOf = (field: string) => problems.find((p) => p.field === field);
  const edit = (patch: Partial<typeof EMPTY>) => (setForm({ ...form, ...patch }), setDone(false));

  const submit = async () => {
    const start = form.starts ? new Date(form.starts) : null;
    const startsAt = start && !Number.isNaN(start.getTime()) ? start.toISOString() : null;
    const endsAt = startsAt ? new Date(Date.parse(startsAt) + HOURS * 3600_000).toISOString() : null;
    const capacity = form.capacity.trim() === '' ? NaN : Number(form.capacity);
    const found = sessionProblems({ title: form.title, location: form.location, startsAt, endsAt, capacity }, now());
    setProblems(found);
    setError(null);
    if (found.length || !startsAt || !endsAt) return;
    setBusy(true);
    const failed = await onCreate({
      title: form.title.trim(),
      moduleId: form.moduleId || null,
      location: form.location.trim(),
      startsAt,
      endsAt,
      capacity,
    });
    setBusy(false);
    if (failed) {
      const fromCore = Array.isArray(failed.details?.problems) ? (failed.details.problems as FieldProblem[]) : [];
      if (fromCore.length) setProblems(fromCore);
      else setError(failed);
      return;
    }
    setForm(EMPTY);
    setDone(true);
  };

  const field = (
    name: string,
    label: string,
    control: (a11y: { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string }) => ReactNode,
  ) => {
    const p = problemOf(name);
    const id = `session-${name}`;
    return (
      <div className="field">
        <label htmlFor={id}>{label}</label>
        {control({ id, 'aria-invalid': Boolean(p), ...(p ? { 'aria-describedby': `${id}-problem` } : {}) })}
        {p && (
          <p className="field__problem" id={`${id}-problem`} data-testid={`problem-${name}`}>
            {describeFieldProblem(t, p)}
          </p>
        )}
      </div>
    );
  };

  return (
    <form
      className="form"
      noValidate
      data-testid="new-session-form"
      onSubmit={(e) => (e.preventDefault(), void submit())}
    >
      {field('title', t('classroom.sessionTitle'), (a) => (
        <input
          {...a}
          className="field__control"
          value={form.title}
          onChange={(e) => edit({ title: e.target.value })}
          data-testid="session-title"
        />
      ))}
      <div className="field">
        <label htmlFor="session-module">{t('classroom.module')}</label>
        <select
          id="session-module"
          className="field__control"
          value={form.moduleId}
          onChange={(e) => edit({ moduleId: e.target.value })}
        >
          <option value="">{t('classroom.noModule')}</option>
          {modules.map((m) => (
            <option key={m.id} value={m.id}>
              {pick(m.title, lang)}
            </option>
          ))}
        </select>
      </div>
      {field('location', t('classroom.location'), (a) => (
        <input
          {...a}
          className="field__control"
          value={form.location}
          onChange={(e) => edit({ location: e.target.value })}
          data-testid="session-location"
        />
      ))}
      {field('startsAt', t('classroom.starts'), (a) => (
        <input
          {...a}
          className="field__control"
          type="datetime-local"
          value={form.starts}
          onChange={(e) => edit({ starts: e.target.value })}
          data-testid="session-starts"
        />
      ))}
      {field('capacity', t('classroom.capacity'), (a) => (
        <input
          {...a}
          className="field__control"
          inputMode="numeric"
          value={form.capacity}
          onChange={(e) => edit({ capacity: e.target.value })}
          data-testid="session-capacity"
        />
      ))}
      <ErrorAlert error={error} testId="session-error" />
      {problems.length > 0 && (
        <p className="sr-only" role="alert">
          {problems.map((p) => describeFieldProblem(t, p)).join(' ')}
        </p>
      )}
      <button type="submit" className="button button--primary" disabled={busy} data-testid="create-session">
        {t('classroom.create')}
      </button>
      {done && (
        <p className="alert alert--success" role="status" data-testid="session-created">
          {t('classroom.created')}
        </p>
      )}
    </form>
  );
}
