import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { resizePhoto, type ResizedPhoto } from './photo-resize.js';

/**
 * A large "Add a photo" button: the camera on a tablet (`capture`), a file elsewhere. The picture
 * is resized here before anything is sent; `onPhoto` gets it, or the button says it could not be read.
 */
export function PhotoButton({
  label,
  onPhoto,
  disabled,
  testId,
}: {
  label: string;
  onPhoto(photo: ResizedPhoto): void;
  disabled?: boolean;
  testId: string;
}) {
  const { t } = useTranslation();
  const [failed, setFailed] = useState(false);
  return (
    <>
      <label className={`button button--secondary photo-button${disabled ? ' is-disabled' : ''}`}>
        {label}
        <input
          type="file"
          accept="image/jpeg,image/png,image/*"
          capture="environment"
          disabled={disabled}
          data-testid={testId}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (!file) return;
            setFailed(false);
            resizePhoto(file).then(onPhoto, () => setFailed(true));
          }}
        />
      </label>
      {failed && (
        <p className="alert alert--error" role="alert" data-testid={`${testId}-error`}>
          {t('common.pictureUnreadable')}
        </p>
      )}
    </>
  );
}
