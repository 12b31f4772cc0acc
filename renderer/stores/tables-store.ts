import { createStore } from 'zustand/vanilla';
import type { ApiClient } from '../../shared/api/client.js';
import type { CoreEvent, MethodInput, MethodOutput } from '../../shared/api/contract.js';
import type { ErrorData } from '../../shared/errors.js';

export type Floor = MethodOutput<'tables.floor'>;
export type Menu = MethodOutput<'tables.menu'>;
export type TableSession = MethodOutput<'tables.session'>;
export type Share = MethodOutput<'tables.split'>['shares'][number];
export type SplitRequest = MethodInput<'tables.split'>['split'];
export type PaymentMethod = MethodInput<'tables.pay'>['method'];
export type TablesView = 'floor' | 'order' | 'pay';
export type TablesNotice = 'sent' | 'paid' | 'closed' | 'voided' | 'comped' | 'moved' | 'merged';

/** A share on the payment screen with the key made once when it was shown: paying twice records once. */
export interface ShownShare extends Share {
  paymentKey: string;
}

export interface TablesState {
  view: TablesView;
  floor: Floor | null;
  menu: Menu | null;
  session: TableSession | null;
  shares: ShownShare[];
  busy: boolean;
  error: ErrorData | null;
  notice: TablesNotice | null;
  refresh(): Promise<void>;
  showFloor(): void;
  openTable(tableId: string, guests: number): Promise<boolean>;
  showSession(sessionId: string): Promise<void>;
  addLine(line: Omit<MethodInput<'tables.addLine'>, 'sessionId'>): Promise<boolean>;
  removeLine(lineId: string): Promise<boolean>;
  send(): Promise<boolean>;
  approve(kind: 'void' | 'comp', input: MethodInput<'tables.void'>): Promise<boolean>;
  showPayment(): Promise<void>;
  split(split: SplitRequest): Promise<boolean>;
  pay(
    share: ShownShare,
    p: { amountCents: number; tipCents: number; method: PaymentMethod; reference: string | null },
  ): Promise<boolean>;
  close(): Promise<boolean>;
  /** Moves the open table's guests to a free table. */
  moveTo(tableId: string): Promise<boolean>;
  /** Puts the open table's order on another seated table's bill, and shows that table. */
  mergeInto(sessionId: string): Promise<boolean>;
  handleEvent(event: CoreEvent): void;
}

const SYNCED = new Set([
  'dining_tables',
  'floor_areas',
  'table_sessions',
  'table_session_aliases',
  'order_lines',
  'kitchen_tickets',
  'payments',
]);
const MENU = new Set(['menu_items', 'menu_categories']);

/**
 * The waiter's screens' state (floor, order, payment), from the table-service API. No React here.
 * Synced changes (another kiosk's order, the kitchen's bump) reload what is shown without a tap.
 */
