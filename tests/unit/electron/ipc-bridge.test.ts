import { describe, expect, it, vi } from 'vitest';
import type { EventDelivery } from '../../../shared/api/bridge.js';
import type { Result } from '../../../shared/errors.js';
import { createAppUrlCheck } from '../../../electron/main/app-origin.js';
import {
  createCallHandler,
  forwardCoreEvents,
  registerIpcBridge,
  type EventTarget,
} from '../../../electron/main/ipc-bridge.js';

const isAppUrl = createAppUrlCheck();
const fromApp = { senderFrame: { url: 'app://shiftdeck/index.html' } };

function fakeDispatcher(result: Result<unknown> = { ok: true, value: { version: '0.1.0' } }) {
  return { dispatch: vi.fn(async (_method: string, _input: unknown, _token: string | null) => result) };
}

describe('IPC call handler', () => {
  it('passes a good call through to the dispatcher and returns its Result', async () => {
    const dispatcher = fakeDispatcher();
    const handle = createCallHandler({ dispatcher, isAppUrl });
    const result = await handle(fromApp, { method: 'app.info', input: { a: 1 }, token: 'tok' });
    expect(dispatcher.dispatch).toHaveBeenCalledWith('app.info', { a: 1 }, 'tok');
    expect(result).toEqual({ ok: true, value: { version: '0.1.0' } });
  });

  it('returns the dispatcher’s failures as they are', async () => {
    const failure: Result<unknown> = {
      ok: false,
      error: { code: 'PIN_INVALID', message: 'Wrong PIN', details: { left: 2 } },
    };
    const handle = createCallHandler({ dispatcher: fakeDispatcher(failure), isAppUrl });
    expect(await handle(fromApp, { method: 'auth.signIn', input: {}, token: null })).toEqual(failure);
  });

  it.each([
    ['a foreign page', { senderFrame: { url: 'https://example.com/' } }],
    ['a look-alike host', { senderFrame: { url: 'app://shiftdeck@evil/index.html' } }],
    ['a file page', { senderFrame: { url: 'file:///tmp/index.html' } }],
    ['a frame that is gone', { senderFrame: null }],
  ])('refuses a call from %s without dispatching', async (_name, event) => {
    const dispatcher = fakeDispatcher();
    const result = await createCallHandler({ dispatcher, isAppUrl })(event, {
      method: 'app.info',
      input: {},
      token: null,
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(dispatcher.dispatch).not.toHaveBeenCalled();
  });

  it.each([
    ['not an object', 'app.info'],
    ['null', null],
    ['no method', { input: {}, token: null }],
    ['an empty method', { method: '', input: {}, token: null }],
    ['a method over 100 characters', { method: 'm'.repeat(101), input: {}, token: null }],
    ['a numeric method', { method: 42, input: {}, token: null }],
    ['a numeric token', { method: 'app.info', input: {}, token: 7 }],
    ['a missing token', { method: 'app.info', input: {} }],
    ['an extra key', { method: 'app.info', input: {}, token: null, admin: true }],
  ])('refuses an envelope with %s', async (_name, envelope) => {
    const dispatcher = fakeDispatcher();
    const result = await createCallHandler({ dispatcher, isAppUrl })(fromApp, envelope);
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(dispatcher.dispatch).not.toHaveBeenCalled();
  });

  it('accepts a method of exactly 100 characters', async () => {
    const dispatcher = fakeDispatcher();
    await createCallHandler({ dispatcher, isAppUrl })(fromApp, { method: 'm'.repeat(100), input: {}, token: null });
    expect(dispatcher.dispatch).toHaveBeenCalledOnce();
  });

  it('lets a photo (a method that carries a file) past 64 KiB, up to its own limit', async () => {
    const dispatcher = fakeDispatcher();
    const handle = createCallHandler({ dispatcher, isAppUrl });
    const photo = { incidentId: 'x', photo: { mime: 'image/jpeg', base64: 'A'.repeat(1024 * 1024) } };
    await handle(fromApp, { method: 'incidents.addPhoto', input: photo, token: 't' });
    expect(dispatcher.dispatch).toHaveBeenCalledOnce();
    const tooBig = { incidentId: 'x', photo: { mime: 'image/jpeg', base64: 'A'.repeat(4 * 1024 * 1024) } };
    const result = await handle(fromApp, { method: 'incidents.addPhoto', input: tooBig, token: 't' });
    expect(result).toMatchObject({ ok: false, error: { code: 'PAYLOAD_TOO_LARGE' } });
    expect(dispatcher.dispatch).toHaveBeenCalledOnce();
  });

  it('refuses an envelope over 64 KiB of JSON with PAYLOAD_TOO_LARGE', async () => {
    const dispatcher = fakeDispatcher();
    const handle = createCallHandler({ dispatcher, isAppUrl });
    const big = { method: 'incident.report', input: { text: 'x'.repeat(64 * 1024) }, token: null };
    const result = await handle(fromApp, big);
    expect(result).toMatchObject({ ok: false, error: { code: 'PAYLOAD_TOO_LARGE' } });
    expect(dispatcher.dispatch).not.toHaveBeenCalled();
  });

  it('counts bytes, not characters', async () => {
    const dispatcher = fakeDispatcher();
    const handle = createCallHandler({ dispatcher, isAppUrl, maxBytes: 100 });
    // 40 characters, 120 bytes in UTF-8.
    const result = await handle(fromApp, { method: 'm', input: 'é'.repeat(20) + '€'.repeat(20), token: null });
    expect(result).toMatchObject({ ok: false, error: { code: 'PAYLOAD_TOO_LARGE' } });
  });

  it('passes an envelope just under the limit', async () => {
    const dispatcher = fakeDispatcher();
    const envelope = { method: 'm', input: '', token: null };
    const overhead = JSON.stringify(envelope).length;
    envelope.input = 'x'.repeat(64 * 1024 - overhead);
    await createCallHandler({ dispatcher, isAppUrl })(fromApp, envelope);
    expect(dispatcher.dispatch).toHaveBeenCalledOnce();
  });

  it('refuses an envelope that is not JSON (a cycle)', async () => {
    const input: Record<string, unknown> = {};
    input.self = input;
    const dispatcher = fakeDispatcher();
    const result = await createCallHandler({ dispatcher, isAppUrl })(fromApp, { method: 'm', input, token: null });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });

  it('turns a dispatcher that throws into an INTERNAL Result that leaks nothing', async () => {
    const dispatcher = { dispatch: vi.fn(async () => Promise.reject(new Error('SQLITE_CORRUPT at /var/lib/db'))) };
    const log = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
    const result = await createCallHandler({ dispatcher, isAppUrl, log })(fromApp, {
      method: 'm',
      input: {},
      token: null,
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(result)).not.toContain('SQLITE_CORRUPT');
    expect(log.error).toHaveBeenCalledOnce();
  });
});

describe('registerIpcBridge', () => {
  it('handles shiftdeck:call and removes the handler when stopped', async () => {
    const handlers = new Map<string, (event: any, ...args: unknown[]) => Promise<unknown>>();
    const ipcMain = {
      handle: vi.fn(
        (channel: string, listener: (event: any, ...args: unknown[]) => Promise<unknown>) =>
          void handlers.set(channel, listener),
      ),
      removeHandler: vi.fn((channel: string) => void handlers.delete(channel)),
    };
    const dispatcher = fakeDispatcher();
    const stop = registerIpcBridge(ipcMain, { dispatcher, isAppUrl });
    expect([...handlers.keys()]).toEqual(['shiftdeck:call']);
    const result = await handlers.get('shiftdeck:call')!(fromApp, { method: 'status.get', input: {}, token: null });
    expect(result).toMatchObject({ ok: true });
    expect(dispatcher.dispatch).toHaveBeenCalledWith('status.get', {}, null);
    stop();
    expect(ipcMain.removeHandler).toHaveBeenCalledWith('shiftdeck:call');
    expect(handlers.size).toBe(0);
  });
});

describe('forwardCoreEvents', () => {
  function fakeEvents() {
    const listeners = new Set<(d: EventDelivery) => void>();
    return {
      subscribe: vi.fn((l: (d: EventDelivery) => void) => {
        listeners.add(l);
        return () => void listeners.delete(l);
      }),
      emit: (d: EventDelivery) => listeners.forEach((l) => l(d)),
      count: () => listeners.size,
    };
  }
  function fakeWindow(
    url = 'app://shiftdeck/index.html',
  ): EventTarget & { send: ReturnType<typeof vi.fn>; destroyed: boolean } {
    const w = {
      destroyed: false,
      isDestroyed: () => w.destroyed,
      getURL: () => url,
      send: vi.fn(),
    };
    return w;
  }
  const changed: EventDelivery = { event: { type: 'data.changed', tables: ['incidents'] } };

  it('sends each core event to every app window on shiftdeck:event', () => {
    const events = fakeEvents();
    const a = fakeWindow();
    const b = fakeWindow();
    forwardCoreEvents(events, { targets: () => [a, b], isAppUrl });
    events.emit(changed);
    expect(a.send).toHaveBeenCalledWith('shiftdeck:event', changed);
    expect(b.send).toHaveBeenCalledWith('shiftdeck:event', changed);
  });

  it('keeps the token of an event meant for one session', () => {
    const events = fakeEvents();
    const w = fakeWindow();
    forwardCoreEvents(events, { targets: () => [w], isAppUrl });
    events.emit({ event: { type: 'session.locked', reason: 'idle' }, token: 't1' });
    expect(w.send).toHaveBeenCalledWith('shiftdeck:event', {
      event: { type: 'session.locked', reason: 'idle' },
      token: 't1',
    });
  });

  it('skips closed windows and windows not showing the app', () => {
    const events = fakeEvents();
    const closed = fakeWindow();
    closed.destroyed = true;
    const foreign = fakeWindow('https://example.com/');
    const live = fakeWindow();
    forwardCoreEvents(events, { targets: () => [closed, foreign, live], isAppUrl });
    events.emit(changed);
    expect(closed.send).not.toHaveBeenCalled();
    expect(foreign.send).not.toHaveBeenCalled();
    expect(live.send).toHaveBeenCalledOnce();
  });

  it('keeps delivering when one window throws', () => {
    const events = fakeEvents();
    const broken = fakeWindow();
    broken.send.mockImplementation(() => {
      throw new Error('Object has been destroyed');
    });
    const live = fakeWindow();
    forwardCoreEvents(events, { targets: () => [broken, live], isAppUrl });
    expect(() => events.emit(changed)).not.toThrow();
    expect(live.send).toHaveBeenCalledOnce();
  });

  it('stops forwarding once unsubscribed', () => {
    const events = fakeEvents();
    const w = fakeWindow();
    const stop = forwardCoreEvents(events, { targets: () => [w], isAppUrl });
    stop();
    events.emit(changed);
    expect(w.send).not.toHaveBeenCalled();
    expect(events.count()).toBe(0);
  });
});
