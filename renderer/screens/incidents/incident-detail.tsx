import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { formatDateTime } from '../../i18n/format.js';
import type { createIncidentsStore, IncidentDetail } from '../../stores/incidents-store.js';
import { INCIDENT_REPORT_FORMATS } from '../../../shared/incidents/export-contract.js';
import { useServices } from '../../app/services.js';
import { ExportButton } from '../compliance/export-dialog.js';
import { ActionForm } from './action-form.js';
import { IncidentPhotos } from './incident-photos.js';
import { RecordCheck } from './record-check.js';
import { RegulatoryPanel } from './regulatory-panel.js';

type Store = ReturnType<typeof createIncidentsStore>;

/** One incident: what happened, its SLA, the moves the person may make, escalations, history and actions. */
export function IncidentDetailView({ store, detail }: { store: Store; detail: IncidentDetail }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language.startsWith('fr') ? 'fr' : 'en';
  const busy = useStore(store, (s) => s.busy);
  const { api, session } = useServices();
  const mayExport = useStore(session, (s) => s.session?.user.permissions.includes('incidents.triage') ?? false);
  const [reason, setReason] = useState('');
  const at = (iso: string) => formatDateTime(iso, i18n.language);
  const stage = (s: string | null) => (s ? t(`incidents.stage.${s}`) : '');
  const clock = (kind: 'acknowledge' | 'resolve') => {
    const c = detail.sla[kind];
    const state = t(`incidents.sla.${c.state}`);
    return `${t(`incidents.sla.${kind}`, { state })}${c.dueAt ? ` (${t('incidents.sla.due', { time: at(c.dueAt) })})` : ''}`;
  };

  return (
    <section className="incident-detail" data-testid="incident-detail" data-stage={detail.stage}>
      <div className="incident-detail__head">
        <span className={`incident-badge incident-badge--${detail.severity}`}>
          {t(`incidents.severity.${detail.severity}`)}
        </span>
        <h2>
          {t(`incidents.type.${detail.type}`)} · {stage(detail.stage)}
        </h2>
        {mayExport && (
          <ExportButton
            titleKey="incidents.export.reportTitle"
            hintKey="incidents.export.hint"
            testId="incident-export"
            formats={INCIDENT_REPORT_FORMATS}
            request={(format) => api.call('incidents.exportReport', { id: detail.id, format })}
          />
        )}
        <button
          type="button"
          className="button button--secondary"
          data-testid="incident-close"
          onClick={() => store.getState().closeDetail()}
        >
          {t('incidents.detail.close')}
        </button>
      </div>
      <p className="incident-detail__what">{detail.whatHappened}</p>
      <p>
        {t('incidents.detail.place', { place: detail.place[lang] })} ·{' '}
        {t('incidents.detail.reportedBy', { name: detail.reporterName ?? '?', time: at(detail.reportedAt) })}
      </p>
      <p className={`incident-sla incident-sla--${detail.sla.acknowledge.state}`} data-testid="sla-acknowledge">
        {clock('acknowledge')}
      </p>
      <p className={`incident-sla incident-sla--${detail.sla.resolve.state}`} data-testid="sla-resolve">
        {clock('resolve')}
      </p>

      {detail.slaPaused && (
        <p className="incident-sla incident-sla--paused" data-testid="sla-paused">
          {t('incidents.pause.paused')}
        </p>
      )}

      {(detail.moves.length > 0 || detail.canEscalate || detail.canPause) && (
        <div className="incident-moves">
          <label className="incident-field">
            <span>{t('incidents.detail.reason')}</span>
            <input
              data-testid="move-reason"
              maxLength={1000}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
          </label>
          <div className="incident-choices" role="group" aria-label={t('incidents.detail.moveTo')}>
            {detail.moves.map((to) => (
              <button
                key={to}
                type="button"
                className="button button--primary"
                disabled={busy}
                data-testid={`move-${to}`}
                onClick={() =>
                  void store
                    .getState()
                    .move(to, reason)
                    .then((ok) => ok && setReason(''))
                }
              >
                {stage(to)}
              </button>
            ))}
            {detail.canEscalate && (
              <button
                type="button"
                className="button button--danger"
                disabled={busy}
                data-testid="incident-escalate"
                onClick={() =>
                  void store
                    .getState()
                    .escalate(reason)
                    .then((ok) => ok && setReason(''))
                }
              >
                {t('incidents.detail.escalate')}
              </button>
            )}
            {detail.canPause && (
              <button
                type="button"
                className="button button--secondary"
                disabled={busy}
                data-testid={detail.slaPaused ? 'sla-resume' : 'sla-pause'}
                onClick={() =>
                  void store
                    .getState()
                    .pauseSla(!detail.slaPaused, reason)
                    .then((ok) => ok && setReason(''))
                }
              >
                {t(detail.slaPaused ? 'incidents.pause.resume' : 'incidents.pause.pause')}
              </button>
            )}
          </div>
        </div>
      )}

      <IncidentPhotos
        incidentId={detail.id}
        photos={detail.photos}
        busy={busy}
        onAdd={(p) => void store.getState().addPhoto({ mime: p.mime, base64: p.base64 })}
      />

      <div className="incident-columns">
        <section>
          <h3>{t('incidents.detail.escalations')}</h3>
          {detail.escalations.length === 0 && <p>{t('incidents.detail.noEscalations')}</p>}
          <ul className="incident-entries" data-testid="incident-escalations">
            {detail.escalations.map((e) => (
              <li
                key={e.id}
                data-testid="escalation-entry"
                data-level={e.level}
                data-acknowledged={e.acknowledgedAt !== null}
              >
                <strong>
                  {e.level}. {e.levelName[lang]}
                </strong>{' '}
                · {at(e.raisedAt)}
                <br />
                {e.acknowledgedAt
                  ? t('incidents.detail.acknowledgedBy', {
                      name: e.acknowledgedByName ?? '?',
                      time: at(e.acknowledgedAt),
                    })
                  : t('incidents.detail.waiting')}
              </li>
            ))}
          </ul>
          <h3>{t('incidents.detail.history')}</h3>
          <ol className="incident-entries" data-testid="incident-history">
            {detail.history.map((h) => (
              <li key={h.id}>
                <strong>{t(`incidents.detail.event.${h.kind}`, { from: stage(h.from), to: stage(h.to) })}</strong> ·{' '}
                {at(h.at)}
                {h.personName ? ` · ${h.personName}` : ''}
                {h.reason ? <em> — {h.reason}</em> : null}
              </li>
            ))}
          </ol>
        </section>
        <section>
          <h3>{t('incidents.detail.actions')}</h3>
          {detail.actions.length === 0 && <p>{t('incidents.detail.noActions')}</p>}
          <ul className="incident-entries" data-testid="incident-actions-list">
            {detail.actions.map((a) => (
              <li key={a.id} data-testid="action-entry" data-status={a.status}>
                <strong>{a.title}</strong> · {t(`incidents.action.kind.${a.kind}`)} ·{' '}
                {a.ownerName ?? t('incidents.action.nobody')} · {t('incidents.action.dueOn', { date: a.dueDate })}
                <select
                  aria-label={t('incidents.action.status.open')}
                  value={a.status}
                  data-testid="action-status"
                  onChange={(e) => void store.getState().setActionStatus(a.id, e.target.value as typeof a.status)}
                >
                  {(['open', 'in_progress', 'done', 'cancelled'] as const).map((s) => (
                    <option key={s} value={s}>
                      {t(`incidents.action.status.${s}`)}
                    </option>
                  ))}
                </select>
              </li>
            ))}
          </ul>
          {detail.canEscalate || detail.moves.length > 0 ? <ActionForm store={store} people={detail.people} /> : null}
          <RecordCheck store={store} />
        </section>
      </div>
      <RegulatoryPanel key={detail.id} store={store} detail={detail} />
    </section>
  );
}
