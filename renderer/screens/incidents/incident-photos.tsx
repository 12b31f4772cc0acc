import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_PHOTOS_PER_RECORD } from '../../../shared/attachments/content.js';
import type { PhotoEntry } from '../../../shared/attachments/contract.js';
import { useServices } from '../../app/services.js';
import { CameraButton } from '../../components/camera-capture.js';
import { PhotoButton } from '../../components/photo-button.js';
import type { ResizedPhoto } from '../../components/photo-resize.js';

/** The photos chosen in the report form, before it is sent, each with a large Remove. */
export function PendingPhotos({ photos, onRemove }: { photos: readonly ResizedPhoto[]; onRemove(i: number): void }) {
  const { t } = useTranslation();
  if (!photos.length) return null;
  return (
    <ul className="incident-photos" data-testid="incident-pending-photos">
      {photos.map((p, i) => (
        <li key={p.previewUrl.slice(-40) + i} className="incident-photo">
          <img src={p.previewUrl} alt={t('incidents.photos.alt', { n: i + 1 })} />
          <button type="button" className="button button--secondary" onClick={() => onRemove(i)}>
            {t('incidents.photos.remove')}
          </button>
        </li>
      ))}
    </ul>
  );
}

/** One stored photo: the picture when this kiosk holds it, else where it is, in words. */
function StoredPhoto({ incidentId, photo, n }: { incidentId: string; photo: PhotoEntry; n: number }) {
  const { t } = useTranslation();
  const { api } = useServices();
  const [src, setSrc] = useState<{ id: string; url: string } | null>(null);
  useEffect(() => {
    if (!photo.here) return;
    let live = true;
    void api.call('incidents.photo', { incidentId, photoId: photo.id }).then((r) => {
      if (live && r.ok) setSrc({ id: photo.id, url: `data:${r.value.mime};base64,${r.value.base64}` });
    });
    return () => {
      live = false;
    };
  }, [api, incidentId, photo.id, photo.here]);
  const state = !photo.here ? (photo.ashore ? 'coming' : 'elsewhere') : photo.ashore ? 'ashore' : 'onBoard';
  return (
    <li className={`incident-photo incident-photo--${state}`} data-testid="incident-photo" data-state={state}>
      {photo.here && src?.id === photo.id ? (
        <img src={src.url} alt={t('incidents.photos.alt', { n })} width={photo.width} height={photo.height} />
      ) : (
        <div className="incident-photo__placeholder" aria-hidden="true">
          {t('incidents.photos.placeholder')}
        </div>
      )}
      <span className="incident-photo__state">{t(`incidents.photos.state.${state}`)}</span>
    </li>
  );
}

/** The photos of an incident, and "Add a photo" for one more. */
export function IncidentPhotos({
  incidentId,
  photos,
  busy,
  onAdd,
}: {
  incidentId: string;
  photos: readonly PhotoEntry[];
  busy: boolean;
  onAdd(photo: ResizedPhoto): void;
}) {
  const { t } = useTranslation();
  return (
    <section className="incident-photos-section" data-testid="incident-photos">
      <h3>{t('incidents.photos.title', { count: photos.length })}</h3>
      {photos.length === 0 && <p>{t('incidents.photos.none')}</p>}
      <ul className="incident-photos">
        {photos.map((p, i) => (
          <StoredPhoto key={p.id} incidentId={incidentId} photo={p} n={i + 1} />
        ))}
      </ul>
      {photos.length < MAX_PHOTOS_PER_RECORD && (
        <div className="incident-photo-row">
          <CameraButton onPhoto={onAdd} disabled={busy} testId="incident-add-camera" />
          <PhotoButton label={t('incidents.photos.add')} onPhoto={onAdd} disabled={busy} testId="incident-add-photo" />
        </div>
      )}
    </section>
  );
}
