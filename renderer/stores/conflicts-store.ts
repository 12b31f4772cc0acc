import { createStore } from 'zustand/vanilla';
import type { ApiClient } from '../../shared/api/client.js';
import type { CoreEvent, MethodOutput } from '../../shared/api/contract.js';
import type { ErrorData } from '../../shared/errors.js';

export type ConflictList = MethodOutput<'sync.conflicts'>;

export interface ConflictsState {
  list: ConflictList | null;
  error: ErrorData | null;
  /** The conflict being marked resolved, to disable its button meanwhile. */
  resolving: string | null;
  load(): Promise<void>;
  resolve(id: string): Promise<void>;
  /** Puts back this kiosk's value of an edit that lost to a later one (conflicts.useMine). */
  useMine(id: string): Promise<void>;
  handleEvent(event: CoreEvent): void;
  /** Forget the list (sign-out), so nothing reloads it for nobody. */
  clear(): void;
}

/** What a supervisor must look at: refused, overwritten and dead-lettered changes. */
export function createConflictsStore({ api }: { api: Pick<ApiClient, 'call'> }) {
  return createStore<ConflictsState>()((set, get) => ({
    list: null,
    error: null,
    resolving: null,
    async load() {
      const r = await api.call('sync.conflicts', {});
      if (r.ok) set({ list: r.value, error: null });
      else set({ error: r.error });
    },
    async resolve(id) {
      set({ resolving: id });
      const r = await api.call('sync.resolveConflict', { id });
      set({ resolving: null, error: r.ok ? null : r.error });
      if (r.ok) await get().load();
    },
    async useMine(id) {
      set({ resolving: id });
      const r = await api.call('sync.useMine', { id });
      set({ resolving: null, error: r.ok ? null : r.error });
      if (r.ok) await get().load();
    },
    clear() {
      set({ list: null, error: null, resolving: null });
    },
    handleEvent(event) {
      // Only a screen that has loaded the list keeps it fresh.
      if (
        event.type === 'data.changed' &&
        get().list &&
        (event.tables.includes('conflicts') || event.tables.length === 0)
      )
        void get().load();
      if (event.type === 'status.changed' && get().list) void get().load();
    },
  }));
}

export type ConflictsStore = ReturnType<typeof createConflictsStore>;
