import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices, useSlice } from '../app/services.js';
import { ErrorAlert } from '../components/error-alert.js';
import { formatAgo, formatDateTime } from '../i18n/format.js';
import { can } from '../../shared/permissions.js';
import { BackButton } from '../components/back-button.js';
import { ConflictListView } from '../components/conflict-list.js';
import { ReenrolPanel } from '../components/reenrol-panel.js';

/** What waits to go to shore and how the last sync went, from the status store. */
export function SyncScreen() {
  const { t, i18n } = useTranslation();
  const { status, session, conflicts } = useServices();
  // status.get is public (the header pill needs it); the screen itself is for roles with sync.view.
  const allowed = useSlice(session, (x) => can(x.session?.user.permissions ?? [], 'sync.view'));
  const s = useSlice(status, (x) => x.status);
  const reachable = useSlice(status, (x) => x.reachable);
  const error = useSlice(status, (x) => x.error);
  const canResolve = useSlice(session, (x) => can(x.session?.user.permissions ?? [], 'conflicts.resolve'));
  const list = useSlice(conflicts, (x) => x.list);
  const resolving = useSlice(conflicts, (x) => x.resolving);
  const conflictError = useSlice(conflicts, (x) => x.error);
  const lang = i18n.language;

  useEffect(() => {
    void status.getState().refresh();
    if (allowed) void conflicts.getState().load();
  }, [status, conflicts, allowed]);

  const rows: [string, string, string][] = s
    ? [
        ['connection', t('sync.connection'), !reachable ? t('status.unreachable') : s.online ? t('status.online') : t('status.offline')],
        ['pending', t('sync.pending'), String(s.pendingCount)],
        ['oldest-pending', t('sync.oldestPending'), s.oldestPendingAt ? (formatAgo(s.oldestPendingAt, lang) ?? s.oldestPendingAt) : t('common.none')],
        ['last-sync', t('sync.lastSync'), s.lastSyncAt ? formatDateTime(s.lastSyncAt, lang) : t('common.never')],
        ['last-error', t('sync.lastError'), s.lastError ?? t('common.none')],
        ['conflicts', t('sync.conflicts'), String(s.conflictCount)],
        ['dead-letters', t('sync.deadLetters'), String(s.deadLetterCount)],
      ]
    : [];

  return (
    <main id="main" className="screen" data-testid="screen-sync">
      <div className="screen__head">
        <h1 className="screen-title">{t('sync.title')}</h1>
        <BackButton />
      </div>
      {!allowed && <ErrorAlert error={{ code: 'FORBIDDEN', message: 'Your role does not include sync.view.' }} />}
      {allowed && <ErrorAlert error={s ? null : error} />}
      {allowed && !s && !error && <p className="screen-hint">{t('common.loading')}</p>}
      {allowed && s?.deviceUnknown && <ReenrolPanel />}
      {allowed && s && (
        <dl className="facts">
          {rows.map(([id, label, value]) => (
            <div key={id} className="facts__item" data-testid={`sync-${id}`}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      )}
      {allowed && <ErrorAlert error={conflictError} />}
      {allowed && list && <ConflictListView list={list} canResolve={canResolve} resolving={resolving} onResolve={(id) => void conflicts.getState().resolve(id)} onUseMine={(id) => void conflicts.getState().useMine(id)} />}
    </main>
  );
}
