import { createStore } from 'zustand/vanilla';
import type { ApiClient } from '../../shared/api/client.js';
import type { CoreEvent, MethodOutput } from '../../shared/api/contract.js';
import type { ErrorData } from '../../shared/errors.js';

export type NotificationEntry = MethodOutput<'notifications.mine'>[number];
export type UrgentEntry = MethodOutput<'notifications.urgent'>[number];

export interface NotificationsState {
  mine: NotificationEntry[] | null;
  urgent: UrgentEntry[];
  busy: boolean;
  error: ErrorData | null;
  /** Load the signed-in person's list as well as the urgent ones (false on the locked screens). */
  loadMine(on: boolean): void;
  refresh(): Promise<void>;
  acknowledge(id: string, userId: string, pin: string): Promise<boolean>;
  dismiss(id: string): Promise<boolean>;
  handleEvent(event: CoreEvent): void;
}

const TABLES = new Set(['notifications', 'incident_escalations']);

/**
 * The notifications shown on the home, locked and sign-in screens, from the notifications API.
 * No React here: components bind to it and a unit test can drive it with a fake API. A synced
 * or raised notification reloads the lists without a tap.
 */
export function createNotificationsStore({ api }: { api: Pick<ApiClient, 'call'> }) {
  return createStore<NotificationsState>()((set, get) => {
    let withMine = false;
    const refresh = async () => {
      const [urgent, mine] = await Promise.all([
        api.call('notifications.urgent', {}),
        withMine ? api.call('notifications.mine', {}) : Promise.resolve(null),
      ]);
      if (urgent.ok) set({ urgent: urgent.value });
      if (mine?.ok) set({ mine: mine.value });
    };
    const attempt = async (run: () => ReturnType<typeof api.call>) => {
      set({ busy: true, error: null });
      const r = await run();
      set({ busy: false, ...(r.ok ? {} : { error: r.error }) });
      if (r.ok) await refresh();
      return r.ok;
    };
    return {
      mine: null,
      urgent: [],
      busy: false,
      error: null,
      loadMine(on) {
        withMine = on;
        if (!on) set({ mine: null });
      },
      refresh,
      acknowledge: (id, userId, pin) =>
        attempt(() => api.call('notifications.acknowledge', { notificationId: id, userId, pin })),
      dismiss: (id) => attempt(() => api.call('notifications.dismiss', { notificationId: id })),
      handleEvent(event) {
        if (event.type === 'data.changed' && event.tables.some((t) => TABLES.has(t))) void get().refresh();
      },
    };
  });
}

export type NotificationsStore = ReturnType<typeof createNotificationsStore>;
