import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useServices } from '../../app/services.js';
import { formatDateTime, intlLocale } from '../../i18n/format.js';
import type { FuelAnomaly, FuelStore } from '../../stores/fuel-store.js';

const NONE: readonly string[] = [];
const CLOSED = new Set(['resolved', 'dismissed']);

/** Why the rule fired, in words, with the limits the detector really uses. */
function whyText(a: FuelAnomaly, t: (k: string, o?: Record<string, unknown>) => string) {
  const w = a.why;
  if (w.rule === 'cusum') return t('fuel.anomalies.why.cusum', { slack: w.slackPct, limit: w.limitPct });
  if (w.rule === 'ewma') return t('fuel.anomalies.why.ewma', { hours: w.hours, limit: w.limitPct });
  if (w.rule === 'share') return t('fuel.anomalies.why.share', { gap: w.gapPct, minutes: w.minutes });
  return t('fuel.anomalies.why.stuck', { minutes: w.minutes });
}

/** One labelled input of the investigation form; `name` gives its id and test id (`fuel-<name>`). */
function FormField(props: {
  name: string;
  label: string;
  value: string;
  onChange(v: string): void;
  maxLength?: number;
  type?: 'text' | 'date';
}) {
  const id = `fuel-${props.name}`;
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        data-testid={id}
        className="field__control"
        type={props.type}
        maxLength={props.maxLength}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </div>
  );
}

function InvestigateForm({ store, anomaly, onDone }: { store: FuelStore; anomaly: FuelAnomaly; onDone(): void }) {
  const { t } = useTranslation();
  const busy = useStore(store, (s) => s.busy);
  const [status, setStatus] = useState<'investigating' | 'resolved' | 'dismissed'>('investigating');
  const [rootCause, setRootCause] = useState(anomaly.rootCause ?? '');
  const [resolution, setResolution] = useState(anomaly.resolution ?? '');
  const [actionTitle, setActionTitle] = useState('');
  const [actionDue, setActionDue] = useState('');
  return (
    <form
      className="fuel-investigate"
      data-testid="fuel-investigate-form"
      onSubmit={(e) => {
        e.preventDefault();
        void store
          .getState()
          .investigate({
            id: anomaly.id,
            status,
            rootCause: rootCause.trim() || null,
            resolution: resolution.trim() || null,
            action: actionTitle.trim() ? { title: actionTitle, dueDate: actionDue } : null,
          })
          .then((ok) => ok && onDone());
      }}
    >
      <div className="fuel-choices" role="group" aria-label={t('fuel.anomalies.newStatus')}>
        {(['investigating', 'resolved', 'dismissed'] as const).map((s) => (
          <button
            key={s}
            type="button"
            className="fuel-choice"
            aria-pressed={status === s}
            data-testid={`fuel-status-${s}`}
            onClick={() => setStatus(s)}
          >
            {t(`fuel.anomalies.status.${s}`)}
          </button>
        ))}
      </div>
      <div className="form">
        <FormField
          name="root-cause"
          label={t('fuel.anomalies.rootCause')}
          maxLength={500}
          value={rootCause}
          onChange={setRootCause}
        />
        <FormField
          name="resolution"
          label={t('fuel.anomalies.resolution')}
          maxLength={500}
          value={resolution}
          onChange={setResolution}
        />
        {!anomaly.action && (
          <>
            <FormField
              name="action-title"
              label={t('fuel.anomalies.actionTitle')}
              maxLength={300}
              value={actionTitle}
              onChange={setActionTitle}
            />
            <FormField
              name="action-due"
              label={t('fuel.anomalies.actionDue')}
              type="date"
              value={actionDue}
              onChange={setActionDue}
            />
          </>
        )}
        <div className="form__full fuel-investigate__actions">
          <button type="submit" className="button button--primary" disabled={busy} data-testid="fuel-investigate-save">
            {t('fuel.anomalies.save')}
          </button>
          <button type="button" className="button button--secondary" onClick={onDone}>
            {t('fuel.anomalies.cancel')}
          </button>
        </div>
      </div>
    </form>
  );
}

