import { useCallback, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { MethodOutput } from '../../../shared/api/contract.js';
import { EXPORT_FORMATS, type ExportFormat } from '../../../shared/exports/export-document.js';
import type { ErrorData, Result } from '../../../shared/errors.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { useModalFocus } from '../../components/use-modal-focus.js';

export type ExportedFile = MethodOutput<'compliance.export'>;

/**
 * An Export button that opens a format picker: one large button per format (PDF, Excel, CSV,
 * JSON, XML). The kiosk builds the file and records the export; the dialog then offers it as a
 * download, with its content hash so a reader can match a printed copy to the data.
 *
 * @example <ExportButton request={(format) => api.call('compliance.export', { id, format })} />
 */
export function ExportButton<F extends ExportFormat = ExportFormat>({
  request,
  formats = EXPORT_FORMATS as readonly ExportFormat[] as readonly F[],
  testId = 'export-open',
  titleKey = 'exports.title',
  hintKey = 'exports.hint',
  labelKey = 'exports.open',
  onExported,
}: {
  request(format: F): Promise<Result<ExportedFile>>;
  /** i18n keys of the dialog's title and hint (default: a compliance report's). */
  titleKey?: string;
  hintKey?: string;
  /** i18n key of the button's own words (default: "Export"). */
  labelKey?: string;
  /** The formats offered (default: all five). */
  formats?: readonly F[];
  testId?: string;
  onExported?(): void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button button--secondary" data-testid={testId} onClick={() => setOpen(true)}>
        {t(labelKey)}
      </button>
      {open && (
        <ExportDialog
          formats={formats}
          request={request}
          titleKey={titleKey}
          hintKey={hintKey}
          onClose={() => setOpen(false)}
          onExported={onExported}
        />
      )}
    </>
  );
}

function ExportDialog<F extends ExportFormat>({
  formats,
  titleKey,
  hintKey,
  request,
  onClose,
  onExported,
}: {
  formats: readonly F[];
  titleKey: string;
  hintKey: string;
  request(format: F): Promise<Result<ExportedFile>>;
  onClose(): void;
  onExported?(): void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const ref = useRef<HTMLDivElement>(null);
  const [busy, setBusy] = useState<F | null>(null);
  const [file, setFile] = useState<ExportedFile | null>(null);
  const [error, setError] = useState<ErrorData | null>(null);
  const close = useCallback(() => onClose(), [onClose]);
  useModalFocus(ref, close);

  const pick = (format: F) => {
    setBusy(format);
    setError(null);
    setFile(null);
    void request(format).then((r) => {
      setBusy(null);
      if (r.ok) {
        setFile(r.value);
        onExported?.();
      } else setError(r.error);
    });
  };

  return (
    <div className="dialog-backdrop">
      <div
        ref={ref}
        className="dialog export-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        tabIndex={-1}
        data-testid="export-dialog"
      >
        <h2 id={`${id}-title`} className="section-title">
          {t(titleKey)}
        </h2>
        <p>{t(hintKey)}</p>
        <div className="export-formats" role="group" aria-label={t('exports.formatsLabel')}>
          {formats.map((format) => (
            <button
              key={format}
              type="button"
              className="button button--secondary export-format"
              aria-pressed={file?.fileName.endsWith(`.${format}`) ?? false}
              disabled={busy !== null}
              data-testid={`export-format-${format}`}
              onClick={() => pick(format)}
            >
              <strong>{t(`exports.formats.${format}.name`)}</strong>
              <span>{t(`exports.formats.${format}.what`)}</span>
            </button>
          ))}
        </div>
        {busy && (
          <p role="status" className="alert alert--info">
            {t('exports.building', { format: t(`exports.formats.${busy}.name`) })}
          </p>
        )}
        <ErrorAlert error={error} testId="export-error" />
        {file && (
          <div className="export-ready" role="status" data-testid="export-ready">
            <p>{t('exports.ready', { file: file.fileName })}</p>
            <p className="export-hash">
              {t('exports.hash')} <code data-testid="export-hash">{file.contentHash}</code>
            </p>
            <a
              className="button button--primary"
              href={`data:${file.mime};base64,${file.base64}`}
              download={file.fileName}
              data-testid="export-download"
            >
              {t('exports.download')}
            </a>
          </div>
        )}
        <div className="dialog__actions">
          <button type="button" className="button button--secondary" onClick={close} data-testid="export-close">
            {t('exports.close')}
          </button>
        </div>
      </div>
    </div>
  );
}
