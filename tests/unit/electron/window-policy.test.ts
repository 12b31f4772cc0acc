import { describe, expect, it, vi } from 'vitest';
import { createAppUrlCheck } from '../../../electron/main/app-origin.js';
import {
  kioskWebPreferences,
  kioskWindowOptions,
  lockDevTools,
  lockWebContents,
  navigationGuard,
  reloadAfterCrash,
  windowOpenGuard,
  type LockableContents,
} from '../../../electron/main/window-policy.js';

const isAppUrl = createAppUrlCheck();

function fakeContents() {
  const listeners = new Map<string, Array<(...args: any[]) => void>>();
  let openHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;
  const contents = {
    on(event: string, listener: (...args: any[]) => void) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      return contents;
    },
    setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }) {
      openHandler = handler;
    },
    closeDevTools: vi.fn(),
    isDestroyed: vi.fn(() => false),
    reload: vi.fn(),
  };
  const emit = (event: string, ...args: unknown[]) => (listeners.get(event) ?? []).forEach((l) => l(...args));
  const preventable = (extra: object = {}) => ({ preventDefault: vi.fn(), ...extra });
  return { contents, emit, preventable, listeners, openHandler: () => openHandler };
}

describe('kiosk webPreferences', () => {
  it('sandboxes the renderer and gives it no Node', () => {
    const prefs = kioskWebPreferences({ preload: '/app/out/preload/index.cjs', devTools: false });
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: false,
    });
    expect(Object.isFrozen(prefs)).toBe(true);
  });

  it('turns DevTools on only when asked (unpackaged runs)', () => {
    expect(kioskWebPreferences({ preload: 'p', devTools: true }).devTools).toBe(true);
  });

  it('opens full-screen kiosk only when the kiosk setting is on', () => {
    const floor = kioskWindowOptions({ preload: 'p', devTools: false, kiosk: true });
    const office = kioskWindowOptions({ preload: 'p', devTools: false, kiosk: false });
    expect([floor.kiosk, floor.fullscreen]).toEqual([true, true]);
    expect([office.kiosk, office.fullscreen]).toEqual([false, false]);
    expect(floor.show).toBe(false);
    expect(floor.webPreferences.sandbox).toBe(true);
  });
});

describe('navigation lock', () => {
  const blocked = [
    'https://example.com/',
    'http://localhost:5173/',
    'file:///etc/passwd',
    'app://elsewhere/index.html',
    'app://shiftdeck@evil.example/index.html',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'not a url',
  ];

  it.each(blocked)('blocks %s', (url) => {
    const event = { url, preventDefault: vi.fn() };
    navigationGuard(isAppUrl)(event);
    expect(event.preventDefault).toHaveBeenCalledOnce();
  });

  it.each(['app://shiftdeck/index.html', 'app://shiftdeck/#/training', 'app://shiftdeck/'])('allows %s', (url) => {
    const event = { url, preventDefault: vi.fn() };
    navigationGuard(isAppUrl)(event);
    expect(event.preventDefault).not.toHaveBeenCalled();
  });

  it('allows the dev server only when one is configured', () => {
    const dev = createAppUrlCheck('http://localhost:5173');
    expect(dev('http://localhost:5173/index.html')).toBe(true);
    expect(dev('http://localhost:5174/index.html')).toBe(false);
    expect(isAppUrl('http://localhost:5173/index.html')).toBe(false);
  });

  it('logs what it blocked', () => {
    const log = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
    navigationGuard(isAppUrl, log)({ url: 'https://example.com/', preventDefault() {} });
    expect(log.warn).toHaveBeenCalledWith({ url: 'https://example.com/' }, expect.any(String));
  });
});

describe('lockWebContents', () => {
  it('guards will-navigate and will-redirect', () => {
    const f = fakeContents();
    lockWebContents(f.contents as unknown as LockableContents, isAppUrl);
    const nav = f.preventable({ url: 'https://example.com/' });
    const redirect = f.preventable({ url: 'https://example.com/' });
    const inApp = f.preventable({ url: 'app://shiftdeck/index.html' });
    f.emit('will-navigate', nav);
    f.emit('will-redirect', redirect);
    f.emit('will-navigate', inApp);
    expect(nav.preventDefault).toHaveBeenCalledOnce();
    expect(redirect.preventDefault).toHaveBeenCalledOnce();
    expect(inApp.preventDefault).not.toHaveBeenCalled();
  });

  it('denies every window.open, app URLs included', () => {
    const f = fakeContents();
    lockWebContents(f.contents as unknown as LockableContents, isAppUrl);
    const handler = f.openHandler();
    expect(handler).not.toBeNull();
    expect(handler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(handler!({ url: 'app://shiftdeck/index.html' })).toEqual({ action: 'deny' });
    expect(windowOpenGuard()({ url: 'about:blank' })).toEqual({ action: 'deny' });
  });

  it('refuses to attach a <webview>', () => {
    const f = fakeContents();
    lockWebContents(f.contents as unknown as LockableContents, isAppUrl);
    const event = f.preventable();
    f.emit('will-attach-webview', event, {}, {});
    expect(event.preventDefault).toHaveBeenCalledOnce();
  });
});

describe('lockDevTools', () => {
  it('closes DevTools as soon as they open in a packaged build', () => {
    const f = fakeContents();
    lockDevTools(f.contents, false);
    f.emit('devtools-opened');
    expect(f.contents.closeDevTools).toHaveBeenCalledOnce();
  });

  it('leaves DevTools alone in a development run', () => {
    const f = fakeContents();
    lockDevTools(f.contents, true);
    f.emit('devtools-opened');
    expect(f.contents.closeDevTools).not.toHaveBeenCalled();
  });
});

describe('reloadAfterCrash', () => {
  it('reloads the page once after a crash, not after a clean exit', () => {
    const f = fakeContents();
    const timers: Array<() => void> = [];
    reloadAfterCrash(f.contents, { setTimeout: (cb) => timers.push(cb), delayMs: 10 });
    f.emit('render-process-gone', {}, { reason: 'clean-exit' });
    expect(timers).toHaveLength(0);
    f.emit('render-process-gone', {}, { reason: 'crashed' });
    f.emit('render-process-gone', {}, { reason: 'oom' });
    expect(timers).toHaveLength(1);
    timers[0]();
    expect(f.contents.reload).toHaveBeenCalledOnce();
  });

  it('does not reload a window that has gone', () => {
    const f = fakeContents();
    const timers: Array<() => void> = [];
    reloadAfterCrash(f.contents, { setTimeout: (cb) => timers.push(cb) });
    f.emit('render-process-gone', {}, { reason: 'crashed' });
    f.contents.isDestroyed.mockReturnValue(true);
    timers[0]();
    expect(f.contents.reload).not.toHaveBeenCalled();
  });
});
