import { createStore } from 'zustand/vanilla';
import type { ApiClient } from '../../shared/api/client.js';
import type { MethodOutput } from '../../shared/api/contract.js';
import type { ErrorData } from '../../shared/errors.js';

export type LinksState = MethodOutput<'links.state'>;

export interface LinksStoreState {
  links: LinksState | null;
  busy: boolean;
  error: ErrorData | null;
  load(): Promise<void>;
  /** Use this route until released; null goes back to automatic choice. */
  switchTo(route: string | null): Promise<void>;
  testFailover(): Promise<void>;
}

/** The Links screen's state: the routes upstream, the switch history, manual control. */
export function createLinksStore({ api }: { api: Pick<ApiClient, 'call'> }) {
  return createStore<LinksStoreState>()((set) => {
    const act = async (call: () => ReturnType<ApiClient['call']>) => {
      set({ busy: true, error: null });
      const r = await call();
      if (r.ok) set({ links: r.value as LinksState, busy: false });
      else set({ busy: false, error: r.error });
    };
    return {
      links: null,
      busy: false,
      error: null,
      async load() {
        const r = await api.call('links.state', {});
        if (r.ok) set({ links: r.value });
        else set({ error: r.error });
      },
      switchTo: (route) => act(() => api.call('links.switch', { route })),
      testFailover: () => act(() => api.call('links.testFailover', {})),
    };
  });
}

export type LinksStore = ReturnType<typeof createLinksStore>;
