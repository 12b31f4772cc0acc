// `npm start`: builds the app once if needed, then starts the whole site (scripts/start-site.ts):
// embedded PostgreSQL, the sync service and two demo kiosks in browser mode. Where an Electron
// binary is installed, `npm run start:electron` opens the kiosk window instead.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const root = fileURLToPath(new URL('..', import.meta.url));
if (!existsSync(join(root, 'out', 'renderer', 'index.html'))) {
  console.log('Building the kiosk UI (first start only)...');
  const b = spawnSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'inherit' });
  if (b.status !== 0) process.exit(b.status ?? 1);
}
const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'start-site.ts')], {
  cwd: root,
  stdio: 'inherit',
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
