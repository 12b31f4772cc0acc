import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices, useSlice } from '../app/services.js';
import { ErrorAlert } from '../components/error-alert.js';
import { formatAgo, formatDateTime, formatTime } from '../i18n/format.js';
import { can } from '../../shared/permissions.js';
import { BackButton } from '../components/back-button.js';
import { ConflictListView } from '../components/conflict-list.js';
import { CONNECTION_LABEL, connectionState } from '../components/connection-state.js';
import { ReenrolPanel } from '../components/reenrol-panel.js';
import { HealthPanel } from './health/health-panel.js';
import type { SyncStatus } from '../stores/status-store.js';

type T = (key: string, options?: Record<string, unknown>) => string;

/** "3 changes waiting to reach shore: 2 class changes, 1 change to a person." */
export function pendingSentence(t: T, lang: string, s: Pick<SyncStatus, 'pendingCount' | 'pendingByKind'>): string {
  if (s.pendingCount === 0) return t('sync.summaryNone');
  const parts = s.pendingByKind.map((k) => t(`sync.pendingKinds.${k.kind}`, { count: k.count }));
  const list = new Intl.ListFormat(lang, { style: 'long', type: 'conjunction' }).format(parts);
  return t('sync.summary', { count: s.pendingCount, list });
}

/** What waits to go to shore, how each link to shore last went, and a Sync now button. */
export function SyncScreen() {
  const { t, i18n } = useTranslation();
  const { status, session, conflicts } = useServices();
  // status.get is public (the header pill needs it); the screen itself is for roles with sync.view.
  const allowed = useSlice(session, (x) => can(x.session?.user.permissions ?? [], 'sync.view'));
  const s = useSlice(status, (x) => x.status);
  const reachable = useSlice(status, (x) => x.reachable);
  const error = useSlice(status, (x) => x.error);
  const syncing = useSlice(status, (x) => x.syncing);
  const syncedAt = useSlice(status, (x) => x.syncedAt);
  const syncError = useSlice(status, (x) => x.syncError);
  const syncFailed = useSlice(status, (x) => x.syncFailed);
  const canResolve = useSlice(session, (x) => can(x.session?.user.permissions ?? [], 'conflicts.resolve'));
  const list = useSlice(conflicts, (x) => x.list);
  const resolving = useSlice(conflicts, (x) => x.resolving);
  const conflictError = useSlice(conflicts, (x) => x.error);
  const lang = i18n.language;

  useEffect(() => {
    void status.getState().refresh();
    if (allowed) void conflicts.getState().load();
  }, [status, conflicts, allowed]);

  const syncNow = async () => {
    await status.getState().syncNow();
    void conflicts.getState().load();
  };

  const rows: [string, string, string][] = s
    ? [
        ['connection', t('sync.connection'), t(CONNECTION_LABEL[connectionState(reachable, s)])],
        ['pending', t('sync.pending'), String(s.pendingCount)],
        [
          'oldest-pending',
          t('sync.oldestPending'),
          s.oldestPendingAt
            ? (formatAgo(s.oldestPendingAt, lang, s.now ? Date.parse(s.now) : undefined) ?? s.oldestPendingAt)
            : t('common.none'),
        ],
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
        <>
          <section className="panel sync-summary" aria-live="polite">
            <p className="sync-summary__text" data-testid="sync-summary">
              {pendingSentence(t, lang, s)}
            </p>
            <button
              type="button"
              className="button button--primary sync-summary__button"
              data-testid="sync-now"
              disabled={syncing || s.links.length === 0}
              onClick={() => void syncNow()}
            >
              {syncing ? t('sync.syncing') : t('sync.syncNow')}
            </button>
            {syncedAt && !syncError && (
              <p className="screen-hint" role="status" data-testid="sync-done">
                {t('sync.syncDone', { time: formatTime(syncedAt, lang) })}
              </p>
            )}
            {syncFailed && (
              <p className="screen-hint" role="status" data-testid="sync-failed">
                {t('sync.syncFailed')}
              </p>
            )}
          </section>
          <ErrorAlert error={syncError} />
          <dl className="facts">
            {rows.map(([id, label, value]) => (
              <div key={id} className="facts__item" data-testid={`sync-${id}`}>
                <dt>{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
          <section className="panel" aria-labelledby="links-title" data-testid="sync-links">
            <h2 id="links-title" className="section-title">
              {t('sync.linksTitle')}
            </h2>
            {s.links.length === 0 && <p className="screen-hint">{t('sync.noLinks')}</p>}
            {s.links.map((l) => (
              <div key={l.id} className="sync-link" data-testid={`sync-link-${l.id}`}>
                <p className="sync-link__name">
                  <strong>{t('sync.linkShore', { address: l.address })}</strong> ·{' '}
                  {l.online ? t('status.online') : t('status.offline')}
                </p>
                <p data-testid="sync-link-success">
                  {t('sync.lastSuccess', {
                    time: l.lastSuccessAt ? formatDateTime(l.lastSuccessAt, lang) : t('common.never'),
                  })}
                </p>
                {l.lastErrorCode && (
                  <p className="alert alert--error" data-testid="sync-link-problem">
                    {t('sync.lastProblem', {
                      time: l.lastErrorAt ? formatDateTime(l.lastErrorAt, lang) : '—',
                      reason: t(`sync.linkError.${l.lastErrorCode}`),
                    })}
                  </p>
                )}
              </div>
            ))}
          </section>
          <HealthPanel />
        </>
      )}
      {allowed && <ErrorAlert error={conflictError} />}
      {allowed && list && (
        <ConflictListView
          list={list}
          canResolve={canResolve}
          resolving={resolving}
          onResolve={(id) => void conflicts.getState().resolve(id)}
          onUseMine={(id) => void conflicts.getState().useMine(id)}
          now={s?.now ? Date.parse(s.now) : undefined}
        />
      )}
    </main>
  );
}
