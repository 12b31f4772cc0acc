import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { APP_CSP } from '../../../shared/api/security-headers.js';

/**
 * electron/main/index.ts against a fake `electron` module: the one check that the entry file
 * wires each policy to the right Electron object, since no Electron binary runs here. The kiosk
 * core behind it is the real one, on a throwaway demo database.
 */
type Listener = (...args: any[]) => unknown;

const fake = vi.hoisted(() => {
  const state = {
    appListeners: {} as Record<string, Listener[]>,
    ipc: {} as Record<string, Listener>,
    protocols: {} as Record<string, (request: Request) => Promise<Response>>,
    privileged: null as unknown,
    onHeadersReceived: null as Listener | null,
    permissionRequest: null as Listener | null,
    permissionCheck: null as Listener | null,
    windows: [] as any[],
    loaded: null as null | { url: string; status: number },
    errorBox: null as null | [string, string],
    quit: 0,
    paths: {} as Record<string, string>,
    appPath: '',
  };
  const app = {
    isPackaged: false,
    getPath: (name: string) => state.paths[name],
    setPath: (name: string, value: string) => void (state.paths[name] = value),
    getAppPath: () => state.appPath,
    requestSingleInstanceLock: () => true,
    on: (event: string, l: Listener) => void (state.appListeners[event] ??= []).push(l),
    emit: (event: string, ...args: unknown[]) => (state.appListeners[event] ?? []).forEach((l) => l(...args)),
    whenReady: () => Promise.resolve(),
    quit: () => void state.quit++,
    exit: () => {},
  };
  class BrowserWindow {
    static getAllWindows = () => state.windows;
    options: any;
    url = '';
    webContents: any;
    constructor(options: any) {
      this.options = options;
      const listeners: Record<string, Listener[]> = {};
      this.webContents = {
        listeners,
        sent: [] as unknown[],
        openHandler: null as Listener | null,
        on: (event: string, l: Listener) => void (listeners[event] ??= []).push(l),
        setWindowOpenHandler: (h: Listener) => void (this.webContents.openHandler = h),
        send: (channel: string, message: unknown) => this.webContents.sent.push([channel, message]),
        isDestroyed: () => false,
        getURL: () => this.url,
        reload: () => {},
        closeDevTools: () => {},
      };
      state.windows.push(this);
      app.emit('web-contents-created', {}, this.webContents);
    }
    once() {}
    on() {}
    async loadURL(url: string) {
      const response = await state.protocols.app(new Request(url));
      this.url = url;
      state.loaded = { url, status: response.status };
    }
  }
  const electron = {
    app,
    BrowserWindow,
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown) => void (state.privileged = schemes),
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) =>
        void (state.protocols[scheme] = handler),
    },
    session: {
      defaultSession: {
        webRequest: { onHeadersReceived: (l: Listener) => void (state.onHeadersReceived = l) },
        setPermissionRequestHandler: (h: Listener) => void (state.permissionRequest = h),
        setPermissionCheckHandler: (h: Listener) => void (state.permissionCheck = h),
      },
    },
    ipcMain: {
      handle: (channel: string, l: Listener) => void (state.ipc[channel] = l),
      removeHandler: (channel: string) => void delete state.ipc[channel],
    },
    Menu: { setApplicationMenu: () => {} },
    dialog: { showErrorBox: (title: string, message: string) => void (state.errorBox = [title, message]) },
  };
  return { state, electron };
});

vi.mock('electron', () => ({ ...fake.electron, default: fake.electron }));
vi.mock('electron-updater', () => ({ default: { autoUpdater: {} } }));

