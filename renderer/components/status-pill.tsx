import { useTranslation } from 'react-i18next';
import { useServices, useSlice } from '../app/services.js';

/** Online/offline and how many changes wait to sync, always in view in the header. */
export function StatusPill() {
  const { t } = useTranslation();
  const { status } = useServices();
  const s = useSlice(status, (x) => x.status);
  const reachable = useSlice(status, (x) => x.reachable);
  const online = reachable && !!s?.online;
  const pending = s?.pendingCount ?? 0;
  const label = !reachable ? t('status.unreachable') : online ? t('status.online') : t('status.offline');
  return (
    <div
      className={`status-pill ${online ? 'status-pill--online' : 'status-pill--offline'}`}
      data-testid="status-pill"
      data-online={online}
      role="status"
      aria-label={t('status.label')}
    >
      <span className="status-pill__dot" aria-hidden="true" />
      <span className="status-pill__state">{label}</span>
      {s && (
        <span className="status-pill__pending" data-testid="pending-count" data-count={pending}>
          {t('status.pending', { count: pending })}
        </span>
      )}
    </div>
  );
}
