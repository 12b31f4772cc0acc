import { describe, expect, it } from 'vitest';
import { createApiClient } from '../../../shared/api/client.js';
import { createKitchenStore } from '../../../renderer/stores/kitchen-store.js';
import { createTablesStore } from '../../../renderer/stores/tables-store.js';
import { createFakeTransport, ok } from './fake-transport.js';

const NOW = '2026-11-22T09:00:00.000Z';
const ticket = (status: 'new' | 'preparing' | 'ready') => ({
  id: '0193a7c2-0000-7000-8000-00000000000a',
  tableLabel: '3',
  station: 'grill',
  course: 1,
  status,
  sentAt: NOW,
  lines: [],
});
const session = {
  id: '0193a7c2-0000-7000-8000-000000000001',
  tableLabel: '3',
  guests: 2,
  status: 'open' as const,
  lines: [],
  totalCents: 3000,
  paidCents: 0,
  tipCents: 0,
  dueCents: 3000,
  payments: [],
};

describe('kitchen display store', () => {
  it('follows synced tickets: a data change to tickets reloads, one to other tables does not', async () => {
    let status: 'new' | 'preparing' = 'new';
    const fake = createFakeTransport({ 'kitchen.tickets': () => ok({ now: NOW, tickets: [ticket(status)] }) });
    const store = createKitchenStore({ api: createApiClient(fake.transport) });
    await store.getState().load();
    status = 'preparing';
    store.getState().handleEvent({ type: 'data.changed', tables: ['incidents'] });
    store.getState().handleEvent({ type: 'data.changed', tables: ['kitchen_tickets'] });
    await new Promise((r) => setTimeout(r, 0));
    expect(fake.callsTo('kitchen.tickets')).toHaveLength(2);
    expect(store.getState().tickets?.[0]?.status).toBe('preparing');
  });

  it('bumps one step on and recalls one step back', async () => {
    const fake = createFakeTransport({
      'kitchen.tickets': () => ok({ now: NOW, tickets: [] }),
      'kitchen.setStatus': () => ok({ ok: true }),
    });
    const store = createKitchenStore({ api: createApiClient(fake.transport) });
    await store.getState().bump(ticket('new'));
    await store.getState().recall(ticket('ready'));
    expect(fake.callsTo('kitchen.setStatus').map((c) => (c.input as { to: string }).to)).toEqual([
      'preparing',
      'preparing',
    ]);
  });
});

describe('tables store', () => {
  it('keeps a share’s payment key while the share is unchanged, so paying it again records nothing twice', async () => {
    let keys = 0;
    const fake = createFakeTransport({
      'tables.session': () => ok(session),
      'tables.menu': () => ok({ categories: [], items: [] }),
      'tables.split': () =>
        ok({
          shares: [
            { key: 'part-1', amountCents: 1500, lineIds: [] },
            { key: 'part-2', amountCents: 1500, lineIds: [] },
          ],
        }),
    });
    const store = createTablesStore({ api: createApiClient(fake.transport), newKey: () => `key-${++keys}` });
    await store.getState().showSession(session.id);
    await store.getState().split({ mode: 'equal', ways: 2 });
    const first = store.getState().shares.map((s) => s.paymentKey);
    await store.getState().split({ mode: 'equal', ways: 2 });
    expect(store.getState().shares.map((s) => s.paymentKey)).toEqual(first);
    expect(new Set(first).size).toBe(2);
  });

  it('shows the table a merge went into, even when a reload of the merged table answers late', async () => {
    const into = { ...session, id: '0193a7c2-0000-7000-8000-000000000002', tableLabel: '5' };
    const from = { ...session, tableLabel: '1' };
    let release: () => void = () => {};
    const late = new Promise<void>((r) => (release = r));
    let fromReads = 0;
    const fake = createFakeTransport({
      'tables.session': async (input) => {
        const id = (input as { sessionId: string }).sessionId;
        if (id === into.id) return ok(into);
        fromReads += 1;
        if (fromReads > 1) await late; // the reload a synced change started, answered after the merge
        return ok({ ...from, status: fromReads > 1 ? ('merged' as const) : ('open' as const) });
      },
      'tables.menu': () => ok({ categories: [], items: [] }),
      'tables.floor': () => ok({ areas: [], tables: [] }),
      'tables.merge': () => ok({ ok: true }),
    });
    const store = createTablesStore({ api: createApiClient(fake.transport), newKey: () => 'k' });
    await store.getState().showSession(from.id);
    store.getState().handleEvent({ type: 'data.changed', tables: ['order_lines'] });
    await store.getState().mergeInto(into.id);
    release();
    await new Promise((r) => setTimeout(r, 0));
    expect(store.getState().session?.tableLabel).toBe('5');
    expect(store.getState().notice).toBe('merged');
  });
});
