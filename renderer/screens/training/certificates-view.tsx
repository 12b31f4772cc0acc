import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices, useSlice } from '../../app/services.js';
import { ErrorAlert } from '../../components/error-alert.js';
import type { Certificate } from '../../stores/training-store.js';
import { formatDate, pick } from './rich-text.js';
import { useTraining } from './use-training.js';

const STATUS_KEY = {
  valid: 'certStatusValid',
  expiring: 'certStatusExpiring',
  expired: 'certStatusExpired',
  revoked: 'certStatusRevoked',
} as const;

function QrCode({ text, label }: { text: string; label: string }) {
  const [svg, setSvg] = useState('');
  useEffect(() => {
    let live = true;
    void QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }).then((s) => live && setSvg(s));
    return () => void (live = false);
  }, [text]);
  // The SVG comes from the qrcode library, drawn from our own certificate string.
  return (
    <div
      className="qr"
      role="img"
      aria-label={label}
      data-testid="certificate-qr"
      dangerouslySetInnerHTML={{ __html: svg }}
    />
  );
}

function PdfLink({ cert, locale }: { cert: Certificate; locale: 'en' | 'fr' }) {
  const { t } = useTranslation();
  const { api } = useServices();
  const [href, setHref] = useState<{ url: string; name: string } | null>(null);
  useEffect(() => {
    let live = true;
    void api
      .call('training.certificatePdf', { certificateId: cert.id, locale })
      .then(
        (r) =>
          live && r.ok && setHref({ url: `data:application/pdf;base64,${r.value.base64}`, name: r.value.fileName }),
      );
    return () => void (live = false);
  }, [api, cert.id, locale]);
  if (!href) return null;
  return (
    <a className="button button--secondary" href={href.url} download={href.name} data-testid={`pdf-${locale}`}>
      {t('training.downloadPdf', { lang: locale.toUpperCase() })}
    </a>
  );
}

/** My certificates; one opened shows its QR code, the PDF in both languages and a check. */
export function CertificatesView() {
  const { t, i18n } = useTranslation();
  const store = useTraining();
  const view = useSlice(store, (s) => s.view);
  const certs = useSlice(store, (s) => s.certificates);
  const verification = useSlice(store, (s) => s.verification);
  const error = useSlice(store, (s) => s.error);
  const lang = i18n.language;
  const s = store.getState();
  const open = view.name === 'certificate' ? certs?.find((c) => c.id === view.certificateId) : undefined;

  return (
    <main id="main" className="screen training" data-testid="screen-certificates">
      <div className="screen__head">
        <h1 className="screen-title">{t('training.certificates')}</h1>
        <button
          type="button"
          className="button button--secondary"
          data-testid="back-to-catalog"
          onClick={() => void s.open({ name: 'catalog' })}
        >
          {t('training.backToList')}
        </button>
      </div>
      <ErrorAlert error={error} />
      {certs && certs.length === 0 && <p className="screen-hint">{t('training.noCertificates')}</p>}
      {open && (
        <article className="panel certificate" data-testid="certificate" data-status={open.status}>
          <div className="certificate__text">
            <h2 className="section-title">{pick(open.moduleTitle, lang)}</h2>
            <p className={`badge badge--cert-${open.status}`} data-testid="certificate-status">
              {t(`training.${STATUS_KEY[open.status]}`)}
            </p>
            <dl className="facts">
              <div className="facts__item">
                <dt>{t('training.holder')}</dt>
                <dd>{open.holder}</dd>
              </div>
              <div className="facts__item">
                <dt>{t('training.number')}</dt>
                <dd data-testid="certificate-number">{open.number}</dd>
              </div>
              <div className="facts__item">
                <dt>{t('training.code')}</dt>
                <dd>{open.verificationCode}</dd>
              </div>
              <div className="facts__item">
                <dt>{t('training.score')}</dt>
                <dd>{open.score} %</dd>
              </div>
              <div className="facts__item">
                <dt>{t('training.issued', { date: '' }).replace(/\s+$/, '')}</dt>
                <dd>{formatDate(open.issuedAt, lang)}</dd>
              </div>
              <div className="facts__item">
                <dt>
                  {open.expiresAt ? t('training.expires', { date: '' }).replace(/\s+$/, '') : t('training.noExpiry')}
                </dt>
                <dd>{open.expiresAt ? formatDate(open.expiresAt, lang) : ''}</dd>
              </div>
            </dl>
            <div className="training__nav">
              <PdfLink cert={open} locale="en" />
              <PdfLink cert={open} locale="fr" />
              <button
                type="button"
                className="button button--primary"
                data-testid="verify-certificate"
                onClick={() => void s.verify(open.token)}
              >
                {t('training.verify')}
              </button>
            </div>
            {verification && (
              <p
                className={`alert ${verification.valid && verification.trusted ? 'alert--success' : 'alert--error'}`}
                role="status"
                data-testid="verification"
              >
                {verification.valid
                  ? verification.trusted
                    ? t('training.verifyValid')
                    : t('training.verifyUntrusted')
                  : t('training.verifyInvalid')}
              </p>
            )}
          </div>
          <QrCode text={open.token} label={t('training.qrLabel')} />
        </article>
      )}
      {certs && certs.length > 0 && (
        <ul className="cert-list">
          {certs.map((c) => (
            <li key={c.id}>
              <button
                type="button"
                className={`cert-row${open?.id === c.id ? ' cert-row--open' : ''}`}
                data-testid="certificate-row"
                onClick={() => void s.open({ name: 'certificate', certificateId: c.id })}
              >
                <span className="cert-row__title">{pick(c.moduleTitle, lang)}</span>
                <span>{c.number}</span>
                <span className={`badge badge--cert-${c.status}`}>{t(`training.${STATUS_KEY[c.status]}`)}</span>
                <span>
                  {c.expiresAt
                    ? t('training.expires', { date: formatDate(c.expiresAt, lang) })
                    : t('training.noExpiry')}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
