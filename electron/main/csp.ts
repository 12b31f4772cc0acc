import type { AppUrlCheck } from './app-origin.js';

/**
 * The Content-Security-Policy of every app page. Styles allow 'unsafe-inline' because React sets
 * `style` attributes; scripts never do. The packaged app has no reason to reach any other origin:
 * the core is behind IPC, not fetch.
 */
const DIRECTIVES: Readonly<Record<string, string>> = Object.freeze({
  'default-src': "'self'",
  'script-src': "'self'",
  'style-src': "'self' 'unsafe-inline'",
  'img-src': "'self' data:",
  'connect-src': "'self'",
  'object-src': "'none'",
  'base-uri': "'none'",
  'frame-ancestors': "'none'",
});

/**
 * The policy string. `devServer` (an unpackaged run against the electron-vite dev server) adds
 * what hot reload needs — the React refresh preamble is an inline script and updates come over a
 * WebSocket — and nothing else. A packaged app never passes it.
 *
 * @example
 * contentSecurityPolicy(); // "default-src 'self'; script-src 'self'; ..."
 */
export function contentSecurityPolicy(devServer?: string | null): string {
  const directives = { ...DIRECTIVES };
  if (devServer) {
    const ws = devServer.replace(/^http/, 'ws');
    directives['script-src'] = `'self' 'unsafe-inline' ${devServer}`;
    directives['connect-src'] = `'self' ${devServer} ${ws}`;
  }
  return Object.entries(directives)
    .map(([name, value]) => `${name} ${value}`)
    .join('; ');
}

interface HeadersDetails {
  url: string;
  responseHeaders?: Record<string, string[]>;
}
type HeadersCallback = (response: { responseHeaders?: Record<string, string | string[]> }) => void;

/** The slice of `session.webRequest` this file uses. */
export interface WebRequestLike {
  onHeadersReceived(listener: (details: HeadersDetails, callback: HeadersCallback) => void): void;
}

/**
 * Puts `csp` on every response for an app URL, replacing any policy the response carried (in any
 * header case), so a dev server or a stray meta-less page cannot loosen it. Other responses pass
 * through untouched; they cannot be loaded in the kiosk window anyway.
 */
export function installCsp(webRequest: WebRequestLike, isAppUrl: AppUrlCheck, csp: string): void {
  webRequest.onHeadersReceived((details, callback) => {
    if (!isAppUrl(details.url)) {
      callback({});
      return;
    }
    const headers: Record<string, string[]> = {};
    for (const [name, value] of Object.entries(details.responseHeaders ?? {})) {
      if (name.toLowerCase() !== 'content-security-policy') headers[name] = value;
    }
    headers['Content-Security-Policy'] = [csp];
    callback({ responseHeaders: headers });
  });
}