/** The anomalies found in the readings: what, where, how much, since when, why; and their investigation. */
export function AnomalyList({ store }: { store: FuelStore }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { session } = useServices();
  const permissions = useStore(session, (s) => s.session?.user.permissions ?? NONE);
  const anomalies = useStore(store, (s) => s.anomalies);
  const [explained, setExplained] = useState<string | null>(null);
  const [investigating, setInvestigating] = useState<string | null>(null);
  const n = (v: number) => v.toLocaleString(intlLocale(lang), { maximumFractionDigits: 1 });

  if (anomalies.length === 0) return <p className="panel screen-hint">{t('fuel.anomalies.none')}</p>;
  return (
    <ul className="fuel-anomalies">
      {anomalies.map((a) => (
        <li
          key={a.id}
          className="panel fuel-anomaly"
          data-testid="fuel-anomaly"
          data-kind={a.kind}
          data-status={a.status}
        >
          <div className="fuel-anomaly__head">
            <h2 className="section-title">{t(`fuel.anomalies.kind.${a.kind}`)}</h2>
            <span className={`fuel-status fuel-status--${a.status}`}>{t(`fuel.anomalies.status.${a.status}`)}</span>
          </div>
          <p className="fuel-anomaly__line">
            {a.engine === null
              ? t('fuel.anomalies.whereVessel')
              : t('fuel.anomalies.whereEngine', { n: a.engine, sensor: a.sensor })}
          </p>
          <p className="fuel-anomaly__line" data-testid="fuel-anomaly-how-much">
            {a.expected > 0
              ? t('fuel.anomalies.howMuch', { expected: n(a.expected), seen: n(a.seen), unit: a.unit })
              : t('fuel.anomalies.seenOnly', { seen: n(a.seen), unit: a.unit })}{' '}
            {a.differencePct !== null &&
              t('fuel.anomalies.difference', { value: `${a.differencePct > 0 ? '+' : ''}${n(a.differencePct)}` })}
          </p>
          <p className="fuel-anomaly__line">
            {t('fuel.anomalies.since', {
              since: formatDateTime(a.since, lang),
              detected: formatDateTime(a.detectedAt, lang),
              minutes: a.minutes,
            })}
          </p>
          {explained === a.id && (
            <p className="fuel-anomaly__why" data-testid="fuel-anomaly-why">
              {whyText(a, t)}
            </p>
          )}
          {a.rootCause && (
            <p className="fuel-anomaly__line">{t('fuel.anomalies.rootCauseShown', { text: a.rootCause })}</p>
          )}
          {a.resolution && (
            <p className="fuel-anomaly__line">{t('fuel.anomalies.resolutionShown', { text: a.resolution })}</p>
          )}
          {a.action && (
            <p className="fuel-anomaly__line" data-testid="fuel-anomaly-action">
              {t('fuel.anomalies.action', { title: a.action.title, due: a.action.dueDate })}
            </p>
          )}
          {investigating === a.id ? (
            <InvestigateForm store={store} anomaly={a} onDone={() => setInvestigating(null)} />
          ) : (
            <div className="fuel-anomaly__actions">
              <button
                type="button"
                className="button button--secondary"
                aria-expanded={explained === a.id}
                data-testid="fuel-anomaly-explain"
                onClick={() => setExplained(explained === a.id ? null : a.id)}
              >
                {t(explained === a.id ? 'fuel.anomalies.hide' : 'fuel.anomalies.explain')}
              </button>
              {permissions.includes('fuel.investigate') && !CLOSED.has(a.status) && (
                <button
                  type="button"
                  className="button button--primary"
                  data-testid="fuel-anomaly-investigate"
                  onClick={() => setInvestigating(a.id)}
                >
                  {t('fuel.anomalies.investigate')}
                </button>
              )}
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}
