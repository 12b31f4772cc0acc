import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { Severity } from '../../../shared/incidents/workflow.js';
import type { createIncidentsStore, IncidentSettings as Settings } from '../../stores/incidents-store.js';

type Store = ReturnType<typeof createIncidentsStore>;
type Target = Settings['targets'][number];

/** Whole minutes from a field, or null when it is not a whole number from 1 up. */
const wholeNumber = (text: string): number | null =>
  /^\s*\d{1,6}\s*$/.test(text) && Number(text) > 0 ? Number(text) : null;

/** One severity's targets: minutes to acknowledge and hours to resolve, saved on their own. */
function TargetRow({ store, target }: { store: Store; target: Target }) {
  const { t } = useTranslation();
  const busy = useStore(store, (s) => s.busy);
  const [ack, setAck] = useState(String(target.ackMinutes));
  const [hours, setHours] = useState(String(Math.round((target.resolveMinutes / 60) * 100) / 100));
  const [tried, setTried] = useState(false);
  const ackMinutes = wholeNumber(ack);
  const resolveHours = /^\s*\d{1,5}([.,]\d{1,2})?\s*$/.test(hours) ? Number(hours.replace(',', '.')) : null;
  const resolveMinutes = resolveHours === null || resolveHours <= 0 ? null : Math.round(resolveHours * 60);
  const id = (f: string) => `sla-${target.severity}-${f}`;
  const problem = (f: string, show: boolean) =>
    show && (
      <span className="field__problem" id={`${id(f)}-problem`} role="alert" data-testid={`problem-${id(f)}`}>
        {t(f === 'ack' ? 'incidents.settings.badMinutes' : 'incidents.settings.badHours')}
      </span>
    );
  return (
    <form
      className="incident-settings__target"
      data-testid={`sla-${target.severity}`}
      onSubmit={(e) => {
        e.preventDefault();
        setTried(true);
        if (ackMinutes === null || resolveMinutes === null) return;
        void store.getState().saveTarget({ severity: target.severity, ackMinutes, resolveMinutes });
      }}
    >
      <h3 className="incident-settings__severity">
        {t(`incidents.severity.${target.severity}`)}{' '}
        <span className="incident-settings__own">
          {target.own ? t('incidents.settings.own') : t('incidents.settings.default')}
        </span>
      </h3>
      <div className="field">
        <label htmlFor={id('ack')}>{t('incidents.settings.ack')}</label>
        <input
          id={id('ack')}
          className="field__control"
          inputMode="numeric"
          data-testid={id('ack')}
          value={ack}
          aria-invalid={tried && ackMinutes === null}
          onChange={(e) => setAck(e.target.value)}
        />
        {problem('ack', tried && ackMinutes === null)}
      </div>
      <div className="field">
        <label htmlFor={id('resolve')}>{t('incidents.settings.resolve')}</label>
        <input
          id={id('resolve')}
          className="field__control"
          inputMode="decimal"
          data-testid={id('resolve')}
          value={hours}
          aria-invalid={tried && resolveMinutes === null}
          onChange={(e) => setHours(e.target.value)}
        />
        {problem('resolve', tried && resolveMinutes === null)}
      </div>
      <button type="submit" className="button button--primary" disabled={busy} data-testid={id('save')}>
        {t('incidents.settings.save')}
      </button>
    </form>
  );
}

/**
 * The site's own incident settings (issue 12 §1, §3): SLA targets per severity over the defaults,
 * and the places an incident can happen, beside the site kind's default ones. Saved as synced
 * mutations, so every kiosk of the site and shore use the same.
 */
export function IncidentSettings({ store }: { store: Store }) {
  const { t, i18n } = useTranslation();
  const settings = useStore(store, (s) => s.settings);
  const busy = useStore(store, (s) => s.busy);
  const [nameEn, setEn] = useState('');
  const [nameFr, setFr] = useState('');
  const [tried, setTried] = useState(false);
  if (!settings) return <p className="screen-hint">{t('common.loading')}</p>;
  const lang = i18n.language.startsWith('fr') ? 'fr' : 'en';
  const targets = settings.targets;
  const key = (s: Severity, x: Target) => `${s}-${x.ackMinutes}-${x.resolveMinutes}`;
  return (
    <section className="incident-settings" data-testid="incident-settings">
      <h2 className="section-title">{t('incidents.settings.slaTitle')}</h2>
      <p className="screen-hint">{t('incidents.settings.slaHint')}</p>
      <div className="incident-settings__targets">
        {targets.map((x) => (
          <TargetRow key={key(x.severity, x)} store={store} target={x} />
        ))}
      </div>
      <h2 className="section-title">{t('incidents.settings.placesTitle')}</h2>
      <ul className="incident-entries" data-testid="incident-places">
        {settings.places.map((p) => (
          <li key={p.id} data-own={p.own}>
            {p.name[lang]}
            {p.own ? '' : ` · ${t('incidents.settings.default')}`}
          </li>
        ))}
      </ul>
      <form
        className="incident-settings__place"
        onSubmit={(e) => {
          e.preventDefault();
          setTried(true);
          if (!nameEn.trim() || !nameFr.trim()) return;
          void store
            .getState()
            .addPlace({ nameEn: nameEn.trim(), nameFr: nameFr.trim() })
            .then((ok) => {
              if (!ok) return;
              setEn('');
              setFr('');
              setTried(false);
            });
        }}
      >
        {(
          [
            ['place-en', t('incidents.settings.placeEn'), nameEn, setEn],
            ['place-fr', t('incidents.settings.placeFr'), nameFr, setFr],
          ] as const
        ).map(([id, label, value, set]) => (
          <div className="field" key={id}>
            <label htmlFor={id}>{label}</label>
            <input
              id={id}
              className="field__control"
              data-testid={id}
              maxLength={80}
              value={value}
              aria-invalid={tried && !value.trim()}
              onChange={(e) => set(e.target.value)}
            />
            {tried && !value.trim() && (
              <span className="field__problem" role="alert" data-testid={`problem-${id}`}>
                {t('incidents.settings.nameNeeded')}
              </span>
            )}
          </div>
        ))}
        <button type="submit" className="button button--primary" disabled={busy} data-testid="place-add">
          {t('incidents.settings.addPlace')}
        </button>
      </form>
    </section>
  );
}