export function createTablesStore({ api, newKey }: { api: Pick<ApiClient, 'call'>; newKey: () => string }) {
  return createStore<TablesState>()((set, get) => {
    async function attempt<T>(
      run: () => Promise<{ ok: true; value: T } | { ok: false; error: ErrorData }>,
    ): Promise<T | undefined> {
      set({ busy: true, error: null, notice: null });
      const r = await run();
      set({ busy: false, ...(r.ok ? {} : { error: r.error }) });
      return r.ok ? r.value : undefined;
    }
    const loadFloor = async () => {
      const r = await api.call('tables.floor', {});
      if (r.ok) set({ floor: r.value });
      else set({ error: r.error });
    };
    const loadMenu = async () => {
      const r = await api.call('tables.menu', {});
      if (r.ok) set({ menu: r.value });
      else set({ error: r.error });
    };
    const reloadSession = async () => {
      const s = get().session;
      if (!s) return;
      const r = await api.call('tables.session', { sessionId: s.id });
      // A reload that a synced change started may answer after the waiter moved on to another
      // table (a merge shows the other one): an answer for a table no longer shown is dropped.
      if (r.ok && get().session?.id === s.id) set({ session: r.value });
    };
    const sessionId = () => get().session!.id;
    // Split again after a payment or a synced change, keeping the keys of shares that did not change.
    const reshare = (shares: Share[]): ShownShare[] =>
      shares.map((s) => {
        const same = get().shares.find((o) => o.key === s.key && o.amountCents === s.amountCents);
        return { ...s, paymentKey: same?.paymentKey ?? newKey() };
      });

    return {
      view: 'floor',
      floor: null,
      menu: null,
      session: null,
      shares: [],
      busy: false,
      error: null,
      notice: null,
      async refresh() {
        await Promise.all([loadFloor(), get().menu ? undefined : loadMenu(), reloadSession()]);
      },
      showFloor() {
        set({ view: 'floor', session: null, shares: [], error: null, notice: null });
        void loadFloor();
      },
      async openTable(tableId, guests) {
        const r = await attempt(() => api.call('tables.open', { tableId, guests }));
        if (!r) return false;
        await get().showSession(r.sessionId);
        return true;
      },
      async showSession(id) {
        const s = await attempt(() => api.call('tables.session', { sessionId: id }));
        if (s) set({ session: s, view: 'order', shares: [] });
        if (!get().menu) await loadMenu();
      },
      async addLine(line) {
        const r = await attempt(() => api.call('tables.addLine', { ...line, sessionId: sessionId() }));
        await reloadSession();
        return r !== undefined;
      },
      async removeLine(lineId) {
        const r = await attempt(() => api.call('tables.removeLine', { lineId }));
        await reloadSession();
        return r !== undefined;
      },
      async send() {
        // One key per tap: a retry after a lost answer sends nothing twice.
        const r = await attempt(() => api.call('tables.send', { sessionId: sessionId(), sendId: newKey() }));
        await reloadSession();
        if (r) set({ notice: 'sent' });
        return r !== undefined;
      },
      async approve(kind, input) {
        const r = await attempt(() => api.call(kind === 'void' ? 'tables.void' : 'tables.comp', input));
        await reloadSession();
        if (r) set({ notice: kind === 'void' ? 'voided' : 'comped' });
        return r !== undefined;
      },
      async showPayment() {
        set({ view: 'pay', shares: [], error: null, notice: null });
        await reloadSession();
        await get().split({ mode: 'whole' });
      },
      async split(split) {
        const r = await attempt(() => api.call('tables.split', { sessionId: sessionId(), split }));
        if (r) set({ shares: reshare(r.shares) });
        return r !== undefined;
      },
      async pay(share, p) {
        const r = await attempt(() =>
          api.call('tables.pay', {
            sessionId: sessionId(),
            paymentKey: share.paymentKey,
            shareKey: share.key,
            ...p,
          }),
        );
        await reloadSession();
        if (!r) return false;
        set({ notice: 'paid' });
        return true;
      },
      async close() {
        const r = await attempt(() => api.call('tables.close', { sessionId: sessionId() }));
        if (!r) return false;
        set({ view: 'floor', session: null, shares: [], notice: 'closed' });
        await loadFloor();
        return true;
      },
      async moveTo(tableId) {
        const r = await attempt(() => api.call('tables.move', { sessionId: sessionId(), toTableId: tableId }));
        await Promise.all([reloadSession(), loadFloor()]);
        if (r) set({ notice: 'moved' });
        return r !== undefined;
      },
      async mergeInto(intoId) {
        const r = await attempt(() => api.call('tables.merge', { sessionId: sessionId(), intoSessionId: intoId }));
        if (!r) return false;
        await Promise.all([get().showSession(intoId), loadFloor()]);
        set({ notice: 'merged' });
        return true;
      },
      handleEvent(event) {
        if (event.type !== 'data.changed') return;
        if (event.tables.some((t) => MENU.has(t))) void loadMenu();
        if (event.tables.some((t) => SYNCED.has(t))) void Promise.all([loadFloor(), reloadSession()]);
      },
    };
  });
}

export type TablesStore = ReturnType<typeof createTablesStore>;
