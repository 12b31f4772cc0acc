import { createStore } from 'zustand/vanilla';
import type { ApiClient } from '../../shared/api/client.js';
import type { CoreEvent, MethodOutput } from '../../shared/api/contract.js';
import type { ErrorData } from '../../shared/errors.js';
import type { Station } from '../../shared/tables/routing.js';
import { bumped, recalled, type TicketStatus } from '../../shared/tables/ticket-flow.js';

export type Ticket = MethodOutput<'kitchen.tickets'>['tickets'][number];
export type KitchenMenu = MethodOutput<'tables.menu'>;

export interface KitchenState {
  station: Station | null;
  tickets: Ticket[] | null;
  /** The core's time when the tickets were read: ages are counted from it, not the screen's clock. */
  readAt: string | null;
  busy: boolean;
  error: ErrorData | null;
  load(): Promise<void>;
  setStation(station: Station | null): void;
  bump(ticket: Ticket): Promise<boolean>;
  recall(ticket: Ticket): Promise<boolean>;
  /** The menu, for marking items sold out ("86") and back; loaded when first asked for. */
  menu: KitchenMenu | null;
  loadMenu(): Promise<void>;
  setAvailable(itemId: string, available: boolean): Promise<boolean>;
  handleEvent(event: CoreEvent): void;
}

const SYNCED = new Set(['kitchen_tickets', 'order_lines']);
const MENU = new Set(['menu_items', 'menu_categories']);

/**
 * The kitchen display's state. Tickets sent on a waiter's kiosk arrive by sync; each synced change
 * to tickets or lines reloads the list, so the display follows without a tap.
 */
export function createKitchenStore({ api }: { api: Pick<ApiClient, 'call'> }) {
  return createStore<KitchenState>()((set, get) => {
    const move = async (ticket: Ticket, to: TicketStatus | null) => {
      if (!to) return false;
      set({ busy: true, error: null });
      const r = await api.call('kitchen.setStatus', { ticketId: ticket.id, to });
      set({ busy: false, ...(r.ok ? {} : { error: r.error }) });
      await get().load();
      return r.ok;
    };
    return {
      station: null,
      tickets: null,
      readAt: null,
      busy: false,
      error: null,
      async load() {
        const station = get().station;
        const r = await api.call('kitchen.tickets', { includeServed: false, ...(station ? { station } : {}) });
        if (r.ok) set({ tickets: r.value.tickets, readAt: r.value.now });
        else set({ error: r.error });
      },
      setStation(station) {
        set({ station, tickets: null });
        void get().load();
      },
      menu: null,
      async loadMenu() {
        const r = await api.call('tables.menu', {});
        if (r.ok) set({ menu: r.value });
        else set({ error: r.error });
      },
      async setAvailable(itemId, available) {
        set({ busy: true, error: null });
        const r = await api.call('tables.setAvailability', { itemId, available });
        set({ busy: false, ...(r.ok ? {} : { error: r.error }) });
        await get().loadMenu();
        return r.ok;
      },
      bump: (ticket) => move(ticket, bumped(ticket.status)),
      recall: (ticket) => move(ticket, recalled(ticket.status)),
      handleEvent(event) {
        if (event.type !== 'data.changed') return;
        if (event.tables.some((t) => SYNCED.has(t))) void get().load();
        if (get().menu && event.tables.some((t) => MENU.has(t))) void get().loadMenu();
      },
    };
  });
}

export type KitchenStore = ReturnType<typeof createKitchenStore>;
