import { createStore } from 'zustand/vanilla';
import type { ApiClient } from '../../shared/api/client.js';
import type { MethodOutput } from '../../shared/api/contract.js';
import type { ErrorData } from '../../shared/errors.js';

export type AuditEntry = MethodOutput<'audit.list'>[number];

export interface AuditState {
  entries: AuditEntry[] | null;
  loading: boolean;
  error: ErrorData | null;
  load(): Promise<void>;
}

export const AUDIT_PAGE_SIZE = 200;

/** The audit log screen's rows, newest first, from `audit.list`. */
export function createAuditStore({ api }: { api: Pick<ApiClient, 'call'> }) {
  return createStore<AuditState>()((set) => ({
    entries: null,
    loading: false,
    error: null,
    async load() {
      set({ loading: true, error: null });
      const r = await api.call('audit.list', { limit: AUDIT_PAGE_SIZE });
      if (r.ok) set({ entries: r.value, loading: false });
      else set({ entries: null, loading: false, error: r.error });
    },
  }));
}

export type AuditStore = ReturnType<typeof createAuditStore>;
