import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorData } from '../../../shared/errors.js';
import { useServices, useSlice } from '../../app/services.js';
import { ErrorAlert } from '../../components/error-alert.js';
import type { CertificateTemplate } from '../../stores/training-store.js';
import { useTraining } from './use-training.js';

const LOGO_MAX_BYTES = 256 * 1024;

async function logoOf(file: File): Promise<CertificateTemplate['logo']> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes.length > LOGO_MAX_BYTES) return null;
  // The same magic-byte check the core makes (shared/training/certificate-template.ts), for a quick answer.
  const png = bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47;
  const jpeg = bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
  if (!png && !jpeg) return null;
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { mime: png ? 'image/png' : 'image/jpeg', base64: btoa(s) };
}

function TemplateFields({ initial }: { initial: CertificateTemplate }) {
  const { t } = useTranslation();
  const store = useTraining();
  const saved = useSlice(store, (s) => s.templateSaved);
  const busy = useSlice(store, (s) => s.busy);
  const [name, setName] = useState(initial.signatoryName);
  const [title, setTitle] = useState(initial.signatoryTitle);
  const [logo, setLogo] = useState(initial.logo);
  const [refused, setRefused] = useState(false);
  const chooseLogo = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    const next = await logoOf(file);
    setRefused(next === null);
    if (next) setLogo(next);
  };
  return (
    <form
      className="panel template-form"
      data-testid="template-form"
      onSubmit={(e) => {
        e.preventDefault();
        void store.getState().saveTemplate({ signatoryName: name, signatoryTitle: title, logo });
      }}
    >
      <label className="field">
        <span>{t('certcheck.signatoryName')}</span>
        <input
          className="field__control"
          value={name}
          maxLength={120}
          data-testid="template-name"
          onChange={(e) => setName(e.target.value)}
        />
      </label>
      <label className="field">
        <span>{t('certcheck.signatoryTitle')}</span>
        <input
          className="field__control"
          value={title}
          maxLength={120}
          data-testid="template-title"
          onChange={(e) => setTitle(e.target.value)}
        />
      </label>
      <div className="field">
        <span>{t('certcheck.logo')}</span>
        <div className="template-form__logo">
          {logo ? (
            <img src={`data:${logo.mime};base64,${logo.base64}`} alt="" data-testid="template-logo" />
          ) : (
            <span>{t('certcheck.noLogo')}</span>
          )}
          <label className="button button--secondary check__file">
            {t('certcheck.chooseLogo')}
            <input
              type="file"
              accept="image/png,image/jpeg"
              data-testid="template-logo-file"
              onChange={(e) => void chooseLogo(e)}
            />
          </label>
          {logo && (
            <button type="button" className="button button--secondary" onClick={() => setLogo(null)}>
              {t('certcheck.removeLogo')}
            </button>
          )}
        </div>
        {refused && (
          <p className="alert alert--error" role="alert" data-testid="template-logo-refused">
            {t('certcheck.logoRefused')}
          </p>
        )}
      </div>
      <button
        type="submit"
        className="button button--primary button--large"
        disabled={busy}
        data-testid="template-save"
      >
        {t('certcheck.save')}
      </button>
      {saved && (
        <p className="alert alert--success" role="status" data-testid="template-saved">
          {t('certcheck.saved')}
        </p>
      )}
    </form>
  );
}

/** The site's certificate template: signatory and logo, for administrators. */
export function TemplateView() {
  const { t } = useTranslation();
  const store = useTraining();
  const template = useSlice(store, (s) => s.template);
  const error = useSlice(store, (s) => s.error);
  return (
    <main id="main" className="screen training" data-testid="screen-template">
      <div className="screen__head">
        <h1 className="screen-title">{t('certcheck.templateTitle')}</h1>
        <button
          type="button"
          className="button button--secondary"
          data-testid="back-to-catalog"
          onClick={() => void store.getState().open({ name: 'catalog' })}
        >
          {t('training.backToList')}
        </button>
      </div>
      <p className="screen-hint">{t('certcheck.templateHint')}</p>
      <ErrorAlert error={error} />
      {/* Keyed by the loaded template, so the fields start from it without copying it in an effect. */}
      {template && <TemplateFields key={JSON.stringify(template)} initial={template} />}
      <RevocationExport />
    </main>
  );
}

/**
 * The site's revoked certificates as a list signed by this kiosk, to hand to whoever checks
 * certificates away from a kiosk (`npm run verify-certificate -- --revocations FILE --keys ...`).
 */
function RevocationExport() {
  const { t } = useTranslation();
  const { api } = useServices();
  const [file, setFile] = useState<{ fileName: string; json: string; count: number } | null>(null);
  const [error, setError] = useState<ErrorData | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <section className="panel template-form" data-testid="revocation-export">
      <h2 className="section-title">{t('certcheck.revocationsTitle')}</h2>
      <p>{t('certcheck.revocationsHint')}</p>
      <ErrorAlert error={error} />
      <button
        type="button"
        className="button button--secondary button--large"
        disabled={busy}
        data-testid="revocation-export-make"
        onClick={() => {
          setBusy(true);
          void api.call('training.revocationList', {}).then((r) => {
            setBusy(false);
            setError(r.ok ? null : r.error);
            setFile(r.ok ? r.value : null);
          });
        }}
      >
        {t('certcheck.exportRevocations')}
      </button>
      {file && (
        <div role="status" className="export-ready">
          <p data-testid="revocation-export-count">{t('certcheck.revocationsReady', { count: file.count })}</p>
          <a
            className="button button--primary"
            href={`data:application/json;charset=utf-8,${encodeURIComponent(file.json)}`}
            download={file.fileName}
            data-testid="revocation-export-download"
          >
            {t('exports.download')}
          </a>
        </div>
      )}
    </section>
  );
}
