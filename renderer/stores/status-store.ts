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
  /** A Sync now in progress; then when it finished, or why the call itself failed. */
  syncing: boolean;
  syncedAt: string | null;
  syncError: ErrorData | null;
  /** The last Sync now ran but did not go through; the link says why. */
  syncFailed: boolean;
  refresh(): Promise<void>;
  /** Asks the kiosk to sync with shore now; the status that comes back says how it went. */
  syncNow(now?: () => Date): Promise<void>;
  handleEvent(event: CoreEvent): void;
}

/**
 * Sync health for the header pill and the sync screen: `status.get` once, then every
 * `status.changed` event; a periodic refresh (wired by the app) covers missed events.
 */
export function createStatusStore({ api }: { api: Pick<ApiClient, 'call'> }) {
  return createStore<StatusState>()((set, get) => ({
    status: null,
    reachable: true,
    error: null,
    syncing: false,
    syncedAt: null,
    syncError: null,
    syncFailed: false,
    async syncNow(now = () => new Date()) {
      if (get().syncing) return;
      set({ syncing: true, syncError: null, syncedAt: null, syncFailed: false });
      const r = await api.call('sync.now', {});
      if (r.ok)
        set({
          syncing: false,
          status: r.value.status,
          syncedAt: r.value.succeeded ? now().toISOString() : null,
          syncFailed: !r.value.succeeded,
        });
      else set({ syncing: false, syncError: r.error });
    },
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
