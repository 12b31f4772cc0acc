import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { INCIDENT_TYPES, SEVERITIES, type IncidentType, type Severity } from '../../../shared/incidents/workflow.js';
import { useNow } from '../../app/use-now.js';
import type { createIncidentsStore } from '../../stores/incidents-store.js';
import { MAX_PHOTOS_PER_RECORD } from '../../../shared/attachments/content.js';
import type { ResizedPhoto } from '../../components/photo-resize.js';
import { CameraButton } from '../../components/camera-capture.js';
import { PhotoButton } from '../../components/photo-button.js';
import { PendingPhotos } from './incident-photos.js';

type Store = ReturnType<typeof createIncidentsStore>;

/** The local wall time as a datetime-local value (YYYY-MM-DDTHH:MM). */
const localValue = (ms: number) => {
  const d = new Date(ms - new Date(ms).getTimezoneOffset() * 60_000);
  return d.toISOString().slice(0, 16);
};

/**
 * A report in a few taps: kind, severity and place are big buttons, "when" starts at now, and
 * only "what happened" must be typed.
 */
export function ReportForm({ store }: { store: Store }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language.startsWith('fr') ? 'fr' : 'en';
  const places = useStore(store, (s) => s.places);
  const busy = useStore(store, (s) => s.busy);
  const now = useNow(60_000);
  const [type, setType] = useState<IncidentType | null>(null);
  const [severity, setSeverity] = useState<Severity | null>(null);
  const [placeId, setPlaceId] = useState<string | null>(null);
  const [when, setWhen] = useState<string | null>(null);
  const [what, setWhat] = useState('');
  const [people, setPeople] = useState('');
  const [actions, setActions] = useState('');
  const [confidential, setConfidential] = useState(false);
  const [photos, setPhotos] = useState<ResizedPhoto[]>([]);
  const ready = type && severity && placeId && what.trim() && !busy;

  const submit = async () => {
    if (!type || !severity || !placeId) return;
    const sent = await store.getState().report(
      {
        type,
        severity,
        placeId,
        occurredAt: new Date(when ?? localValue(now)).toISOString(),
        whatHappened: what,
        peopleInvolved: people,
        immediateActions: actions,
        confidential,
      },
      photos.map((p) => ({ mime: p.mime, base64: p.base64 })),
    );
    if (sent) {
      setPhotos([]);
      setType(null);
      setSeverity(null);
      setPlaceId(null);
      setWhen(null);
      setWhat('');
      setPeople('');
      setActions('');
      setConfidential(false);
    }
  };

  return (
    <form
      className="incident-form"
      data-testid="incident-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <fieldset className="incident-choices">
        <legend>{t('incidents.form.typeLabel')}</legend>
        {INCIDENT_TYPES.map((k) => (
          <button
            key={k}
            type="button"
            className="incident-choice"
            aria-pressed={type === k}
            data-testid={`type-${k}`}
            onClick={() => setType(k)}
          >
            {t(`incidents.type.${k}`)}
          </button>
        ))}
      </fieldset>
      <fieldset className="incident-choices">
        <legend>{t('incidents.form.severityLabel')}</legend>
        {SEVERITIES.map((k) => (
          <button
            key={k}
            type="button"
            className={`incident-choice incident-choice--${k}`}
            aria-pressed={severity === k}
            data-testid={`severity-${k}`}
            onClick={() => setSeverity(k)}
          >
            {t(`incidents.severity.${k}`)}
          </button>
        ))}
      </fieldset>
      <fieldset className="incident-choices">
        <legend>{t('incidents.form.placeLabel')}</legend>
        {places.map((p) => (
          <button
            key={p.id}
            type="button"
            className="incident-choice"
            aria-pressed={placeId === p.id}
            data-testid="place-choice"
            onClick={() => setPlaceId(p.id)}
          >
            {p.name[lang]}
          </button>
        ))}
      </fieldset>
      <label className="incident-field">
        <span>{t('incidents.form.whatHappened')}</span>
        <textarea
          data-testid="incident-what"
          rows={3}
          maxLength={4000}
          value={what}
          onChange={(e) => setWhat(e.target.value)}
        />
      </label>
      <div className="incident-fields">
        <label className="incident-field">
          <span>{t('incidents.form.occurredAt')}</span>
          <input
            type="datetime-local"
            data-testid="incident-when"
            value={when ?? localValue(now)}
            onChange={(e) => setWhen(e.target.value)}
          />
        </label>
        <label className="incident-field">
          <span>{t('incidents.form.peopleInvolved')}</span>
          <input
            data-testid="incident-people"
            maxLength={1000}
            value={people}
            onChange={(e) => setPeople(e.target.value)}
          />
        </label>
        <label className="incident-field">
          <span>{t('incidents.form.immediateActions')}</span>
          <input
            data-testid="incident-actions"
            maxLength={2000}
            value={actions}
            onChange={(e) => setActions(e.target.value)}
          />
        </label>
      </div>
      <label className="incident-check">
        <input type="checkbox" checked={confidential} onChange={(e) => setConfidential(e.target.checked)} />
        <span>{t('incidents.form.confidential')}</span>
      </label>
      <div className="incident-photo-row">
        <PendingPhotos photos={photos} onRemove={(i) => setPhotos((all) => all.filter((_, k) => k !== i))} />
        {photos.length < MAX_PHOTOS_PER_RECORD && (
          <>
            <CameraButton testId="incident-camera" disabled={busy} onPhoto={(p) => setPhotos((all) => [...all, p])} />
            <PhotoButton
              label={t('incidents.photos.add')}
              testId="incident-photo"
              disabled={busy}
              onPhoto={(p) => setPhotos((all) => [...all, p])}
            />
          </>
        )}
      </div>
      <button
        type="submit"
        className="button button--primary button--wide"
        disabled={!ready}
        data-testid="incident-submit"
      >
        {t('incidents.form.submit')}
      </button>
    </form>
  );
}
