import { describe, expect, it } from 'vitest';
import { createApiClient } from '../../../shared/api/client.js';
import { createConflictsStore } from '../../../renderer/stores/conflicts-store.js';
import { createFakeTransport, err, ok } from './fake-transport.js';

const conflict = {
  id: '0190e5a0-0000-7000-8000-000000000001',
  kind: 'rejected' as const,
  code: 'FORBIDDEN',
  message: 'no',
  mutation: 'sites.setIdleLock',
  personName: 'Emma Dubois',
  createdAt: '2026-11-22T09:00:00.000Z',
};

describe('the conflicts store', () => {
  it('loads the list, marks one dealt with and reloads', async () => {
    let open = [conflict];
    const fake = createFakeTransport({
      'sync.conflicts': () => ok({ conflicts: open, deadLetters: [] }),
      'sync.resolveConflict': (input) => {
        open = open.filter((c) => c.id !== (input as { id: string }).id);
        return ok({ ok: true });
      },
    });
    const store = createConflictsStore({ api: createApiClient(fake.transport) });
    await store.getState().load();
    expect(store.getState().list?.conflicts).toHaveLength(1);
    await store.getState().resolve(conflict.id);
    expect(fake.callsTo('sync.resolveConflict')[0].input).toEqual({ id: conflict.id });
    expect(store.getState().list?.conflicts).toHaveLength(0);
    expect(store.getState().resolving).toBeNull();
  });

  it('keeps the error of a refused resolve for the screen to show', async () => {
    const fake = createFakeTransport({
      'sync.conflicts': () => ok({ conflicts: [conflict], deadLetters: [] }),
      'sync.resolveConflict': () => err('FORBIDDEN'),
    });
    const store = createConflictsStore({ api: createApiClient(fake.transport) });
    await store.getState().load();
    await store.getState().resolve(conflict.id);
    expect(store.getState().error?.code).toBe('FORBIDDEN');
    expect(store.getState().list?.conflicts).toHaveLength(1);
  });

  it('reloads on synced conflicts only once a screen has loaded it', async () => {
    const fake = createFakeTransport({ 'sync.conflicts': () => ok({ conflicts: [], deadLetters: [] }) });
    const store = createConflictsStore({ api: createApiClient(fake.transport) });
    store.getState().handleEvent({ type: 'data.changed', tables: ['conflicts'] });
    expect(fake.callsTo('sync.conflicts')).toHaveLength(0);
    await store.getState().load();
    store.getState().handleEvent({ type: 'data.changed', tables: ['conflicts'] });
    await Promise.resolve();
    expect(fake.callsTo('sync.conflicts')).toHaveLength(2);
  });
});
