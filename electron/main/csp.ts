import { APP_CSP } from '../../shared/api/security-headers.js';
import type { AppUrlCheck } from './app-origin.js';

/**
 * The Content-Security-Policy of every app page: `APP_CSP`, the one policy the browser-mode host
 * and the renderer's meta tag use too. `devServer` (an unpackaged run against the electron-vite
 * dev server) adds what hot reload needs — the React refresh preamble is an inline script and
 * updates come over a WebSocket — and nothing else. A packaged app never passes it.
 *
 * @example
 * contentSecurityPolicy(); // "default-src 'self'; script-src 'self'; ..."
 */
export function contentSecurityPolicy(devServer?: string | null): string {
  if (!devServer) return APP_CSP;
  const ws = devServer.replace(/^http/, 'ws');
  return APP_CSP.split('; ')
    .map((directive) => {
      if (directive.startsWith('script-src ')) return `${directive} 'unsafe-inline' ${devServer}`;
      if (directive.startsWith('connect-src ')) return `${directive} ${devServer} ${ws}`;
      return directive;
    })
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
