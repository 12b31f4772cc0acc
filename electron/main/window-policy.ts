import type { AppUrlCheck } from './app-origin.js';
import { silentLog, type Log } from './log.js';

/**
 * The renderer's sandbox. Every switch that would hand page script a way out of it is off:
 * no Node, isolated preload world, OS sandbox, same-origin policy on, no mixed content, no
 * `<webview>`. DevTools exist only in an unpackaged (development) run.
 *
 * @example
 * new BrowserWindow({ webPreferences: kioskWebPreferences({ preload, devTools: !app.isPackaged }) });
 */
export function kioskWebPreferences(options: { preload: string; devTools: boolean }) {
  return Object.freeze({
    preload: options.preload,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    devTools: options.devTools,
  });
}

/**
 * The kiosk window. `kiosk: true` is the floor terminal (full screen, no chrome, no way out);
 * false is a normal window for a back-office PC or development. It is shown once the first page
 * has painted, so a terminal never flashes an empty frame.
 */
export function kioskWindowOptions(options: { preload: string; devTools: boolean; kiosk: boolean }) {
  return Object.freeze({
    width: 1280,
    height: 800,
    minWidth: 800,
    minHeight: 600,
    show: false,
    kiosk: options.kiosk,
    fullscreen: options.kiosk,
    autoHideMenuBar: true,
    backgroundColor: '#111827',
    title: 'Shiftdeck',
    webPreferences: kioskWebPreferences(options),
  });
}

interface PreventableEvent {
  preventDefault(): void;
}
interface NavigationEvent extends PreventableEvent {
  url: string;
}

/** The slice of `WebContents` the navigation lock uses. */
export interface LockableContents {
  on(event: 'will-navigate' | 'will-redirect', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/**
 * `will-navigate` / `will-redirect` handler: stays on app URLs, refuses everything else. A link
 * to the web inside a training module must not turn the kiosk into a browser.
 */
export function navigationGuard(isAppUrl: AppUrlCheck, log: Log = silentLog) {
  return (event: NavigationEvent): void => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    log.warn({ url: event.url }, 'Blocked navigation away from the app');
  };
}

/** `setWindowOpenHandler` handler: the kiosk never opens a second window, for any URL. */
export function windowOpenGuard(log: Log = silentLog) {
  return (details: { url: string }): { action: 'deny' } => {
    log.warn({ url: details.url }, 'Blocked window.open');
    return { action: 'deny' };
  };
}

/**
 * Applies the navigation, new-window and webview rules to one WebContents. index.ts calls it for
 * every WebContents the app creates (`web-contents-created`), not just the main window's.
 */
export function lockWebContents(contents: LockableContents, isAppUrl: AppUrlCheck, log: Log = silentLog): void {
  const guard = navigationGuard(isAppUrl, log);
  contents.on('will-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log.warn({}, 'Refused to attach a <webview>');
  });
  contents.setWindowOpenHandler(windowOpenGuard(log));
}

/** The slice of `WebContents` the DevTools lock uses. */
export interface DevToolsContents {
  on(event: 'devtools-opened', listener: () => void): unknown;
  closeDevTools(): void;
}

/**
 * A packaged kiosk already has `devTools: false`; this is the second lock, closing DevTools if
 * anything manages to open them anyway.
 */
export function lockDevTools(contents: DevToolsContents, allowed: boolean, log: Log = silentLog): void {
  if (allowed) return;
  contents.on('devtools-opened', () => {
    contents.closeDevTools();
    log.warn({}, 'Closed DevTools in a packaged build');
  });
}

/** The slice of `WebContents` crash recovery uses. */
export interface RecoverableContents {
  on(event: 'render-process-gone', listener: (event: unknown, details: { reason: string }) => void): unknown;
  isDestroyed(): boolean;
  reload(): void;
}

/**
 * A floor terminal must not sit on a blank screen after the page process dies (out of memory, a
 * GPU fault): reload it after `delayMs`. Crashes closer together than `delayMs` wait for the
 * pending reload instead of stacking more.
 */
export function reloadAfterCrash(
  contents: RecoverableContents,
  deps: { setTimeout: (callback: () => void, ms: number) => unknown; delayMs?: number; log?: Log },
): void {
  const { delayMs = 2000, log = silentLog } = deps;
  let pending = false;
  contents.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit') return;
    log.error({ reason: details.reason }, 'The kiosk page process died; reloading');
    if (pending) return;
    pending = true;
    deps.setTimeout(() => {
      pending = false;
      if (!contents.isDestroyed()) contents.reload();
    }, delayMs);
  });
}
