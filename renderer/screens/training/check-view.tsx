import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSlice } from '../../app/services.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { CheckCamera } from './check-camera.js';
import { checkVerdict, type CheckVerdict } from './check-verdict.js';
import { qrFromImageFile } from './qr-decode.js';
import { base64Of } from '../../components/file-base64.js';
import { formatDate, pick } from './rich-text.js';
import { useTraining } from './use-training.js';

const VERDICT_KEY: Record<CheckVerdict, string> = {
  valid: 'Valid',
  revoked: 'Revoked',
  expired: 'Expired',
  forged: 'Forged',
  unknown_issuer: 'UnknownIssuer',
  not_certificate: 'NotCertificate',
};

/**
 * Checking someone else's certificate, offline: the camera (jsqr on each frame), a PDF (the core
 * reads the certificate string it carries), an image (jsqr), or pasted text. The verdict is big.
 */
export function CheckView() {
  const { t, i18n } = useTranslation();
  const store = useTraining();
  const verification = useSlice(store, (s) => s.verification);
  const noCode = useSlice(store, (s) => s.noCode);
  const error = useSlice(store, (s) => s.error);
  const busy = useSlice(store, (s) => s.busy);
  const [scanning, setScanning] = useState(false);
  const [noCamera, setNoCamera] = useState(false);
  const [text, setText] = useState('');
  const s = store.getState();
  const lang = i18n.language;

  const openFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    setScanning(false);
    const head = new Uint8Array(await file.slice(0, 5).arrayBuffer());
    if (String.fromCharCode(...head) === '%PDF-') return s.checkPdf(await base64Of(file));
    await s.checkFound(await qrFromImageFile(file).catch(() => null));
  };

  const verdict = verification ? checkVerdict(verification) : null;
  return (
    <main id="main" className="screen training check" data-testid="screen-check">
      <div className="screen__head">
        <h1 className="screen-title">{t('certcheck.title')}</h1>
        <button
          type="button"
          className="button button--secondary"
          data-testid="back-to-catalog"
          onClick={() => void s.open({ name: 'catalog' })}
        >
          {t('training.backToList')}
        </button>
      </div>
      <p className="screen-hint">{t('certcheck.hint')}</p>
      <ErrorAlert error={error} />
      {verdict && verification && (
        <section
          className={`panel check__verdict check__verdict--${verdict}`}
          role="status"
          data-testid="check-verdict"
          data-verdict={verdict}
        >
          <p className="check__verdict-word">{t(`certcheck.verdict${VERDICT_KEY[verdict]}`)}</p>
          <p>{t(`certcheck.explain${VERDICT_KEY[verdict]}`)}</p>
          {verification.valid && (
            <dl className="facts">
              <div className="facts__item">
                <dt>{t('training.holder')}</dt>
                <dd data-testid="check-holder">{verification.holder}</dd>
              </div>
              {verification.moduleTitle && (
                <div className="facts__item">
                  <dt>{t('training.title')}</dt>
                  <dd>{pick(verification.moduleTitle, lang)}</dd>
                </div>
              )}
              <div className="facts__item">
                <dt>{t('training.number')}</dt>
                <dd>{verification.number}</dd>
              </div>
              {verification.issuer && (
                <div className="facts__item">
                  <dt>{t('certcheck.site')}</dt>
                  <dd>{verification.issuer.siteName}</dd>
                </div>
              )}
              {verification.issuer?.signatoryName && (
                <div className="facts__item">
                  <dt>{t('certcheck.signedBy')}</dt>
                  <dd>
                    {verification.issuer.signatoryName}
                    {verification.issuer.signatoryTitle ? `, ${verification.issuer.signatoryTitle}` : ''}
                  </dd>
                </div>
              )}
              <div className="facts__item">
                <dt>{verification.expiresAt ? t('training.expires', { date: '' }).trim() : t('training.noExpiry')}</dt>
                <dd>{verification.expiresAt ? formatDate(verification.expiresAt, lang) : ''}</dd>
              </div>
            </dl>
          )}
          <button type="button" className="button button--secondary" onClick={() => s.clearCheck()}>
            {t('certcheck.again')}
          </button>
        </section>
      )}
      {noCode && (
        <p className="alert alert--error" role="status" data-testid="check-no-code">
          {t('certcheck.noCode')}
        </p>
      )}
      <div className="check__ways">
        <div className="panel check__way">
          <button
            type="button"
            className="button button--primary button--large"
            data-testid="check-scan"
            onClick={() => {
              setNoCamera(false);
              setScanning(!scanning);
            }}
          >
            {scanning ? t('certcheck.stopScan') : t('certcheck.scan')}
          </button>
          {scanning && (
            <>
              <p>{t('certcheck.scanning')}</p>
              <CheckCamera
                onFound={(found) => {
                  setScanning(false);
                  void s.checkFound(found);
                }}
                onNoCamera={() => {
                  setScanning(false);
                  setNoCamera(true);
                }}
              />
            </>
          )}
          {noCamera && <p className="alert alert--error">{t('certcheck.noCamera')}</p>}
        </div>
        <div className="panel check__way">
          <label className="button button--primary button--large check__file">
            {t('certcheck.openFile')}
            <input
              type="file"
              accept="application/pdf,image/png,image/jpeg,image/*"
              data-testid="check-file"
              onChange={(e) => void openFile(e)}
            />
          </label>
        </div>
        <form
          className="panel check__way"
          onSubmit={(e) => {
            e.preventDefault();
            if (text.trim()) void s.checkFound(text.trim());
          }}
        >
          <label className="field">
            <span>{t('certcheck.paste')}</span>
            <textarea
              className="field__control"
              rows={3}
              value={text}
              placeholder={t('certcheck.pastePlaceholder')}
              data-testid="check-text"
              onChange={(e) => setText(e.target.value)}
            />
          </label>
          <button
            type="submit"
            className="button button--primary"
            disabled={busy || !text.trim()}
            data-testid="check-submit"
          >
            {t('certcheck.check')}
          </button>
        </form>
      </div>
    </main>
  );
}
