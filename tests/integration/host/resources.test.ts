import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createHttpHost } from '../../../electron/host/http-host.js';
import { DEMO_MODULES } from '../../../shared/training/demo-content.js';
import { makeKiosk } from '../../helpers/kiosk.js';
import { makeTempDir } from '../../helpers/tmp.js';

/** A host with a stand-in built page, so the client-route fallback to index.html is live. */
async function hostWithPage() {
  const tk = await makeKiosk();
  const rendererDir = makeTempDir('shiftdeck-renderer-');
  mkdirSync(join(rendererDir, 'assets'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Shiftdeck</title>');
  writeFileSync(join(rendererDir, 'assets', 'main.js'), 'console.log(1)');
  const host = await createHttpHost({ kiosk: tk.kiosk, rendererDir });
  onTestFinished(() => host.close());
  return host;
}

const get = (host: Awaited<ReturnType<typeof hostWithPage>>, url: string) => host.inject({ method: 'GET', url });

describe('browser-mode host: files from resources/', () => {
  it('serves each training section image of the demo content as an image, from resources/training-images', async () => {
    const host = await hostWithPage();
    const images = DEMO_MODULES.flatMap((m) => m.sections.map((s) => s.image)).filter((i): i is string => i !== null);
    expect(images).toContain('thermometer.svg');
    for (const image of images) {
      const res = await get(host, `/training-images/${image}`);
      expect(res.statusCode, image).toBe(200);
      expect(res.headers['content-type'], image).toMatch(/^image\/svg\+xml/);
      expect(res.body, image).toMatch(/^<svg[\s>]/);
      expect(res.body, image).not.toContain('<title>Shiftdeck</title>');
    }
  });

  it('answers a missing asset with 404, never with the page', async () => {
    const host = await hostWithPage();
    for (const url of [
      '/training-images/no-such-picture.svg',
      '/training-images/',
      '/training-images/sub',
      '/assets/no-such.js',
      '/favicon.ico',
      '/fonts/x.woff2',
    ]) {
      const res = await get(host, url);
      expect(res.statusCode, url).toBe(404);
      expect(res.body, url).not.toContain('<title>Shiftdeck</title>');
      expect(res.json(), url).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    }
  });

  it('never serves files of resources/ outside the served folders, or outside resources/', async () => {
    const host = await hostWithPage();
    for (const url of [
      '/README.md',
      '/resources/README.md',
      '/training-images/../README.md',
      '/training-images/%2e%2e/README.md',
      '/training-images/..%2fREADME.md',
      '/package.json',
    ]) {
      const res = await get(host, url);
      expect([400, 403, 404], url).toContain(res.statusCode);
      expect(res.body, url).not.toContain('Files the app ships');
      expect(res.body, url).not.toContain('"name": "shiftdeck"');
    }
  });

  it('still answers the page itself and its own assets', async () => {
    const host = await hostWithPage();
    const page = await get(host, '/');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    const script = await get(host, '/assets/main.js');
    expect(script.statusCode).toBe(200);
    expect(script.headers['content-type']).toMatch(/javascript/);
    // A reload on a path without a file name still gets the page (the app routes by #hash).
    const route = await get(host, '/training');
    expect(route.statusCode).toBe(200);
    expect(route.body).toContain('<title>Shiftdeck</title>');
  });
});
