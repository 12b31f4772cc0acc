import { createStore } from 'zustand/vanilla';
import type { ApiClient } from '../../shared/api/client.js';
import type { MethodOutput } from '../../shared/api/contract.js';
import type { ErrorData } from '../../shared/errors.js';

export type AppInfo = MethodOutput<'app.info'>;

export interface AppInfoState {
  info: AppInfo | null;
  error: ErrorData | null;
  load(): Promise<void>;
}

/** The site this kiosk belongs to and the app version, for the header and the PIN pad. */
export function createAppInfoStore({ api }: { api: Pick<ApiClient, 'call'> }) {
  return createStore<AppInfoState>()((set) => ({
    info: null,
    error: null,
    async load() {
      const r = await api.call('app.info', {});
      if (r.ok) set({ info: r.value, error: null });
      else set({ error: r.error });
    },
  }));
}

export type AppInfoStore = ReturnType<typeof createAppInfoStore>;
