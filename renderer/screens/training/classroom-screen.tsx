import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../shared/api/contract.js';
import { parseScore, type FieldProblem } from '../../../shared/domain/field-problems.js';
import type { ErrorData } from '../../../shared/errors.js';
import { useServices } from '../../app/services.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { describeFieldProblem } from '../../i18n/describe-error.js';
import { formatDateTime } from '../../i18n/format.js';
import '../../styles/training.css';
import { BackButton } from '../../components/back-button.js';
import { NewSessionForm } from './new-session-form.js';
import { pick } from './rich-text.js';
import { useDataChanged } from './use-area-store.js';

type Session = MethodOutput<'training.sessions'>[number];
type Roster = MethodOutput<'training.roster'>;
type Team = MethodOutput<'training.team'>;
const TABLES = ['training_sessions', 'training_enrollments', 'training_certificates', 'conflicts'];

function RosterRow({
  m,
  onSave,
}: {
  m: Roster['members'][number];
  onSave(attended: boolean, practical: number | null, written: number | null): void;
}) {
  const { t } = useTranslation();
  const [practical, setPractical] = useState(m.practicalScore?.toString() ?? '');
  const [written, setWritten] = useState(m.writtenScore?.toString() ?? '');
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  // A score that is not 0-100 is said, never dropped or clamped, and nothing is saved.
  const save = (attended: boolean) => {
    const p = parseScore(practical, 'practicalScore');
    const w = parseScore(written, 'writtenScore');
    const found = [p, w].flatMap((r) => ('problem' in r ? [r.problem] : []));
    setProblems(found);
    if (!found.length && 'value' in p && 'value' in w) onSave(attended, p.value, w.value);
  };
  const problemOf = (field: string) => problems.find((x) => x.field === field);
  const scoreField = (
    field: 'practicalScore' | 'writtenScore',
    label: string,
    value: string,
    set: (v: string) => void,
  ) => {
    const id = `${field}-${m.userId}`;
    const p = problemOf(field);
    return (
      <span className="field">
        <label htmlFor={id}>{label}</label>
        <input
          id={id}
          className="field__control"
          inputMode="decimal"
          value={value}
          onChange={(e) => set(e.target.value)}
          data-testid={`score-${field}`}
          aria-invalid={Boolean(p)}
          aria-describedby={p ? `${id}-problem` : undefined}
        />
        {p && (
          <span className="field__problem" id={`${id}-problem`} role="alert" data-testid={`problem-${field}`}>
            {describeFieldProblem(t, p)}
          </span>
        )}
      </span>
    );
  };
  if (m.status !== 'enrolled') {
    return (
      <li className="roster-row" data-testid="roster-row">
        <span className="roster-row__name">{m.name}</span>
        <span>
          {m.status === 'waitlisted' ? t('classroom.waiting', { position: m.position }) : t('classroom.cancelled')}
        </span>
      </li>
    );
  }
  return (
    <li className="roster-row" data-testid="roster-row">
      <span className="roster-row__name">{m.name}</span>
      <button
        type="button"
        className={`button button--secondary${m.attended ? ' button--on' : ''}`}
        aria-pressed={m.attended === true}
        onClick={() => save(!m.attended)}
      >
        {m.attended ? t('classroom.attended') : t('classroom.absent')}
      </button>
      {scoreField('practicalScore', t('classroom.practical'), practical, setPractical)}
      {scoreField('writtenScore', t('classroom.written'), written, setWritten)}
      <button
        type="button"
        className="button button--primary"
        data-testid="save-row"
        onClick={() => save(m.attended === true)}
      >
        {t('classroom.saveRow')}
      </button>
      {m.certificateId && <span className="badge badge--completed">{t('classroom.hasCertificate')}</span>}
    </li>
  );
}

