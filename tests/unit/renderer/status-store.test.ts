import { describe, expect, it } from 'vitest';
import { createApiClient } from '../../../shared/api/client.js';
import { createStatusStore } from '../../../renderer/stores/status-store.js';
import { STATUS, createFakeTransport, err, ok } from './fake-transport.js';

describe('status store', () => {
  it('reads status.get and follows status.changed events', async () => {
    const fake = createFakeTransport({ 'status.get': () => ok(STATUS) });
    const store = createStatusStore({ api: createApiClient(fake.transport) });
    await store.getState().refresh();
    expect(store.getState().status?.pendingCount).toBe(3);
    expect(store.getState().reachable).toBe(true);

    store.getState().handleEvent({ type: 'status.changed', status: { ...STATUS, online: true, pendingCount: 0 } });
    expect(store.getState().status).toMatchObject({ online: true, pendingCount: 0 });

    store.getState().handleEvent({ type: 'data.changed', tables: ['users'] });
    expect(store.getState().status?.pendingCount).toBe(0);
  });

  it('marks the kiosk service unreachable when the transport cannot reach it, keeping the last status', async () => {
    const fake = createFakeTransport({ 'status.get': () => ok(STATUS) });
    const store = createStatusStore({ api: createApiClient(fake.transport) });
    await store.getState().refresh();
    fake.handlers['status.get'] = () => err('INTERNAL', { reason: 'unreachable' });
    await store.getState().refresh();
    expect(store.getState().reachable).toBe(false);
    expect(store.getState().status?.pendingCount).toBe(3);
  });
});
