import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices, useSlice } from '../../app/services.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { formatDateTime } from '../../i18n/format.js';
import type { BackupsNotice } from '../../stores/backups-store.js';
import '../../styles/backups.css';

/** How many copies the list shows: the newest ones are the ones a person restores. */
const SHOWN = 12;

/** This kiosk's backups for administrators: when the last one was made, the folder, and restore. */
export function BackupsPanel() {
  const { t, i18n } = useTranslation();
  const { backups } = useServices();
  const listing = useSlice(backups, (s) => s.listing);
  const busy = useSlice(backups, (s) => s.busy);
  const error = useSlice(backups, (s) => s.error);
  const notice = useSlice(backups, (s) => s.notice);
  const pending = useSlice(backups, (s) => s.pendingRestore);
  const id = useId();
  const when = (iso: string) => formatDateTime(iso, i18n.language);

  useEffect(() => {
    void backups.getState().load();
  }, [backups]);

  return (
    <section className="panel backups" aria-labelledby={`${id}-title`} data-testid="backups-panel">
      <h2 id={`${id}-title`} className="section-title">
        {t('backups.title')}
      </h2>
      <p className="screen-hint">{t('backups.explain')}</p>
      <ErrorAlert error={error} />
      {notice && (
        <p className="alert alert--success" role="status" data-testid="backups-notice">
          {describeNotice(t, notice, when)}
        </p>
      )}
      {listing && (
        <>
          <p className="backups__last" data-testid="backups-last">
            {listing.lastBackupAt ? t('backups.last', { time: when(listing.lastBackupAt) }) : t('backups.none')}
          </p>
          {/* Keyed by the saved folder: a new one starts the field afresh. */}
          <FolderForm key={listing.folder} folder={listing.folder} busy={busy} />
          <button
            type="button"
            className="button button--primary"
            disabled={busy}
            onClick={() => void backups.getState().takeNow()}
            data-testid="backups-take-now"
          >
            {t('backups.takeNow')}
          </button>
          {listing.backups.length > 0 && (
            <>
              <h3 className="backups__list-title">{t('backups.listTitle')}</h3>
              <ul className="backups__list" data-testid="backups-list">
                {listing.backups.slice(0, SHOWN).map((b) => (
                  <li key={b.file} className="backups__row" data-file={b.file}>
                    <span className="backups__when">{when(b.takenAt)}</span>
                    <span className="backups__meta">
                      {t('backups.size', { size: (b.bytes / 1_048_576).toFixed(1) })}
                      {b.safety && <span className="backups__safety"> · {t('backups.safety')}</span>}
                    </span>
                    <button
                      type="button"
                      className="button button--secondary"
                      disabled={busy}
                      aria-label={t('backups.restoreFor', { time: when(b.takenAt) })}
                      onClick={() => backups.getState().askRestore(b.file)}
                      data-testid="backup-restore"
                    >
                      {t('backups.restore')}
                    </button>
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
      {pending && (
        <ConfirmDialog
          testId="restore-confirm"
          title={t('backups.confirm.title')}
          body={t('backups.confirm.body', { time: when(pending.takenAt) })}
          confirmLabel={t('backups.confirm.confirm')}
          cancelLabel={t('common.cancel')}
          busy={busy}
          onConfirm={() => void backups.getState().confirmRestore()}
          onCancel={() => backups.getState().cancelRestore()}
        />
      )}
    </section>
  );
}

function FolderForm({ folder, busy }: { folder: string; busy: boolean }) {
  const { t } = useTranslation();
  const { backups } = useServices();
  const [value, setValue] = useState(folder);
  const id = useId();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void backups.getState().setFolder(value);
  };
  return (
    <form className="form form--inline" onSubmit={submit} noValidate data-testid="backups-folder">
      <div className="field backups__folder">
        <label htmlFor={`${id}-folder`}>{t('backups.folder')}</label>
        <p id={`${id}-hint`} className="field__hint field__hint--above">
          {t('backups.folderHint')}
        </p>
        <input
          id={`${id}-folder`}
          className="field__control"
          value={value}
          maxLength={400}
          autoComplete="off"
          spellCheck={false}
          aria-describedby={`${id}-hint`}
          onChange={(e) => setValue(e.target.value)}
        />
      </div>
      <button type="submit" className="button button--secondary" disabled={busy || value.trim() === folder}>
        {t('backups.saveFolder')}
      </button>
    </form>
  );
}

function describeNotice(
  t: (key: string, options?: Record<string, unknown>) => string,
  notice: BackupsNotice,
  when: (iso: string) => string,
): string {
  switch (notice.kind) {
    case 'taken':
      return t('backups.notices.taken', { time: when(notice.takenAt) });
    case 'restored':
      return t('backups.notices.restored', { time: when(notice.takenAt), file: notice.safetyCopy });
    case 'folder-saved':
      return t('backups.notices.folderSaved', { folder: notice.folder });
  }
}
