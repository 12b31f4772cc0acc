import { fileURLToPath } from 'node:url';
import { defineConfig, devices } from '@playwright/test';
import { writeFakeCamera } from './support/fake-camera.js';

const here = fileURLToPath(new URL('.', import.meta.url));
// Chromium's camera shows this file: a QR code (support/fake-camera.ts).
const fakeCamera = writeFakeCamera(fileURLToPath(new URL('../../out/e2e/fake-camera.y4m', import.meta.url)));

/**
 * Browser end-to-end tests of the kiosk in browser mode. Each test starts its own host on a fresh
 * data directory (see support/kiosk-host.ts), so lockouts and clock jumps never leak between tests.
 * Chromium is Debian's (/usr/bin/chromium); never `npx playwright install` here.
 */
export default defineConfig({
  testDir: here,
  testMatch: '*.spec.ts',
  outputDir: fileURLToPath(new URL('../../test-results/e2e', import.meta.url)),
  globalSetup: fileURLToPath(new URL('./global-setup.ts', import.meta.url)),
  fullyParallel: true,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // scripts/test.sh adds a JSON report on the command line for the CI summary.
  reporter: 'list',
  use: {
    ...devices['Desktop Chrome'],
    // A 15" landscape kiosk.
    viewport: { width: 1280, height: 800 },
    locale: 'en-GB',
    timezoneId: 'Europe/Paris',
    // Buttons fade their background for 80 ms; axe's contrast check must never sample mid-fade.
    contextOptions: { reducedMotion: 'reduce' },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.SHIFTDECK_CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-quic',
        '--no-first-run',
        // A camera that shows a test pattern, allowed without a prompt: the photo and QR camera paths run.
        '--use-fake-device-for-media-stream',
        '--use-fake-ui-for-media-stream',
        `--use-file-for-fake-video-capture=${fakeCamera}`,
      ],
    },
  },
});