const ROOT = path.resolve(import.meta.dirname, '../../..');
const { state } = fake;
let dir: string;
const fromApp = { senderFrame: { url: 'app://shiftdeck/index.html' } };
const call = (method: string, input: unknown = {}, token: string | null = null, event: object = fromApp) =>
  state.ipc['shiftdeck:call'](event, { method, input, token }) as Promise<any>;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'shiftdeck-main-'));
  const appPath = path.join(dir, 'app');
  mkdirSync(path.join(appPath, 'out', 'renderer'), { recursive: true });
  writeFileSync(path.join(appPath, 'out', 'renderer', 'index.html'), '<!doctype html><title>Shiftdeck</title>');
  symlinkSync(path.join(ROOT, 'migrations'), path.join(appPath, 'migrations'));
  state.appPath = appPath;
  state.paths.userData = path.join(dir, 'default-profile');
  vi.stubEnv('SHIFTDECK_USER_DATA', path.join(dir, 'user-data'));
  vi.stubEnv('SHIFTDECK_DEMO', '1');
  vi.stubEnv('SHIFTDECK_LOG_LEVEL', 'silent');
  await import('../../../electron/main/index.js');
  await vi.waitFor(() => expect(state.loaded ?? state.errorBox).not.toBeNull(), { timeout: 30_000, interval: 50 });
}, 60_000);

afterAll(async () => {
  const quitting = { preventDefault: vi.fn() };
  state.appListeners['before-quit']?.forEach((l) => l(quitting));
  await vi.waitFor(() => expect(state.quit).toBeGreaterThan(0), { timeout: 10_000 });
  vi.unstubAllEnvs();
  rmSync(dir, { recursive: true, force: true });
});

describe('the Electron main process, wired', () => {
  it('starts without an error and uses the profile folder it was given', () => {
    expect(state.errorBox).toBeNull();
    expect(state.paths.userData).toBe(path.join(dir, 'user-data'));
  });

  it('registers app:// before ready and loads the page from it with the app CSP', async () => {
    expect(state.privileged).toEqual([
      expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }),
    ]);
    expect(state.loaded).toEqual({ url: 'app://shiftdeck/index.html', status: 200 });
    const response = await state.protocols.app(new Request('app://shiftdeck/index.html'));
    expect(response.headers.get('content-security-policy')).toBe(APP_CSP);
    let answer: any;
    state.onHeadersReceived!({ url: 'app://shiftdeck/index.html', responseHeaders: {} }, (r: unknown) => (answer = r));
    expect(answer.responseHeaders['Content-Security-Policy']).toEqual([APP_CSP]);
  });

  it('opens one sandboxed window with the built preload', () => {
    expect(state.windows).toHaveLength(1);
    const prefs = state.windows[0].options.webPreferences;
    expect(prefs).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true });
    expect(prefs.preload).toBe(path.join(state.appPath, 'out', 'preload', 'index.cjs'));
    // Unpackaged and no kiosk setting: a normal window.
    expect(state.windows[0].options.kiosk).toBe(false);
  });

  it('locks every WebContents the app creates', () => {
    const contents = state.windows[0].webContents;
    const leave = { url: 'https://example.com/', preventDefault: vi.fn() };
    contents.listeners['will-navigate'].forEach((l: Listener) => l(leave));
    expect(leave.preventDefault).toHaveBeenCalled();
    expect(contents.openHandler({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(contents.listeners['will-attach-webview']).toHaveLength(1);
  });

  it('denies browser permissions on the session', () => {
    const granted: boolean[] = [];
    state.permissionRequest!({}, 'media', (g: boolean) => granted.push(g));
    expect(granted).toEqual([false]);
    expect(state.permissionCheck!({}, 'media')).toBe(false);
  });

  it('answers shiftdeck:call from the app with the real core’s Results', async () => {
    const info = await call('app.info');
    expect(info).toMatchObject({ ok: true, value: { demo: true, site: { kind: 'restaurant' } } });
    const users = await call('auth.users');
    expect(users.ok).toBe(true);
    expect(users.value.length).toBeGreaterThan(0);
    expect(await call('no.such.method')).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });

  it('refuses calls from anything but the app', async () => {
    expect(await call('app.info', {}, null, { senderFrame: { url: 'https://example.com/' } })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  it('forwards core events to the window', async () => {
    const { value: users } = await call('auth.users');
    // A wrong PIN writes an audit row, which the core announces as data.changed.
    await call('auth.signIn', { userId: users[0].id, pin: '00000000' });
    await vi.waitFor(() =>
      expect(state.windows[0].webContents.sent).toContainEqual([
        'shiftdeck:event',
        { event: expect.objectContaining({ type: 'data.changed' }) },
      ]),
    );
  });
});
