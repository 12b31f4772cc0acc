import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { servedResourceFolder } from '../core/resources.js';
import { APP_HOST, APP_SCHEME } from './app-origin.js';
import { contentSecurityPolicy } from './csp.js';

/** The slice of Electron's `protocol` module this file uses. */
export interface ProtocolLike {
  registerSchemesAsPrivileged(schemes: Array<{ scheme: string; privileges: Record<string, boolean> }>): void;
  handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void;
}

/**
 * Must run before `app` is ready. `standard` gives the scheme a real origin (so storage, relative
 * URLs and CSP 'self' work), `secure` makes it a secure context, `supportFetchAPI` lets the page
 * fetch its own assets. No `bypassCSP`, no `corsEnabled`: the app is the only thing on it.
 */
export function registerAppScheme(protocol: Pick<ProtocolLike, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

/** A `..` path segment, literal or percent-encoded, between any kind of slash. */
const DOT_SEGMENT = /(?:\/|\\|%2f|%5c)(?:\.|%2e){2}(?=$|\/|\\|%2f|%5c)/i;

/**
 * Maps an `app://shiftdeck/...` URL to a file under `root`, or null when the URL is not ours or
 * would leave `root` (`..`, encoded `%2e%2e` or `%2f`, backslashes, NUL bytes, bad escapes).
 * `/` means `index.html`. Pure: touches no file system.
 *
 * @example
 * resolveAppPath('/app/out/renderer', 'app://shiftdeck/assets/main.js'); // '/app/out/renderer/assets/main.js'
 * resolveAppPath('/app/out/renderer', 'app://shiftdeck/%2e%2e/secret');   // null
 */
export function resolveAppPath(root: string, url: string): string | null {
  // The URL parser would quietly fold `..` back under the root; a URL that tries it is refused.
  if (DOT_SEGMENT.test(url.split(/[?#]/, 1)[0])) return null;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST || u.username || u.password) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(u.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  if (pathname.split('/').some((segment) => segment === '..')) return null;
  if (pathname === '' || pathname.endsWith('/')) pathname += 'index.html';
  const base = path.resolve(root);
  const file = path.resolve(base, `.${pathname}`);
  // Second wall: the checks above already keep `file` inside `base`; this holds if one is wrong.
  const inside = base.endsWith(path.sep) ? base : base + path.sep;
  return file.startsWith(inside) ? file : null;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = Object.freeze({
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
});

export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

/**
 * The `protocol.handle` handler for the app scheme. Serves files from `root` with the app CSP;
 * an extension-less path that is not a file falls back to `index.html` so client-side routes
 * survive a reload. The served folders of resources/ (`training-images/...`) come from
 * `resourcesDir` and never fall back to the page. Only GET and HEAD are answered.
 *
 * @example
 * protocol.handle('app', createAppRequestHandler(path.join(appRoot, 'out/renderer'), csp, resourcesDir));
 */
export function createAppRequestHandler(root: string, csp: string = contentSecurityPolicy(), resourcesDir?: string) {
  return async (request: Request): Promise<Response> => {
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return new Response('Method not allowed', { status: 405 });
    let file = resolveAppPath(root, request.url);
    if (file === null) return new Response('Forbidden', { status: 403 });
    // resolveAppPath has already refused anything leaving `root`, so the path below it is clean.
    const relative = path.relative(path.resolve(root), file).split(path.sep).join('/');
    const folder = servedResourceFolder(`/${relative}`);
    if (folder !== null) {
      if (resourcesDir === undefined) return new Response('Not found', { status: 404 });
      file = path.join(path.resolve(resourcesDir), relative);
      if (!(await isFile(file))) return new Response('Not found', { status: 404 });
    } else if (!(await isFile(file))) {
      if (path.extname(file) !== '') return new Response('Not found', { status: 404 });
      file = path.join(path.resolve(root), 'index.html');
      if (!(await isFile(file))) return new Response('Not found', { status: 404 });
    }
    const headers = {
      'Content-Type': contentTypeFor(file),
      'Content-Security-Policy': csp,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-cache',
    };
    const body = request.method === 'HEAD' ? null : new Uint8Array(await readFile(file));
    return new Response(body, { status: 200, headers });
  };
}
