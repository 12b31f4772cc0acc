import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from './dialog.js';
import { resizePhoto, type ResizedPhoto } from './photo-resize.js';

/**
 * The kiosk's camera in a dialog: its live picture, one large "Take the photo" button and Cancel.
 * The frame taken is resized like a chosen file. Without a camera (or refused) the dialog says
 * so; the file button beside it still works.
 */
function CameraDialog({ onPhoto, onClose }: { onPhoto(p: ResizedPhoto): void; onClose(): void }) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const take = useRef<HTMLButtonElement>(null);
  const [state, setState] = useState<'starting' | 'live' | 'none'>('starting');
  useEffect(() => {
    let stream: MediaStream | null = null;
    let live = true;
    if (!navigator.mediaDevices) {
      queueMicrotask(() => live && setState('none'));
      return () => void (live = false);
    }
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: 'environment', width: { ideal: 1920 } }, audio: false })
      .then(async (s) => {
        stream = s;
        if (!live || !video.current) return s.getTracks().forEach((x) => x.stop());
        video.current.srcObject = s;
        await video.current.play();
        if (live) setState('live');
      })
      .catch(() => live && setState('none'));
    return () => {
      live = false;
      stream?.getTracks().forEach((x) => x.stop());
    };
  }, []);
  const snap = () => {
    const v = video.current;
    if (!v || !v.videoWidth) return;
    const canvas = document.createElement('canvas');
    canvas.width = v.videoWidth;
    canvas.height = v.videoHeight;
    canvas.getContext('2d')?.drawImage(v, 0, 0);
    canvas.toBlob(
      (blob) => {
        if (!blob) return setState('none');
        void resizePhoto(blob).then((p) => {
          onPhoto(p);
          onClose();
        });
      },
      'image/jpeg',
      0.92,
    );
  };
  return (
    <Dialog
      title={t('camera.title')}
      testId="camera-dialog"
      focusRef={take}
      onClose={onClose}
      actions={
        <>
          <button type="button" className="button button--secondary" onClick={onClose} data-testid="camera-cancel">
            {t('common.cancel')}
          </button>
          <button
            ref={take}
            type="button"
            className="button button--primary button--large"
            disabled={state !== 'live'}
            onClick={snap}
            data-testid="camera-take"
          >
            {t('camera.take')}
          </button>
        </>
      }
    >
      {state === 'none' ? (
        <p className="alert alert--error" role="alert" data-testid="camera-none">
          {t('camera.none')}
        </p>
      ) : (
        <video ref={video} className="camera-capture__video" muted playsInline data-testid="camera-video" />
      )}
    </Dialog>
  );
}

/** A large "Take a photo" button that opens the camera dialog. */
export function CameraButton({
  onPhoto,
  disabled,
  testId,
}: {
  onPhoto(p: ResizedPhoto): void;
  disabled?: boolean;
  testId: string;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="button button--secondary photo-button"
        disabled={disabled}
        data-testid={testId}
        onClick={() => setOpen(true)}
      >
        {t('camera.open')}
      </button>
      {open && <CameraDialog onPhoto={onPhoto} onClose={() => setOpen(false)} />}
    </>
  );
}
