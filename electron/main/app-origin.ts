/**
 * Where the kiosk's own pages live. Everything else (the web, file://, other schemes) is foreign:
 * the window may not navigate there and frames from there may not call the core.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'shiftdeck';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** True when `url` is a page or asset of the app itself. */
export type AppUrlCheck = (url: string) => boolean;

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * Builds the "is this our app?" test. `app:` is not a special scheme to Node's URL parser, so its
 * `origin` is "null"; compare scheme and host instead, and refuse credentials, which would
 * otherwise let `app://shiftdeck@elsewhere/` read as ours at a glance.
 * `devOrigin` (the electron-vite dev server, unpackaged runs only) is accepted as a second origin.
 *
 * @example
 * const isAppUrl = createAppUrlCheck();
 * isAppUrl('app://shiftdeck/index.html'); // true
 * isAppUrl('https://example.com/');       // false
 */
export function createAppUrlCheck(devOrigin?: string | null): AppUrlCheck {
  const dev = devOrigin ? (parse(devOrigin)?.origin ?? null) : null;
  return (url) => {
    const u = parse(url);
    if (!u || u.username || u.password) return false;
    if (u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST) return true;
    return dev !== null && dev !== 'null' && u.origin === dev;
  };
}
