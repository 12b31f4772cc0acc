import { describe, expect, it } from 'vitest';
import type { ShiftdeckBridge } from '../../../shared/api/bridge.js';
import { createIpcTransport } from '../../../renderer/api/ipc-transport.js';
import { pickTransport } from '../../../renderer/api/pick-transport.js';

describe('IPC transport', () => {
  it('passes (method, input, token) to the preload and its Result back', async () => {
    const seen: unknown[] = [];
    const bridge: ShiftdeckBridge = {
      invoke: async (method, input, token) => (seen.push([method, input, token]), { ok: true, value: 42 }),
      subscribe: () => () => {},
    };
    const t = createIpcTransport(bridge);
    expect(await t.invoke('status.get', {}, 'tok')).toEqual({ ok: true, value: 42 });
    expect(seen).toEqual([['status.get', {}, 'tok']]);
  });

  it('turns a rejected invoke (main process gone) into an unreachable Result', async () => {
    const bridge: ShiftdeckBridge = { invoke: () => Promise.reject(new Error('gone')), subscribe: () => () => {} };
    const r = await createIpcTransport(bridge).invoke('status.get', {}, null);
    expect(!r.ok && r.error).toMatchObject({ code: 'INTERNAL', details: { reason: 'unreachable' } });
  });

  it('is picked when the preload exposed window.shiftdeck, HTTP otherwise', () => {
    const bridge: ShiftdeckBridge = { invoke: async () => ({ ok: true, value: null }), subscribe: () => () => {} };
    expect(pickTransport({ shiftdeck: bridge, location: { origin: 'app://kiosk' } }).kind).toBe('ipc');
    expect(pickTransport({ location: { origin: 'http://127.0.0.1:4000' } }).kind).toBe('http');
  });
});
