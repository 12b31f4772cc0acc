import { useId, useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorData } from '../../shared/errors.js';
import { can } from '../../shared/permissions.js';
import { useServices, useSlice } from '../app/services.js';
import { qrFromImageFile } from '../screens/training/qr-decode.js';
import { ErrorAlert } from './error-alert.js';

/**
 * Shown when shore no longer knows this kiosk (restored from a backup older than its enrolment,
 * or revoked): sync is paused, nothing here is lost, and a person who may manage devices enrols
 * it again with a new code.
 */
export function ReenrolPanel() {
  const { t } = useTranslation();
  const { api, status, session } = useServices();
  const allowed = useSlice(session, (x) => can(x.session?.user.permissions ?? [], 'devices.manage'));
  const revoked = useSlice(status, (x) => x.status?.deviceRevoked === true);
  const [code, setCode] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ErrorData | null>(null);
  const id = useId();

  const [noQr, setNoQr] = useState(false);
  /** A photo of the QR code on the admin screen of another kiosk: its text goes in the field. */
  const openPhoto = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    const text = await qrFromImageFile(file).catch(() => null);
    setNoQr(!text);
    if (text) setCode(text);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    const r = await api.call('sync.reenrol', { code: code.trim() });
    setSaving(false);
    if (!r.ok) return setError(r.error);
    setError(null);
    setCode('');
    void status.getState().refresh();
  };

  // A revoked kiosk cannot come back under its identity (shore refuses it by design: it may be the
  // lost or stolen one): the form would only fail, so the panel says what to do instead.
  if (revoked)
    return (
      <section className="panel" role="alert" aria-labelledby={`${id}-title`} data-testid="sync-device-revoked">
        <h2 id={`${id}-title`} className="section-title">
          {t('sync.revoked.title')}
        </h2>
        <p>{t('sync.revoked.message')}</p>
        <p className="screen-hint">{t('sync.revoked.next')}</p>
      </section>
    );

  return (
    <section className="panel" role="alert" aria-labelledby={`${id}-title`} data-testid="sync-device-unknown">
      <h2 id={`${id}-title`} className="section-title">
        {t('sync.reenrol.title')}
      </h2>
      <p>{t('sync.reenrol.message')}</p>
      {!allowed && <p className="screen-hint">{t('sync.reenrol.askAdmin')}</p>}
      {allowed && (
        <form className="form form--inline" onSubmit={(e) => void submit(e)} noValidate data-testid="reenrol">
          <div className="field">
            <label htmlFor={`${id}-code`}>{t('sync.reenrol.codeLabel')}</label>
            <p id={`${id}-hint`} className="field__hint field__hint--above">
              {t('sync.reenrol.codeHint')}
            </p>
            <input
              id={`${id}-code`}
              className="field__control"
              value={code}
              maxLength={400}
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              aria-describedby={`${id}-hint`}
              onChange={(e) => setCode(e.target.value)}
              data-testid="reenrol-code"
            />
          </div>
          <label className="button button--secondary reenrol__photo">
            {t('sync.reenrol.photo')}
            <input
              type="file"
              accept="image/png,image/jpeg,image/*"
              data-testid="reenrol-photo"
              onChange={(e) => void openPhoto(e)}
            />
          </label>
          {noQr && (
            <p className="alert alert--error form__full" role="alert" data-testid="reenrol-no-qr">
              {t('sync.reenrol.noQr')}
            </p>
          )}
          <ErrorAlert error={error} testId="reenrol-error" />
          <button
            type="submit"
            className="button button--primary"
            disabled={saving || code.trim().length < 4}
            data-testid="reenrol-submit"
          >
            {t('sync.reenrol.submit')}
          </button>
        </form>
      )}
    </section>
  );
}
