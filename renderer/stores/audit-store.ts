import { createStore } from 'zustand/vanilla';
import type { ApiClient } from '../../shared/api/client.js';
import type { MethodInput, MethodOutput } from '../../shared/api/contract.js';
import type { ErrorData } from '../../shared/errors.js';

export type AuditEntry = MethodOutput<'audit.list'>[number];
export type AuditPerson = MethodOutput<'audit.people'>[number];

/** What the audit screen is narrowed to; an empty value is no filter. */
export interface AuditFilters {
  actorUserId: string;
  area: '' | NonNullable<MethodInput<'audit.list'>['area']>;
  from: string;
  to: string;
}

export const NO_AUDIT_FILTERS: AuditFilters = { actorUserId: '', area: '', from: '', to: '' };

export interface AuditState {
  entries: AuditEntry[] | null;
  people: AuditPerson[];
  filters: AuditFilters;
  /** The last page came back full: there may be older entries. */
  hasMore: boolean;
  loading: boolean;
  error: ErrorData | null;
  /** The first page under `filters` (kept as they are when absent). */
  load(filters?: AuditFilters): Promise<void>;
  /** The next page, older than the last entry shown. */
  loadMore(): Promise<void>;
}

export const AUDIT_PAGE_SIZE = 200;

const inputOf = (f: AuditFilters) => ({
  ...(f.actorUserId ? { actorUserId: f.actorUserId } : {}),
  ...(f.area ? { area: f.area } : {}),
  ...(f.from ? { from: f.from } : {}),
  ...(f.to ? { to: f.to } : {}),
});

/** The audit log screen's rows, newest first, a page at a time, from `audit.list`. */
export function createAuditStore({ api }: { api: Pick<ApiClient, 'call'> }) {
  // A page asked for under filters that changed since is dropped when it comes back.
  let asked = 0;
  return createStore<AuditState>()((set, get) => ({
    entries: null,
    people: [],
    filters: NO_AUDIT_FILTERS,
    hasMore: false,
    loading: false,
    error: null,
    async load(filters) {
      const f = filters ?? get().filters;
      const mine = ++asked;
      set({ loading: true, error: null, filters: f });
      const [r, people] = await Promise.all([
        api.call('audit.list', { limit: AUDIT_PAGE_SIZE, ...inputOf(f) }),
        get().people.length ? null : api.call('audit.people', {}),
      ]);
      if (mine !== asked) return;
      if (people?.ok) set({ people: people.value });
      if (r.ok) set({ entries: r.value, hasMore: r.value.length === AUDIT_PAGE_SIZE, loading: false });
      else set({ entries: null, hasMore: false, loading: false, error: r.error });
    },
    async loadMore() {
      const { entries, filters, loading } = get();
      const last = entries?.at(-1);
      if (!last || loading) return;
      const mine = ++asked;
      set({ loading: true, error: null });
      const r = await api.call('audit.list', {
        limit: AUDIT_PAGE_SIZE,
        ...inputOf(filters),
        before: last.createdAt,
        beforeId: last.id,
      });
      if (mine !== asked) return;
      if (r.ok)
        set({
          entries: [...(get().entries ?? []), ...r.value],
          hasMore: r.value.length === AUDIT_PAGE_SIZE,
          loading: false,
        });
      else set({ loading: false, error: r.error });
    },
  }));
}

export type AuditStore = ReturnType<typeof createAuditStore>;
