import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { decodeCsvBytes, type CsvEncoding } from '../../../shared/classes/csv-text.js';
import type { ClassesStore } from '../../stores/classes-store.js';

/** CSV import: paste or open a file, check it row by row, then import all or the valid rows only. */
export function ImportPanel({ store }: { store: ClassesStore }) {
  const { t } = useTranslation();
  const id = useId();
  const [csv, setCsv] = useState('');
  const [encoding, setEncoding] = useState<CsvEncoding | null>(null);
  // Bytes, not File.text(): that would decode an Excel (Windows-1252) file as UTF-8 and lose letters.
  const open = async (file: File) => {
    const decoded = decodeCsvBytes(new Uint8Array(await file.arrayBuffer()));
    setCsv(decoded.text);
    setEncoding(decoded.encoding);
  };
  const preview = useStore(store, (s) => s.preview);
  const busy = useStore(store, (s) => s.busy);
  const result = useRef<HTMLDivElement>(null);
  // The check's result appears below the fold on a kiosk screen: bring it into view.
  useEffect(() => {
    if (preview) result.current?.scrollIntoView({ block: 'start' });
  }, [preview]);

  return (
    <section className="classes-stack" data-testid="classes-import">
      <div className="panel classes-stack">
        <h2 className="section-title">{t('classes.import.title')}</h2>
        <p className="field__hint field__hint--above">{t('classes.import.hint')}</p>
        <div className="field">
          <label htmlFor={`${id}-csv`}>{t('classes.import.text')}</label>
          <textarea
            id={`${id}-csv`}
            className="field__control classes-csv"
            data-testid="import-text"
            rows={6}
            value={csv}
            spellCheck={false}
            onChange={(e) => (setCsv(e.target.value), setEncoding(null))}
          />
        </div>
        <div className="classes-actions">
          <label className="button button--secondary classes-file">
            {t('classes.import.file')}
            <input
              type="file"
              accept=".csv,text/csv"
              className="sr-only"
              data-testid="import-file"
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) void open(file);
              }}
            />
          </label>
          <button
            type="button"
            className="button button--primary"
            data-testid="import-preview"
            disabled={busy || !csv.trim()}
            onClick={() => void store.getState().previewImport(csv)}
          >
            {t('classes.import.preview')}
          </button>
        </div>
        {encoding === 'windows-1252' && (
          <p className="field__hint" data-testid="import-encoding">
            {t('classes.import.readAs', { encoding: 'Windows-1252 (Excel)' })}
          </p>
        )}
        <p className="field__hint">{t('classes.import.allOrNothing')}</p>
      </div>
      {preview && (
        <div ref={result} className="panel classes-stack" data-testid="import-result">
          {preview.fileErrors.map((e, i) => {
            const p = preview.fileProblems[i];
            return (
              <p key={e} className="alert alert--error" data-testid="import-file-error" data-code={p?.code}>
                {p ? t(`classes.import.fileProblems.${p.code}`, { ...p.params, defaultValue: e }) : e}
              </p>
            );
          })}
          {preview.rows.length > 0 && (
            <>
              <p data-testid="import-summary">
                {t('classes.import.summary', { valid: preview.validCount, errors: preview.errorCount })}
              </p>
              <div className="table-wrap">
                <table className="table">
                  <thead>
                    <tr>
                      <th scope="col">{t('classes.import.line')}</th>
                      <th scope="col">{t('classes.import.student')}</th>
                      <th scope="col">{t('classes.import.result')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {preview.rows.map((r) => (
                      <tr key={r.line} data-testid="import-row" data-valid={r.valid}>
                        <td>{r.line}</td>
                        <td>{r.name}</td>
                        <td className={r.valid ? 'log-status--success' : 'log-status--failed'}>
                          {r.valid
                            ? `✓ ${t('classes.import.ready')}`
                            : r.problems
                                .map((p, i) =>
                                  t(`classes.import.problems.${p.code}`, { ...p.params, defaultValue: r.errors[i] }),
                                )
                                .join(' · ')}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <div className="classes-actions">
                <button
                  type="button"
                  className="button button--primary"
                  data-testid="import-all"
                  disabled={busy || preview.errorCount > 0}
                  onClick={() =>
                    void store
                      .getState()
                      .commitImport(csv, 'all')
                      .then((ok) => ok && setCsv(''))
                  }
                >
                  {t('classes.import.importAll')}
                </button>
                {preview.errorCount > 0 && preview.validCount > 0 && (
                  <button
                    type="button"
                    className="button button--secondary"
                    data-testid="import-valid"
                    disabled={busy}
                    onClick={() =>
                      void store
                        .getState()
                        .commitImport(csv, 'valid')
                        .then((ok) => ok && setCsv(''))
                    }
                  >
                    {t('classes.import.importValid', { count: preview.validCount })}
                  </button>
                )}
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={() => store.getState().clearPreview()}
                >
                  {t('classes.import.startOver')}
                </button>
              </div>
            </>
          )}
        </div>
      )}
    </section>
  );
}
