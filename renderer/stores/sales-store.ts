import { createStore } from 'zustand/vanilla';
import type { ApiClient } from '../../shared/api/client.js';
import type { MethodOutput } from '../../shared/api/contract.js';
import type { ErrorData } from '../../shared/errors.js';
import type { SalesPeriod } from '../../shared/tables/analytics.js';

export type SalesView = MethodOutput<'tables.sales'>;
export type ServiceView = MethodOutput<'tables.service'>;

export interface SalesState {
  period: SalesPeriod;
  sales: SalesView | null;
  error: ErrorData | null;
  service: ServiceView | null;
  serviceError: ErrorData | null;
  busy: boolean;
  /** The last closed shift's result, for a short confirmation. */
  closed: { expectedCents: number; differenceCents: number } | null;
  load(): Promise<void>;
  choose(period: SalesPeriod): Promise<void>;
  loadService(): Promise<void>;
  setAccepting(accepting: boolean): Promise<void>;
  openShift(floatCents: number): Promise<boolean>;
  closeShift(countedCents: number, note: string | null): Promise<boolean>;
}

/** The owner's sales figures for the chosen period; only the answer to the latest request is kept. */
export function createSalesStore(api: Pick<ApiClient, 'call'>, newKey: () => string = () => crypto.randomUUID()) {
  let asked = 0;
  /** Runs one change of the service day, then reads it again; an error stays on screen, nothing else changes. */
  const act = async (run: () => Promise<{ ok: true } | { ok: false; error: ErrorData }>): Promise<boolean> => {
    store.setState({ busy: true, serviceError: null, closed: null });
    const r = await run();
    store.setState({ busy: false, serviceError: r.ok ? null : r.error });
    await store.getState().loadService();
    return r.ok;
  };
  const store = createStore<SalesState>()((set, get) => ({
    period: 'today',
    sales: null,
    error: null,
    async load() {
      const ask = ++asked;
      const period = get().period;
      const r = await api.call('tables.sales', { period });
      if (ask !== asked) return;
      if (r.ok) set({ sales: r.value, error: null });
      else set({ error: r.error });
    },
    async choose(period) {
      set({ period });
      await get().load();
    },
    service: null,
    serviceError: null,
    busy: false,
    closed: null,
    async loadService() {
      const r = await api.call('tables.service', {});
      if (r.ok) set({ service: r.value });
      else set({ serviceError: r.error });
    },
    async setAccepting(accepting) {
      await act(() => api.call('tables.setAccepting', { accepting }));
    },
    async openShift(floatCents) {
      return act(() => api.call('tables.openShift', { shiftKey: newKey(), floatCents }));
    },
    async closeShift(countedCents, note) {
      const open = get().service?.open;
      if (!open) return false;
      let result: { expectedCents: number; differenceCents: number } | null = null;
      const ok = await act(async () => {
        const r = await api.call('tables.closeShift', { shiftId: open.id, countedCents, note });
        if (r.ok) result = r.value;
        return r;
      });
      set({ closed: result });
      return ok;
    },
  }));
  return store;
}
