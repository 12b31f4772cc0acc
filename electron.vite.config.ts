import { fileURLToPath } from 'node:url';
import { defineConfig, mergeConfig } from 'electron-vite';
import renderer from './renderer/vite.config.js';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/**
 * `electron-vite build` → out/main/index.js (ESM, the package's "main"), out/preload/index.cjs,
 * out/renderer/. The renderer reuses renderer/vite.config.ts (@vitejs/plugin-react, the CSP meta
 * tag, asset rules), so the browser mode and Electron ship the same page. Needs no Electron binary.
 */
export default defineConfig({
  main: {
    build: {
      outDir: here('out/main'),
      rolldownOptions: {
        input: { index: here('electron/main/index.ts') },
        // Native module: loaded from node_modules at run time, rebuilt for Electron when packaging.
        external: ['better-sqlite3'],
        // One file, so the core's paths (relative to its own module URL) resolve from out/main.
        output: { codeSplitting: false },
      },
    },
  },
  preload: {
    build: {
      outDir: here('out/preload'),
      // A sandboxed preload can require nothing but 'electron': bundle everything, as CommonJS.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: here('electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: mergeConfig(renderer, {
    root: here('renderer'),
    build: {
      outDir: here('out/renderer'),
      rolldownOptions: { input: here('renderer/index.html') },
    },
  }),
});
