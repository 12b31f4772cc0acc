import { useTranslation } from 'react-i18next';
import { useServices, useSlice } from '../app/services.js';
import { CONNECTION_LABEL, connectionState } from './connection-state.js';

/** Online/offline and how many changes wait to sync, always in view in the header. */
export function StatusPill() {
  const { t } = useTranslation();
  const { status } = useServices();
  const s = useSlice(status, (x) => x.status);
  const reachable = useSlice(status, (x) => x.reachable);
  const state = connectionState(reachable, s);
  const online = state === 'online';
  const pending = s?.pendingCount ?? 0;
  const label = t(CONNECTION_LABEL[state]);
  return (
    <div
      className={`status-pill ${online ? 'status-pill--online' : 'status-pill--offline'}`}
      data-testid="status-pill"
      data-online={online}
      data-state={state}
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
