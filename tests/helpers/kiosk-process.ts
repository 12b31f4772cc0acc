import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { onTestFinished } from 'vitest';
import { appRoot, localMigrationsDir } from '../../electron/core/paths.js';

const CHILD = fileURLToPath(new URL('./kiosk-child.ts', import.meta.url));

const bundled = new Map<string, Promise<string[]>>();

/**
 * How to start the child: bundled with esbuild (tsx's own), which starts in a fraction of the
 * time `--import tsx` takes to load the sources, so many restarts fit in a test; `--import tsx` on
 * the source when esbuild cannot be loaded. The bundle is named by its content and sits under the
 * project's node_modules/.cache, so its packages resolve and concurrent runs share it.
 */
function childCommand(script: string): Promise<string[]> {
  let command = bundled.get(script);
  if (!command) bundled.set(script, (command = bundle(script)));
  return command;
}

async function bundle(script: string): Promise<string[]> {
  try {
    const { build } = await import('esbuild');
    const result = await build({
      entryPoints: [script],
      bundle: true,
      platform: 'node',
      format: 'esm',
      packages: 'external',
      write: false,
      logLevel: 'error',
    });
    const code = result.outputFiles[0].contents;
    const dir = join(appRoot, 'node_modules', '.cache', 'shiftdeck-tests');
    const file = join(dir, `kiosk-child-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.mjs`);
    if (!existsSync(file)) {
      mkdirSync(dir, { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, code);
      renameSync(tmp, file);
    }
    return [file];
  } catch {
    return ['--import', 'tsx', script];
  }
}

export interface KioskProcess {
  readonly child: ChildProcess;
  /** Every `ack <table>:<id>` the process printed: rows committed on its kiosk. */
  readonly acked: string[];
  /** Lines printed so far, in order. */
  readonly lines: string[];
  /** Resolves once a line equal to `line` (or matching it) is printed after this call. */
  next(line: string | RegExp, timeoutMs?: number): Promise<void>;
  /** SIGKILL, then wait until the process is gone. */
  kill(): Promise<void>;
  readonly exited: Promise<number | null>;
}

/**
 * Starts tests/helpers/kiosk-child.ts on an enrolled kiosk's data dir: a kiosk process that
 * writes and syncs until killed (or `script`, another child written the same way). Killed when
 * the test finishes, if still running.
 *
 * @example
 * const p = await spawnKioskProcess(dataDir, 7);
 * await p.next(/^ready /);
 * await p.next('net push sent');
 * await p.kill();
 */
export async function spawnKioskProcess(dataDir: string, seed: number, script = CHILD): Promise<KioskProcess> {
  const child = spawn(process.execPath, [...(await childCommand(script)), dataDir, String(seed), localMigrationsDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const acked: string[] = [];
  const lines: string[] = [];
  let stderr = '';
  const waiters = new Set<{ match: (l: string) => boolean; resolve: () => void }>();
  createInterface({ input: child.stdout! }).on('line', (line) => {
    lines.push(line);
    if (line.startsWith('ack ')) acked.push(line.slice(4));
    for (const w of waiters)
      if (w.match(line)) {
        waiters.delete(w);
        w.resolve();
      }
  });
  child.stderr!.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const kill = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
  };
  onTestFinished(kill);
  return {
    child,
    acked,
    lines,
    exited,
    kill,
    next(line, timeoutMs = 20_000) {
      return new Promise<void>((resolve, reject) => {
        const match = (l: string) => (typeof line === 'string' ? l === line : line.test(l));
        const w = { match, resolve };
        waiters.add(w);
        const timer = setTimeout(() => {
          waiters.delete(w);
          reject(new Error(`kiosk process printed no "${String(line)}" in ${timeoutMs} ms; stderr: ${stderr}`));
        }, timeoutMs);
        void exited.then(() => {
          if (!waiters.has(w)) return;
          waiters.delete(w);
          clearTimeout(timer);
          reject(new Error(`kiosk process exited before "${String(line)}"; stderr: ${stderr}`));
        });
        const done = w.resolve;
        w.resolve = () => {
          clearTimeout(timer);
          done();
        };
      });
    },
  };
}
