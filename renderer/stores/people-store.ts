import { createStore } from 'zustand/vanilla';
import type { ApiClient } from '../../shared/api/client.js';
import type { MethodOutput } from '../../shared/api/contract.js';
import type { ErrorData } from '../../shared/errors.js';

export type PersonEntry = MethodOutput<'people.list'>['people'][number];
export type RoleChoice = MethodOutput<'people.list'>['roles'][number];
export type PersonExport = MethodOutput<'people.export'>;

/** What the last change did, for a short confirmation the screen translates. */
export type PeopleNotice =
  'saved' | 'deactivated' | 'reactivated' | 'unlocked' | 'pinReset' | 'anonymised' | 'exported';

export interface PeopleState {
  people: PersonEntry[] | null;
  roles: RoleChoice[];
  /** The person whose card is open. */
  openId: string | null;
  busy: boolean;
  error: ErrorData | null;
  notice: { kind: PeopleNotice; name: string } | null;
  /** The last export, for the screen to offer as a file. */
  exported: PersonExport | null;
  load(): Promise<void>;
  open(userId: string | null): void;
  update(userId: string, patch: { displayName?: string; locale?: 'en' | 'fr'; roleId?: string }): Promise<boolean>;
  setActive(userId: string, active: boolean): Promise<boolean>;
  unlock(userId: string): Promise<boolean>;
  resetPin(userId: string, pin: string, mustChange: boolean): Promise<boolean>;
  anonymise(userId: string): Promise<boolean>;
  exportData(userId: string): Promise<boolean>;
  /** Forget everything (leaving the screen), so the next person never sees it. */
  clear(): void;
}

/** Accounts of the site's people for administrators (issue 16 §5), former people included. */
export function createPeopleStore({ api }: { api: Pick<ApiClient, 'call'> }) {
  return createStore<PeopleState>()((set, get) => {
    const nameOf = (userId: string) => get().people?.find((p) => p.id === userId)?.displayName ?? '';
    const change = async (
      userId: string,
      kind: PeopleNotice,
      run: () => Promise<{ ok: true } | { ok: false; error: ErrorData }>,
    ) => {
      const name = nameOf(userId);
      set({ busy: true, error: null, notice: null });
      const r = await run();
      if (!r.ok) {
        set({ busy: false, error: r.error });
        return false;
      }
      await get().load();
      set({ busy: false, notice: { kind, name: kind === 'anonymised' ? name : nameOf(userId) || name } });
      return true;
    };
    return {
      people: null,
      roles: [],
      openId: null,
      busy: false,
      error: null,
      notice: null,
      exported: null,

      async load() {
        const r = await api.call('people.list', {});
        if (r.ok) set({ people: r.value.people, roles: r.value.roles });
        else set({ people: null, error: r.error });
      },
      open(userId) {
        set({ openId: userId, error: null, notice: null, exported: null });
      },
      update: (userId, patch) => change(userId, 'saved', () => api.call('people.update', { userId, ...patch })),
      setActive: (userId, active) =>
        change(userId, active ? 'reactivated' : 'deactivated', () => api.call('people.setActive', { userId, active })),
      unlock: (userId) => change(userId, 'unlocked', () => api.call('people.unlock', { userId })),
      resetPin: (userId, pin, mustChange) =>
        change(userId, 'pinReset', () => api.call('people.resetPin', { userId, pin, mustChange })),
      anonymise: (userId) => change(userId, 'anonymised', () => api.call('people.anonymise', { userId })),
      async exportData(userId) {
        set({ busy: true, error: null, notice: null, exported: null });
        const r = await api.call('people.export', { userId });
        if (!r.ok) {
          set({ busy: false, error: r.error });
          return false;
        }
        set({ busy: false, exported: r.value, notice: { kind: 'exported', name: nameOf(userId) } });
        return true;
      },
      clear() {
        set({ people: null, roles: [], openId: null, busy: false, error: null, notice: null, exported: null });
      },
    };
  });
}

export type PeopleStore = ReturnType<typeof createPeopleStore>;
