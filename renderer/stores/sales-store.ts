import { createStore } from 'zustand/vanilla';
import type { ApiClient } from '../../shared/api/client.js';
import type { MethodOutput } from '../../shared/api/contract.js';
import type { ErrorData } from '../../shared/errors.js';
import type { SalesPeriod } from '../../shared/tables/analytics.js';

export type SalesView = MethodOutput<'tables.sales'>;

export interface SalesState {
  period: SalesPeriod;
  sales: SalesView | null;
  error: ErrorData | null;
  load(): Promise<void>;
  choose(period: SalesPeriod): Promise<void>;
}

/** The owner's sales figures for the chosen period; only the answer to the latest request is kept. */
export function createSalesStore(api: Pick<ApiClient, 'call'>) {
  let asked = 0;
  return createStore<SalesState>()((set, get) => ({
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
  }));
}
