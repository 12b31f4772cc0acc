import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../..', import.meta.url));
/**
 * Where every e2e kiosk's clock starts: Sunday 22 Nov 2026, 10:00 in Paris. Tests that read dates
 * (the week of classes, lockout ends) are written against this instant, never against today.
 */
export const TEST_CLOCK_START = '2026-11-22T09:00:00Z';

/**
 * The calendar day `days` after the test clock's start (site time: 09:00Z is 10:00 in Paris, the
 * same day), as YYYY-MM-DD: what tests type into date fields instead of reading today's date.
 *
 * @example testClockDay(7) // '2026-11-29'
 */
export function testClockDay(days = 0): string {
  return new Date(Date.parse(TEST_CLOCK_START) + days * 86_400_000).toISOString().slice(0, 10);
}

const READY = /Shiftdeck kiosk ready at (http:\/\/127\.0\.0\.1:\d+\/)/;

export interface KioskHost {
  /** Base URL, with the trailing slash. */
  url: string;
  /** The instant the host's manual clock started at (ms since the epoch). */
  clockStart: number;
  dataDir: string;
  /** Moves the core's test clock forward and runs its timers (idle lock, lockout expiry). */
  advanceClock(ms: number): Promise<void>;
  /** Everything the host printed, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

/** A TCP port free on loopback right now. */
export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });

/**
 * Starts the kiosk host (`electron/host/cli.ts`, bundled) on a fresh temp data dir with the demo restaurant (or enrolled to
 * the sync service `sync`) and the test clock started at `clockStart` (TEST_CLOCK_START by
 * default), serving the built renderer, and resolves once it prints its ready line.
 *
 * @example
 * const host = await startKioskHost();
 * await page.goto(host.url);
 * await host.stop();
 */
export async function startKioskHost({
  site = 'restaurant',
  startupMs = 60_000,
  clockStart = TEST_CLOCK_START,
  sync,
  fuelFeed,
}: {
  site?: string;
  /** Where a vessel kiosk listens for NMEA (electron/core/fuel/feed-config.ts). */
  fuelFeed?: { udpPort?: number; tcpPort?: number };
  startupMs?: number;
  clockStart?: string;
  sync?: { server?: string; enrollCode: string; routes?: unknown[]; name?: string };
} = {}): Promise<KioskHost> {
  const dataDir = await mkdtemp(join(tmpdir(), 'shiftdeck-e2e-'));
  const args = [
    // Bundled by global-setup.ts from electron/host/cli.ts.
    join(root, 'out', 'host', 'cli.mjs'),
    '--data-dir',
    dataDir,
    '--port',
    // Port 0: the host binds a free port itself and prints it in its ready line, so two workers
    // never race for a port picked here and freed before the host binds it (EADDRINUSE).
    '0',
    // Enrolled to a real sync service instead of a standalone demo site.
    // Without `server`, the enrol code is the text of a scanned QR code, which names the service.
    ...(sync
      ? [...(sync.server ? ['--server', sync.server] : []), '--enroll-code', sync.enrollCode]
      : ['--site', site, '--demo']),
    ...(sync?.routes ? ['--routes', JSON.stringify(sync.routes)] : []),
    ...(sync?.name ? ['--name', sync.name] : []),
    ...(fuelFeed ? ['--fuel-feed', JSON.stringify(fuelFeed)] : []),
    '--test-clock',
    clockStart,
    '--renderer-dir',
    join(root, 'out', 'renderer'),
  ];
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_ENV: 'test' },
  });
  let log = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`kiosk host did not get ready in ${startupMs} ms:\n${log}`)),
      startupMs,
    );
    const onData = (chunk: Buffer) => {
      log += chunk.toString('utf8');
      const m = READY.exec(log);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`kiosk host exited with ${code} before it was ready:\n${log}`));
    });
  }).catch(async (err) => {
    child.kill('SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
    throw err;
  });

  return {
    url,
    clockStart: Date.parse(clockStart),
    dataDir,
    output: () => log,
    async advanceClock(ms) {
      const res = await fetch(new URL('__test/clock', url), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ advanceMs: ms }),
      });
      if (!res.ok) throw new Error(`POST /__test/clock answered ${res.status}: ${await res.text()}`);
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
      }
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
