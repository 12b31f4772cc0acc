/** The slice of Electron's `app` this file uses. */
export interface SingleInstanceApp {
  requestSingleInstanceLock(): boolean;
  quit(): void;
  on(event: 'second-instance', listener: () => void): unknown;
}

/** The slice of `BrowserWindow` brought forward when a second instance starts. */
export interface FocusableWindow {
  isDestroyed(): boolean;
  isMinimized(): boolean;
  restore(): void;
  show(): void;
  focus(): void;
}

/**
 * One kiosk per terminal: two instances would open the same SQLite database and fight over the
 * screen. The second instance quits at once; the first comes to the front instead.
 * Returns false in the instance that must quit.
 *
 * @example
 * if (!claimSingleInstance(app, () => mainWindow)) return;
 */
export function claimSingleInstance(app: SingleInstanceApp, currentWindow: () => FocusableWindow | null): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', () => {
    const window = currentWindow();
    if (!window || window.isDestroyed()) return;
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  });
  return true;
}
