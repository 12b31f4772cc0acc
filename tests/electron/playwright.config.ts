import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';

/**
 * The Electron smoke suite: launches the built app (`npm run build` first) through Playwright's
 * `_electron`. On machines without an Electron binary every test is skipped, with the reason.
 * Run: `npx playwright test -c tests/electron/playwright.config.ts`.
 */
export default defineConfig({
  testDir: fileURLToPath(new URL('.', import.meta.url)),
  testMatch: '*.spec.ts',
  outputDir: fileURLToPath(new URL('../../test-results/electron', import.meta.url)),
  // One app at a time: each launch opens its own SQLite database and takes a single-instance lock.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: 'list',
});