/** Instructors: plan sessions, keep rosters with attendance and scores, certify a roster, assign training. */
export function ClassroomScreen() {
  const { t, i18n } = useTranslation();
  const { api } = useServices();
  const [sessions, setSessions] = useState<Session[] | null>(null);
  const [team, setTeam] = useState<Team | null>(null);
  const [roster, setRoster] = useState<Roster | null>(null);
  const [error, setError] = useState<ErrorData | null>(null);
  const [note, setNote] = useState('');
  const [assign, setAssign] = useState({ userId: '', what: '', due: '' });
  const [assignNote, setAssignNote] = useState('');
  const [assignError, setAssignError] = useState<ErrorData | null>(null);
  const lang = i18n.language;

  const load = useCallback(() => {
    void api.call('training.sessions', {}).then((r) => (r.ok ? setSessions(r.value) : setError(r.error)));
    if (roster)
      void api.call('training.roster', { sessionId: roster.session.id }).then((r) => r.ok && setRoster(r.value));
  }, [api, roster]);
  useEffect(() => {
    void api.call('training.sessions', {}).then((r) => (r.ok ? setSessions(r.value) : setError(r.error)));
    void api.call('training.team', {}).then((r) => r.ok && setTeam(r.value));
  }, [api]);
  useDataChanged(TABLES, load);
  const run = async <T,>(p: Promise<{ ok: true; value: T } | { ok: false; error: ErrorData }>) => {
    const r = await p;
    if (!r.ok) setError(r.error);
    else setError(null);
    return r.ok ? r.value : null;
  };
  const openRoster = async (id: string) => setRoster(await run(api.call('training.roster', { sessionId: id })));
  const modules = team?.modules ?? [];

  return (
    <main id="main" className="screen training" data-testid="screen-classroom">
      <div className="screen__head">
        <h1 className="screen-title">{t('classroom.title')}</h1>
        <BackButton />
      </div>
      <ErrorAlert error={error} />
      <section className="panel" aria-labelledby="new-session">
        <h2 id="new-session" className="section-title">
          {t('classroom.newSession')}
        </h2>
        <NewSessionForm
          modules={modules}
          now={Date.now}
          onCreate={async (input) => {
            const r = await api.call('training.createSession', input);
            if (r.ok) load();
            return r.ok ? null : r.error;
          }}
        />
      </section>
      <ul className="session-list">
        {sessions?.map((s) => (
          <li key={s.id} className="panel session-card">
            <div>
              <strong className="session-card__title">{s.title}</strong>
              <p>
                {formatDateTime(s.startsAt, lang)} · {s.location}
              </p>
              <p>
                {t('training.seats', { enrolled: s.enrolled, capacity: s.capacity })}
                {s.waitlisted > 0 && ` · ${t('training.waitlistCount', { count: s.waitlisted })}`}
              </p>
            </div>
            <button
              type="button"
              className="button button--secondary"
              data-testid="open-roster"
              onClick={() => void openRoster(s.id)}
            >
              {t('classroom.openRoster')}
            </button>
          </li>
        ))}
      </ul>
      {roster && (
        <section className="panel" aria-labelledby="roster-title" data-testid="roster">
          <h2 id="roster-title" className="section-title">
            {t('app.labelled', { label: t('classroom.roster') })} {roster.session.title}
          </h2>
          {roster.conflicts.length > 0 && (
            <div className="alert alert--info" data-testid="roster-conflicts">
              <strong>{t('classroom.conflicts')}</strong>
              <ul>
                {roster.conflicts.map((c) => (
                  <li key={c.id}>
                    {c.userName}: {c.message}
                  </li>
                ))}
              </ul>
            </div>
          )}
          <ul className="session-list">
            {roster.members.map((m) => (
              <RosterRow
                key={m.userId}
                m={m}
                onSave={(attended, practicalScore, writtenScore) =>
                  void run(
                    api.call('training.recordAttendance', {
                      sessionId: roster.session.id,
                      userId: m.userId,
                      attended,
                      practicalScore,
                      writtenScore,
                    }),
                  ).then(() => openRoster(roster.session.id))
                }
              />
            ))}
          </ul>
          {note && (
            <p className="alert alert--success" role="status">
              {note}
            </p>
          )}
          {roster.session.moduleId && (
            <button
              type="button"
              className="button button--primary button--wide"
              onClick={() =>
                void run(api.call('training.issueRosterCertificates', { sessionId: roster.session.id })).then((v) => {
                  if (v) setNote(t('classroom.issued', { count: v.issued }));
                  void openRoster(roster.session.id);
                })
              }
            >
              {t('classroom.issueCertificates')}
            </button>
          )}
        </section>
      )}
      {team && (
        <section className="panel" aria-labelledby="assign-title">
          <h2 id="assign-title" className="section-title">
            {t('classroom.assignTitle')}
          </h2>
          <form
            className="form"
            onSubmit={(e) => {
              e.preventDefault();
              const [kind, id] = assign.what.split(':');
              setAssignNote('');
              void api
                .call('training.assign', {
                  userId: assign.userId,
                  ...(kind === 'path' ? { pathId: id } : { moduleCode: id }),
                  dueAt: assign.due ? new Date(assign.due).toISOString() : null,
                })
                .then((r) => {
                  setAssignError(r.ok ? null : r.error);
                  if (!r.ok) return;
                  // Said next to the button that was pressed, and the form is ready for the next person.
                  setAssignNote(t('classroom.assigned'));
                  setAssign({ userId: '', what: '', due: '' });
                });
            }}
          >
            <label className="field">
              <span>{t('classroom.person')}</span>
              <select
                className="field__control"
                required
                value={assign.userId}
                onChange={(e) => setAssign({ ...assign, userId: e.target.value })}
              >
                <option value="" />
                {team.people.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span>{t('classroom.what')}</span>
              <select
                className="field__control"
                required
                value={assign.what}
                onChange={(e) => setAssign({ ...assign, what: e.target.value })}
              >
                <option value="" />
                {team.paths.map((p) => (
                  <option key={p.id} value={`path:${p.id}`}>
                    {pick(p.title, lang)}
                  </option>
                ))}
                {team.modules.map((m) => (
                  <option key={m.code} value={`module:${m.code}`}>
                    {pick(m.title, lang)}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span>{t('classroom.dueDate')}</span>
              <input
                className="field__control"
                type="date"
                value={assign.due}
                onChange={(e) => setAssign({ ...assign, due: e.target.value })}
              />
            </label>
            <ErrorAlert error={assignError} testId="assign-error" />
            <button type="submit" className="button button--primary" data-testid="assign">
              {t('classroom.assign')}
            </button>
            {assignNote && (
              <p className="alert alert--success" role="status" data-testid="assigned">
                {assignNote}
              </p>
            )}
          </form>
        </section>
      )}
    </main>
  );
}
