import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const built = join(root, 'out', 'renderer', 'index.html');

/** Newest modification time of any file under `dir`. */
function newest(dir: string): number {
  let max = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    max = Math.max(max, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return max;
}

/**
 * Bundles the kiosk host (electron/host/cli.ts and what it imports; packages stay in node_modules)
 * into out/host/cli.mjs, every run. Each e2e test starts its own host, and plain Node starts the
 * bundle seconds sooner than tsx compiling the core's few hundred files at every start. It sits two
 * folders under the root, like the sources, so their `import.meta.url` paths (the app root, the
 * migrations) resolve the same.
 */
function bundleHost() {
  execFileSync(
    join(root, 'node_modules', 'esbuild', 'bin', 'esbuild'),
    [
      join('electron', 'host', 'cli.ts'),
      '--bundle',
      '--platform=node',
      '--format=esm',
      '--target=node20',
      '--packages=external',
      `--outfile=${join('out', 'host', 'cli.mjs')}`,
      '--log-level=warning',
    ],
    { cwd: root, stdio: 'inherit' },
  );
}

/**
 * Builds the renderer when out/renderer is missing or older than its sources (renderer/ and the
 * shared/ code it imports), so a test never runs against a stale page; bundles the kiosk host.
 */
export default function globalSetup() {
  bundleHost();
  const stale =
    !existsSync(built) ||
    Math.max(newest(join(root, 'renderer')), newest(join(root, 'shared'))) > statSync(built).mtimeMs;
  if (!stale) return;
  console.log('[e2e] building the renderer (out/renderer)…');
  execFileSync(
    process.execPath,
    [
      join(root, 'node_modules', 'vite', 'bin', 'vite.js'),
      'build',
      '--config',
      'renderer/vite.config.ts',
      '--logLevel',
      'warn',
    ],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
}
