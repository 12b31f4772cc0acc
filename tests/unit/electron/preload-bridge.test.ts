import { describe, expect, it, vi } from 'vitest';
import type { Transport } from '../../../shared/api/client.js';
import type { CoreEvent } from '../../../shared/api/contract.js';
import { createBridge, type IpcRendererLike } from '../../../electron/preload/bridge.js';

type Listener = (event: unknown, ...args: unknown[]) => void;

function fakeIpcRenderer(
  answer: (channel: string, ...args: unknown[]) => Promise<unknown> = async () => ({ ok: true, value: 1 }),
) {
  const listeners = new Map<string, Set<Listener>>();
  const ipc = {
    invoke: vi.fn(answer),
    on: vi.fn((channel: string, l: Listener) => {
      listeners.set(channel, (listeners.get(channel) ?? new Set()).add(l));
      return ipc;
    }),
    removeListener: vi.fn((channel: string, l: Listener) => {
      listeners.get(channel)?.delete(l);
      return ipc;
    }),
  };
  const sender = { send: () => {} };
  const push = (channel: string, payload: unknown) => listeners.get(channel)?.forEach((l) => l({ sender }, payload));
  return { ipc: ipc satisfies IpcRendererLike, push, count: (channel: string) => listeners.get(channel)?.size ?? 0 };
}

const locked: CoreEvent = { type: 'session.locked', reason: 'idle' };

describe('preload bridge', () => {
  it('exposes invoke and subscribe and nothing else', () => {
    const bridge = createBridge(fakeIpcRenderer().ipc);
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'subscribe']);
    expect(Object.isFrozen(bridge)).toBe(true);
  });

  it('is a Transport the renderer can use directly', () => {
    const transport: Transport = createBridge(fakeIpcRenderer().ipc);
    expect(typeof transport.invoke).toBe('function');
  });

  it('sends one envelope on shiftdeck:call and returns the answer', async () => {
    const f = fakeIpcRenderer(async () => ({ ok: true, value: { version: '0.1.0' } }));
    const result = await createBridge(f.ipc).invoke('app.info', {}, 'tok');
    expect(f.ipc.invoke).toHaveBeenCalledWith('shiftdeck:call', { method: 'app.info', input: {}, token: 'tok' });
    expect(result).toEqual({ ok: true, value: { version: '0.1.0' } });
  });

  it('turns a failed IPC call into an error Result instead of a rejection', async () => {
    const f = fakeIpcRenderer(async () => Promise.reject(new Error("No handler registered for 'shiftdeck:call'")));
    const result = await createBridge(f.ipc).invoke('app.info', {}, null);
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('hands the listener the core event only, never the IPC event', () => {
    const f = fakeIpcRenderer();
    const listener = vi.fn();
    createBridge(f.ipc).subscribe(listener, () => null);
    f.push('shiftdeck:event', { event: { type: 'data.changed', tables: ['users'] } });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener.mock.calls[0]).toEqual([{ type: 'data.changed', tables: ['users'] }]);
  });

  it('delivers an event meant for one session only while that session is current', () => {
    const f = fakeIpcRenderer();
    const listener = vi.fn();
    let token: string | null = 'mine';
    createBridge(f.ipc).subscribe(listener, () => token);
    f.push('shiftdeck:event', { event: locked, token: 'someone-else' });
    expect(listener).not.toHaveBeenCalled();
    f.push('shiftdeck:event', { event: locked, token: 'mine' });
    expect(listener).toHaveBeenCalledWith(locked);
    token = null;
    f.push('shiftdeck:event', { event: locked, token: 'mine' });
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('ignores messages that are not deliveries', () => {
    const f = fakeIpcRenderer();
    const listener = vi.fn();
    createBridge(f.ipc).subscribe(listener, () => null);
    for (const junk of [null, 'x', { type: 'data.changed' }, { event: locked, token: 5 }])
      f.push('shiftdeck:event', junk);
    expect(listener).not.toHaveBeenCalled();
  });

  it('unsubscribes the listener it added', () => {
    const f = fakeIpcRenderer();
    const listener = vi.fn();
    const unsubscribe = createBridge(f.ipc).subscribe(listener, () => null);
    expect(f.count('shiftdeck:event')).toBe(1);
    unsubscribe();
    expect(f.count('shiftdeck:event')).toBe(0);
    f.push('shiftdeck:event', { event: locked });
    expect(listener).not.toHaveBeenCalled();
  });
});
