import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createAppRequestHandler, registerAppScheme, resolveAppPath } from '../../../electron/main/app-protocol.js';
import { contentSecurityPolicy } from '../../../electron/main/csp.js';

const ROOT = path.resolve('/srv/shiftdeck/out/renderer');

describe('resolveAppPath', () => {
  it.each([
    ['app://shiftdeck/', 'index.html'],
    ['app://shiftdeck/index.html', 'index.html'],
    ['app://shiftdeck/assets/main-abc.js', 'assets/main-abc.js'],
    ['app://shiftdeck/assets/', 'assets/index.html'],
    ['app://shiftdeck/fonts/Inter%20Bold.woff2', 'fonts/Inter Bold.woff2'],
    ['app://shiftdeck/index.html?lang=fr#/home', 'index.html'],
  ])('maps %s inside the root', (url, relative) => {
    expect(resolveAppPath(ROOT, url)).toBe(path.join(ROOT, relative));
  });

  it.each([
    'app://shiftdeck/../secret.txt',
    'app://shiftdeck/assets/../../secret.txt',
    'app://shiftdeck/%2e%2e/secret.txt',
    'app://shiftdeck/%2E%2E/%2E%2E/etc/passwd',
    'app://shiftdeck/..%2f..%2fetc%2fpasswd',
    'app://shiftdeck/assets/..%2F..%2F..%2Fetc/passwd',
    'app://shiftdeck/..%5c..%5cwindows%5cwin.ini',
    'app://shiftdeck/index.html%00.png',
    'app://shiftdeck/%E0%A4%A',
    'app://other/index.html',
    'app://shiftdeck@evil/index.html',
    'file:///etc/passwd',
    'https://shiftdeck/index.html',
    'not a url',
  ])('refuses %s', (url) => {
    expect(resolveAppPath(ROOT, url)).toBeNull();
  });

  it('resolves against a relative root too', () => {
    expect(resolveAppPath('out/renderer', 'app://shiftdeck/index.html')).toBe(path.resolve('out/renderer/index.html'));
  });

  it('never returns a path outside the root, whatever the URL', () => {
    const attempts = ['%2e', '%2e%2e', '..', '.', '%2f', '/', '%5c', 'a', '%00'];
    for (const a of attempts)
      for (const b of attempts)
        for (const c of attempts) {
          const resolved = resolveAppPath(ROOT, `app://shiftdeck/${a}/${b}/${c}`);
          if (resolved !== null) expect(resolved.startsWith(ROOT + path.sep)).toBe(true);
        }
  });
});

describe('registerAppScheme', () => {
  it('registers app:// as a standard, secure scheme that does not bypass CSP', () => {
    const registerSchemesAsPrivileged = vi.fn();
    registerAppScheme({ registerSchemesAsPrivileged });
    const [[schemes]] = registerSchemesAsPrivileged.mock.calls;
    expect(schemes).toHaveLength(1);
    expect(schemes[0].scheme).toBe('app');
    expect(schemes[0].privileges).toMatchObject({ standard: true, secure: true });
    expect(schemes[0].privileges.bypassCSP).toBeFalsy();
  });
});

describe('app request handler', () => {
  let dir: string;
  let root: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'shiftdeck-protocol-'));
    root = path.join(dir, 'renderer');
    mkdirSync(path.join(root, 'assets'), { recursive: true });
    writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Shiftdeck</title>');
    writeFileSync(path.join(root, 'assets', 'main.js'), 'console.log(1)');
    writeFileSync(path.join(dir, 'secret.txt'), 'do not serve');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const get = (url: string, method = 'GET') => createAppRequestHandler(root)(new Request(url, { method }));

  it('serves the page with its type and the app CSP', async () => {
    const res = await get('app://shiftdeck/index.html');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(contentSecurityPolicy());
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toContain('<title>Shiftdeck</title>');
  });

  it('serves scripts as JavaScript', async () => {
    const res = await get('app://shiftdeck/assets/main.js');
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await res.text()).toBe('console.log(1)');
  });

  it.each([
    'app://shiftdeck/%2e%2e/secret.txt',
    'app://shiftdeck/..%2fsecret.txt',
    'app://shiftdeck/assets/..%2F..%2Fsecret.txt',
  ])('never serves a file outside the root (%s)', async (url) => {
    const res = await get(url);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(await res.text()).not.toContain('do not serve');
  });

  it('answers 403 to a URL that is not ours', async () => {
    expect((await get('app://elsewhere/index.html')).status).toBe(403);
  });

  it('answers 404 for a missing asset', async () => {
    expect((await get('app://shiftdeck/assets/missing.js')).status).toBe(404);
  });

  it('serves the page for a client-side route so a reload survives', async () => {
    const res = await get('app://shiftdeck/training/modules');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<title>Shiftdeck</title>');
  });

  it('answers only GET and HEAD', async () => {
    expect((await get('app://shiftdeck/index.html', 'POST')).status).toBe(405);
    const head = await get('app://shiftdeck/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});

describe('app request handler: resources/ folders', () => {
  // The shipped resources/ of this checkout, as electron/main/index.ts passes it in a dev run.
  const resourcesDir = path.resolve(import.meta.dirname, '../../../resources');
  let dir: string;
  let root: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'shiftdeck-protocol-res-'));
    root = path.join(dir, 'renderer');
    mkdirSync(root, { recursive: true });
    writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Shiftdeck</title>');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const get = (url: string) => createAppRequestHandler(root, contentSecurityPolicy(), resourcesDir)(new Request(url));

  it('serves a training image from resources/training-images as SVG', async () => {
    const res = await get('app://shiftdeck/training-images/thermometer.svg');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/svg+xml');
    expect(await res.text()).toMatch(/^<svg[\s>]/);
  });

  it.each([
    'app://shiftdeck/training-images/missing.svg',
    'app://shiftdeck/training-images/missing',
    'app://shiftdeck/training-images/',
  ])('answers 404, not the page, for a missing resource (%s)', async (url) => {
    const res = await get(url);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('<title>Shiftdeck</title>');
  });

  it('serves nothing of resources/ outside its served folders', async () => {
    for (const url of ['app://shiftdeck/README.md', 'app://shiftdeck/training-images/%2e%2e/README.md']) {
      const res = await get(url);
      expect(res.status, url).toBeGreaterThanOrEqual(400);
    }
  });
});
