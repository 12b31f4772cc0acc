import { describe, expect, it, vi } from 'vitest';
import { createAppUrlCheck } from '../../../electron/main/app-origin.js';
import { contentSecurityPolicy, installCsp, type WebRequestLike } from '../../../electron/main/csp.js';
import { APP_CSP } from '../../../shared/api/security-headers.js';

const STRICT = APP_CSP;

function directives(csp: string): Record<string, string> {
  return Object.fromEntries(csp.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')]));
}

describe('content security policy', () => {
  it('is the app policy shared with the browser mode', () => {
    expect(contentSecurityPolicy()).toBe(APP_CSP);
  });

  it('locks every source to the app itself', () => {
    expect(directives(contentSecurityPolicy())).toMatchObject({
      'default-src': "'self'",
      'script-src': "'self'",
      'style-src': "'self' 'unsafe-inline'",
      'img-src': "'self' data:",
      'connect-src': "'self'",
      'object-src': "'none'",
      'base-uri': "'none'",
      'frame-ancestors': "'none'",
    });
  });

  it('never lets scripts run inline or from elsewhere in the packaged app', () => {
    const d = directives(contentSecurityPolicy());
    expect(d['script-src']).toBe("'self'");
    expect(d['object-src']).toBe("'none'");
  });

  it('relaxes only scripts and connections, and only for the dev server', () => {
    const d = directives(contentSecurityPolicy('http://localhost:5173'));
    expect(d['script-src']).toBe("'self' 'unsafe-inline' http://localhost:5173");
    expect(d['connect-src']).toBe("'self' http://localhost:5173 ws://localhost:5173");
    expect(d['object-src']).toBe("'none'");
    expect(d['frame-ancestors']).toBe("'none'");
  });
});

describe('installCsp', () => {
  function capture() {
    let listener: Parameters<WebRequestLike['onHeadersReceived']>[0] | null = null;
    const webRequest: WebRequestLike = { onHeadersReceived: (l) => void (listener = l) };
    installCsp(webRequest, createAppUrlCheck(), STRICT);
    return (url: string, responseHeaders?: Record<string, string[]>) => {
      const callback = vi.fn();
      listener!({ url, responseHeaders }, callback);
      return callback.mock.calls[0][0] as { responseHeaders?: Record<string, string[]> };
    };
  }

  it('adds the policy to app pages and keeps their other headers', () => {
    const respond = capture();
    const r = respond('app://shiftdeck/index.html', { 'Content-Type': ['text/html'] });
    expect(r.responseHeaders).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': [STRICT] });
  });

  it('replaces a looser policy the response carried, whatever its header case', () => {
    const respond = capture();
    const r = respond('app://shiftdeck/index.html', { 'content-security-policy': ['default-src *'] });
    expect(r.responseHeaders).toEqual({ 'Content-Security-Policy': [STRICT] });
  });

  it('leaves other responses untouched', () => {
    const respond = capture();
    expect(respond('https://example.com/', { 'X-A': ['1'] })).toEqual({});
  });
});
