import { createStore } from 'zustand/vanilla';
import type { ApiClient } from '../../shared/api/client.js';
import type { CoreEvent, MethodOutput } from '../../shared/api/contract.js';
import type { ErrorData } from '../../shared/errors.js';

export type SyncStatus = MethodOutput<'status.get'>;

export interface StatusState {
  status: SyncStatus | null;
  /** False when the kiosk service itself did not answer the last status call. */
  reachable: boolean;
  error: ErrorData | null;
  refresh(): Promise<void>;
  handleEvent(event: CoreEvent): void;
}

/**
 * Sync health for the header pill and the sync screen: `status.get` once, then every
 * `status.changed` event; a periodic refresh (wired by the app) covers missed events.
 */
export function createStatusStore({ api }: { api: Pick<ApiClient, 'call'> }) {
  return createStore<StatusState>()((set) => ({
    status: null,
    reachable: true,
    error: null,
    async refresh() {
      const r = await api.call('status.get', {});
      if (r.ok) set({ status: r.value, reachable: true, error: null });
      else set({ reachable: r.error.details?.reason !== 'unreachable', error: r.error });
    },
    handleEvent(event) {
      if (event.type === 'status.changed') set({ status: event.status, reachable: true, error: null });
    },
  }));
}

export type StatusStore = ReturnType<typeof createStatusStore>;
