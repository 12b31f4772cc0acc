import { createStore } from 'zustand/vanilla';
import type { ApiClient } from '../../shared/api/client.js';
import type { CoreEvent, MethodInput, MethodOutput } from '../../shared/api/contract.js';
import type { ErrorData } from '../../shared/errors.js';

type AdminUsers = MethodOutput<'admin.users'>;
export type AdminUser = AdminUsers['users'][number];
export type RoleSummary = AdminUsers['roles'][number];

/** What the last change did, for a short confirmation the screen translates. */
export type AdminNotice =
  | { kind: 'role-changed'; name: string }
  | { kind: 'user-created'; name: string }
  | { kind: 'idle-lock-saved'; seconds: number }
  | { kind: 'timezone-saved'; timezone: string };

export interface AdminState {
  users: AdminUser[] | null;
  roles: RoleSummary[];
  loading: boolean;
  saving: boolean;
  error: ErrorData | null;
  notice: AdminNotice | null;
  /** A role change waiting for the person's confirmation. */
  pendingRole: { userId: string; roleId: string } | null;
  load(): Promise<void>;
  /** Asks before changing a role: nothing is written until `confirmRole`. */
  askRole(userId: string, roleId: string): void;
  cancelRole(): void;
  confirmRole(): Promise<boolean>;
  setRole(userId: string, roleId: string): Promise<boolean>;
  createUser(input: MethodInput<'admin.createUser'>): Promise<boolean>;
  setIdleLock(seconds: number): Promise<boolean>;
  setTimezone(timezone: string): Promise<boolean>;
  /** A change to people or roles, synced from another kiosk or made here, reloads an open list. */
  handleEvent(event: CoreEvent): void;
  /** Forget the list (sign-out), so the next person never sees it and nothing reloads it. */
  clear(): void;
}

/** The synced tables the People screen shows. */
const PEOPLE_TABLES = ['users', 'user_roles', 'roles', 'sites'];

/** People, roles and the idle-lock setting of this site, for administrators. */
export function createAdminStore({ api }: { api: Pick<ApiClient, 'call'> }) {
  return createStore<AdminState>()((set, get) => {
    const change = async <T>(
      run: () => Promise<{ ok: true; value: T } | { ok: false; error: ErrorData }>,
      notice: AdminNotice,
      reload: boolean,
    ) => {
      set({ saving: true, error: null, notice: null });
      const r = await run();
      if (!r.ok) {
        set({ saving: false, error: r.error });
        return false;
      }
      if (reload) await get().load();
      set({ saving: false, notice });
      return true;
    };

    return {
      users: null,
      roles: [],
      loading: false,
      saving: false,
      error: null,
      notice: null,
      pendingRole: null,

      askRole(userId, roleId) {
        const user = get().users?.find((u) => u.id === userId);
        if (!user || user.roleId === roleId) return;
        set({ pendingRole: { userId, roleId }, notice: null, error: null });
      },

      cancelRole() {
        set({ pendingRole: null });
      },

      async confirmRole() {
        const pending = get().pendingRole;
        if (!pending) return false;
        const done = await get().setRole(pending.userId, pending.roleId);
        set({ pendingRole: null });
        return done;
      },

      handleEvent(event) {
        if (event.type !== 'data.changed' || get().users === null) return;
        if (event.tables.length === 0 || event.tables.some((t) => PEOPLE_TABLES.includes(t))) void get().load();
      },

      clear() {
        set({ users: null, roles: [], loading: false, saving: false, error: null, notice: null });
      },

      async load() {
        set({ loading: true });
        const r = await api.call('admin.users', {});
        if (r.ok) set({ users: r.value.users, roles: r.value.roles, loading: false });
        else set({ users: null, loading: false, error: r.error });
      },

      setRole(userId, roleId) {
        const name = get().users?.find((u) => u.id === userId)?.displayName ?? '';
        return change(() => api.call('admin.setRole', { userId, roleId }), { kind: 'role-changed', name }, true);
      },

      createUser(input) {
        return change(
          () => api.call('admin.createUser', input),
          { kind: 'user-created', name: input.displayName.trim() },
          true,
        );
      },

      setIdleLock(seconds) {
        return change(() => api.call('admin.setIdleLock', { seconds }), { kind: 'idle-lock-saved', seconds }, false);
      },

      setTimezone(timezone) {
        return change(() => api.call('admin.setTimezone', { timezone }), { kind: 'timezone-saved', timezone }, false);
      },
    };
  });
}

export type AdminStore = ReturnType<typeof createAdminStore>;
