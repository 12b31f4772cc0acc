import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { APP_CSP } from '../../shared/api/security-headers.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SKIP_REASON =
  'Electron binary not installed on this machine (cannot be downloaded here); browser-mode e2e covers the UI';

/**
 * The Electron executable, or null. This is the lookup `require('electron')` does, minus its side
 * effect: when the binary is missing, the electron package's index.js tries to download it, which
 * on these machines means a network attempt that can only fail.
 */
function electronBinary(): string | null {
  let packageDir: string;
  try {
    packageDir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return null;
  }
  const pathFile = path.join(packageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const binary = override
    ? path.join(override, relative ?? 'electron')
    : relative
      ? path.join(packageDir, 'dist', relative)
      : null;
  return binary && existsSync(binary) ? binary : null;
}

const binary = electronBinary();
test.skip(binary === null, SKIP_REASON);

test.describe.configure({ mode: 'serial' });

test.describe('Electron kiosk (skipped where no Electron binary is installed: it cannot be downloaded on the build machines)', () => {
  let app: ElectronApplication;
  let page: Page;
  let userData: string;

  test.beforeAll(async () => {
    const main = path.join(ROOT, 'out', 'main', 'index.js');
    if (!existsSync(main)) throw new Error(`${main} is missing: run "npm run build" before the Electron smoke test.`);
    userData = mkdtempSync(path.join(tmpdir(), 'shiftdeck-electron-'));
    writeFileSync(
      path.join(userData, 'settings.json'),
      JSON.stringify({ kiosk: false, demo: true, siteKey: 'restaurant' }),
    );
    app = await electron.launch({
      executablePath: binary!,
      // Chromium refuses to start as root with its OS sandbox; CI containers run as root.
      args: [ROOT, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
      env: { ...process.env, SHIFTDECK_USER_DATA: userData },
    });
    page = await app.firstWindow();
  });

  test.afterAll(async () => {
    await app?.close();
    if (userData) rmSync(userData, { recursive: true, force: true });
  });

  test('opens the PIN pad from app://shiftdeck with the demo people, through IPC', async () => {
    await expect(page.getByTestId('pin-pad')).toBeVisible();
    await expect(page.getByTestId('user-tile').first()).toBeVisible();
    expect(page.url()).toMatch(/^app:\/\/shiftdeck\//);
  });

  test('gives the page window.shiftdeck and no Node', async () => {
    const globals = await page.evaluate(() => {
      const w = window as unknown as Record<string, unknown>;
      return {
        bridge: typeof w.shiftdeck,
        bridgeKeys: w.shiftdeck ? Object.keys(w.shiftdeck as object).sort() : [],
        require: typeof w.require,
        process: typeof w.process,
        module: typeof w.module,
        Buffer: typeof w.Buffer,
      };
    });
    expect(globals).toEqual({
      bridge: 'object',
      bridgeKeys: ['invoke', 'subscribe'],
      require: 'undefined',
      process: 'undefined',
      module: 'undefined',
      Buffer: 'undefined',
    });
  });

  test('answers calls through the bridge as Results', async () => {
    const info = await page.evaluate(() => window.shiftdeck!.invoke('app.info', {}, null));
    expect(info).toMatchObject({ ok: true, value: { demo: true } });
    const unknown = await page.evaluate(() => window.shiftdeck!.invoke('no.such.method', {}, null));
    expect(unknown).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });

  test('serves app pages with the app Content-Security-Policy', async () => {
    const csp = await page.evaluate(async () => (await fetch(location.href)).headers.get('content-security-policy'));
    expect(csp).toBe(APP_CSP);
  });

  test('opens no new window and stays on the app when the page tries to leave', async () => {
    const opened = await page.evaluate(() => window.open('https://example.com/') === null);
    expect(opened).toBe(true);
    expect(app.windows()).toHaveLength(1);
    await page.evaluate(() => {
      window.location.href = 'https://example.com/';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toMatch(/^app:\/\/shiftdeck\//);
  });
});
