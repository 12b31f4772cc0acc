import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../shared/api/contract.js';
import type { ErrorData } from '../../../shared/errors.js';
import { useServices } from '../../app/services.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { formatDateTime } from '../../i18n/format.js';
import '../../styles/training.css';
import { BackButton } from '../../components/back-button.js';
import { pick } from './rich-text.js';
import { useDataChanged } from './use-area-store.js';

type Session = MethodOutput<'training.sessions'>[number];
type Roster = MethodOutput<'training.roster'>;
type Team = MethodOutput<'training.team'>;
const TABLES = ['training_sessions', 'training_enrollments', 'training_certificates', 'conflicts'];

function RosterRow({ m, onSave }: { m: Roster['members'][number]; onSave(attended: boolean, practical: number | null, written: number | null): void }) {
  const { t } = useTranslation();
  const [practical, setPractical] = useState(m.practicalScore?.toString() ?? '');
  const [written, setWritten] = useState(m.writtenScore?.toString() ?? '');
  const num = (s: string) => (s.trim() === '' ? null : Math.max(0, Math.min(100, Number(s))));
  if (m.status !== 'enrolled') {
    return <li className="roster-row" data-testid="roster-row"><span className="roster-row__name">{m.name}</span><span>{m.status === 'waitlisted' ? t('classroom.waiting', { position: m.position }) : t('classroom.cancelled')}</span></li>;
  }
  return (
    <li className="roster-row" data-testid="roster-row">
      <span className="roster-row__name">{m.name}</span>
      <button type="button" className={`button button--secondary${m.attended ? ' button--on' : ''}`} aria-pressed={m.attended === true} onClick={() => onSave(!m.attended, num(practical), num(written))}>
        {m.attended ? t('classroom.attended') : t('classroom.absent')}
      </button>
      <label className="field">{t('classroom.practical')} <input className="field__control" inputMode="numeric" value={practical} onChange={(e) => setPractical(e.target.value)} /></label>
      <label className="field">{t('classroom.written')} <input className="field__control" inputMode="numeric" value={written} onChange={(e) => setWritten(e.target.value)} /></label>
      <button type="button" className="button button--primary" onClick={() => onSave(m.attended === true, num(practical), num(written))}>{t('classroom.saveRow')}</button>
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
  const [form, setForm] = useState({ title: '', moduleId: '', location: '', starts: '', hours: 2, capacity: 8 });
  const [assign, setAssign] = useState({ userId: '', what: '', due: '' });
  const lang = i18n.language;

  const load = useCallback(() => {
    void api.call('training.sessions', {}).then((r) => (r.ok ? setSessions(r.value) : setError(r.error)));
    if (roster) void api.call('training.roster', { sessionId: roster.session.id }).then((r) => r.ok && setRoster(r.value));
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
      {note && <p className="alert alert--success" role="status">{note}</p>}
      <section className="panel" aria-labelledby="new-session">
        <h2 id="new-session" className="section-title">{t('classroom.newSession')}</h2>
        <form className="form" onSubmit={(e) => {
          e.preventDefault();
          const startsAt = new Date(form.starts).toISOString();
          const endsAt = new Date(Date.parse(startsAt) + form.hours * 3600_000).toISOString();
          void run(api.call('training.createSession', { title: form.title, moduleId: form.moduleId || null, location: form.location, startsAt, endsAt, capacity: form.capacity })).then((v) => v && load());
        }}>
          <label className="field"><span>{t('classroom.sessionTitle')}</span><input className="field__control" required value={form.title} onChange={(e) => setForm({ ...form, title: e.target.value })} data-testid="session-title" /></label>
          <label className="field"><span>{t('classroom.module')}</span>
            <select className="field__control" value={form.moduleId} onChange={(e) => setForm({ ...form, moduleId: e.target.value })}>
              <option value="">{t('classroom.noModule')}</option>
              {modules.map((m) => <option key={m.id} value={m.id}>{pick(m.title, lang)}</option>)}
            </select>
          </label>
          <label className="field"><span>{t('classroom.location')}</span><input className="field__control" required value={form.location} onChange={(e) => setForm({ ...form, location: e.target.value })} /></label>
          <label className="field"><span>{t('classroom.starts')}</span><input className="field__control" type="datetime-local" required value={form.starts} onChange={(e) => setForm({ ...form, starts: e.target.value })} /></label>
          <label className="field"><span>{t('classroom.capacity')}</span><input className="field__control" type="number" min={1} max={500} value={form.capacity} onChange={(e) => setForm({ ...form, capacity: Number(e.target.value) })} /></label>
          <button type="submit" className="button button--primary">{t('classroom.create')}</button>
        </form>
      </section>
      <ul className="session-list">
        {sessions?.map((s) => (
          <li key={s.id} className="panel session-card">
            <div>
              <strong className="session-card__title">{s.title}</strong>
              <p>{formatDateTime(s.startsAt, lang)} · {s.location}</p>
              <p>{t('training.seats', { enrolled: s.enrolled, capacity: s.capacity })}{s.waitlisted > 0 && ` · ${t('training.waitlistCount', { count: s.waitlisted })}`}</p>
            </div>
            <button type="button" className="button button--secondary" data-testid="open-roster" onClick={() => void openRoster(s.id)}>{t('classroom.openRoster')}</button>
          </li>
        ))}
      </ul>
      {roster && (
        <section className="panel" aria-labelledby="roster-title" data-testid="roster">
          <h2 id="roster-title" className="section-title">{t('classroom.roster')}: {roster.session.title}</h2>
          {roster.conflicts.length > 0 && (
            <div className="alert alert--info" data-testid="roster-conflicts">
              <strong>{t('classroom.conflicts')}</strong>
              <ul>{roster.conflicts.map((c) => <li key={c.id}>{c.userName}: {c.message}</li>)}</ul>
            </div>
          )}
          <ul className="session-list">
            {roster.members.map((m) => (
              <RosterRow key={m.userId} m={m} onSave={(attended, practicalScore, writtenScore) => void run(api.call('training.recordAttendance', { sessionId: roster.session.id, userId: m.userId, attended, practicalScore, writtenScore })).then(() => openRoster(roster.session.id))} />
            ))}
          </ul>
          {roster.session.moduleId && (
            <button type="button" className="button button--primary button--wide" onClick={() => void run(api.call('training.issueRosterCertificates', { sessionId: roster.session.id })).then((v) => {
              if (v) setNote(t('classroom.issued', { count: v.issued }));
              void openRoster(roster.session.id);
            })}>{t('classroom.issueCertificates')}</button>
          )}
        </section>
      )}
      {team && (
        <section className="panel" aria-labelledby="assign-title">
          <h2 id="assign-title" className="section-title">{t('classroom.assignTitle')}</h2>
          <form className="form" onSubmit={(e) => {
            e.preventDefault();
            const [kind, id] = assign.what.split(':');
            void run(api.call('training.assign', { userId: assign.userId, ...(kind === 'path' ? { pathId: id } : { moduleCode: id }), dueAt: assign.due ? new Date(assign.due).toISOString() : null })).then((v) => v && setNote(t('classroom.assigned')));
          }}>
            <label className="field"><span>{t('classroom.person')}</span>
              <select className="field__control" required value={assign.userId} onChange={(e) => setAssign({ ...assign, userId: e.target.value })}>
                <option value="" />
                {team.people.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
              </select>
            </label>
            <label className="field"><span>{t('classroom.what')}</span>
              <select className="field__control" required value={assign.what} onChange={(e) => setAssign({ ...assign, what: e.target.value })}>
                <option value="" />
                {team.paths.map((p) => <option key={p.id} value={`path:${p.id}`}>{pick(p.title, lang)}</option>)}
                {team.modules.map((m) => <option key={m.code} value={`module:${m.code}`}>{pick(m.title, lang)}</option>)}
              </select>
            </label>
            <label className="field"><span>{t('classroom.dueDate')}</span><input className="field__control" type="date" value={assign.due} onChange={(e) => setAssign({ ...assign, due: e.target.value })} /></label>
            <button type="submit" className="button button--primary">{t('classroom.assign')}</button>
          </form>
        </section>
      )}
    </main>
  );
}
