import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { APP_CSP } from '../shared/api/security-headers.js';

const root = fileURLToPath(new URL('.', import.meta.url));
const outDir = fileURLToPath(new URL('../out/renderer', import.meta.url));

/**
 * The built page carries the app's Content-Security-Policy as a meta tag too (the host and the
 * Electron protocol also send it as a header). Only in the build: the dev server needs an inline
 * script for React Fast Refresh. `frame-ancestors` is dropped because a meta tag cannot carry it.
 */
const META_CSP = APP_CSP.split('; ')
  .filter((d) => !d.startsWith('frame-ancestors'))
  .join('; ');

const csp = (): Plugin => ({
  name: 'shiftdeck-csp',
  apply: 'build',
  transformIndexHtml: (html) =>
    html.replace(
      '<meta charset="UTF-8" />',
      `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${META_CSP}" />`,
    ),
});

/** Dev only: `SHIFTDECK_HOST=http://127.0.0.1:4310 npx vite --config renderer/vite.config.ts`. */
const host = process.env.SHIFTDECK_HOST ?? 'http://127.0.0.1:4310';

export default defineConfig({
  root,
  base: './',
  plugins: [react(), csp()],
  build: {
    outDir,
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: true,
    // electron-vite would leave the renderer unminified (924 kB instead of 412 kB).
    minify: true,
    // One small app: inline nothing as data: URLs so the CSP stays simple.
    assetsInlineLimit: 0,
  },
  server: {
    port: 5173,
    strictPort: false,
    proxy: {
      '/api': host,
      '/events': { target: host.replace(/^http/, 'ws'), ws: true },
    },
  },
});
