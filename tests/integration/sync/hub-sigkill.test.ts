import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { createInterface } from 'node:readline';
import { sql } from 'kysely';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createKiosk, type Kiosk } from '../../../electron/core/kiosk.js';
import { appRoot } from '../../../electron/core/paths.js';
import { newId } from '../../../shared/ids.js';
import { recordAuthEvent } from '../../../shared/mutations/audit.js';
import { cheapHashPin } from '../../helpers/kiosk.js';
import { enrolledKiosk, startService } from '../../helpers/sync.js';
import { startTcpProxy } from '../../helpers/tcp-proxy.js';
import { makeTempDir } from '../../helpers/tmp.js';

const device = { userId: null, permissions: [] };

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

/** The hub as its own process (electron/host/cli.ts --hub-listen), so it can be SIGKILLed. */
async function spawnHub(dataDir: string, shoreUrl: string) {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'electron/host/cli.ts',
      '--data-dir',
      dataDir,
      '--port',
      '0',
      '--server',
      shoreUrl,
      '--hub-listen',
      `127.0.0.1:${port}`,
      '--quiet',
    ],
    { cwd: appRoot, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  onTestFinished(async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  await new Promise<void>((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (line.startsWith('Shiftdeck kiosk ready')) resolve();
    });
    void exited.then(() => reject(new Error(`the hub process ended: ${stderr}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
  };
}

async function writeAudits(k: Kiosk, n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const id = newId();
    ids.push(id);
    await k.runner.run(recordAuthEvent, { id, action: 'auth.sign_in', subjectUserId: null, detail: { i } }, device);
  }
  return ids;
}

const until = async (check: () => Promise<boolean>, what: string) => {
  for (let i = 0; i < 400; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`gave up waiting for ${what}`);
};

describe('a site hub SIGKILLed', () => {
  it('mid-relay: its kiosk falls back to the standby, nothing is lost and nothing applied twice', async () => {
    const service = await startService();
    const shore = await startTcpProxy(service.url);
    // The hub's data dir is an enrolled kiosk, as any kiosk made the hub in its settings.
    const hubDir = makeTempDir('shiftdeck-hub-');
    const enrolling = await createKiosk({
      dataDir: hubDir,
      hashPin: cheapHashPin,
      sync: { serverUrl: shore.url, enrollCode: await service.code('restaurant'), manual: true, deviceReports: false },
    });
    await enrolling.close();
    const hub = await spawnHub(hubDir, shore.url);
    const { kiosk: standby } = await enrolledKiosk({ url: shore.url, code: service.code }, 'restaurant', {
      hubListen: { host: '127.0.0.1', port: 0 },
    });
    const { kiosk: a } = await enrolledKiosk({ url: shore.url, code: service.code }, 'restaurant', {
      hubs: [hub.url, standby.hubUrl!],
    });
    await a.sync!.syncNow();
    expect(a.sync!.upstream).toBe(hub.url);

    const lastSeq = async () =>
      (await sql<{ s: number }>`SELECT last_seq AS s FROM devices WHERE id = ${a.deviceId}`.execute(service.db.admin))
        .rows[0].s;

    // Shore away: the hub holds A's changes. Shore back: the hub relays them by itself, but A
    // has not heard shore's answer, so they are still pending on A.
    shore.set({ mode: 'drop-request' });
    shore.reset();
    const first = await writeAudits(a, 5);
    await a.sync!.syncNow();
    expect(await lastSeq()).toBe(0);
    shore.set({ mode: 'pass' });
    await until(async () => (await lastSeq()) >= 5, 'the hub to relay the held changes');
    expect(a.store.raw.prepare("SELECT COUNT(*) FROM outbox WHERE status = 'pending'").pluck().get()).toBe(5);

    // Shore slow now: the hub is killed while it passes A's next push on.
    shore.set({ mode: 'delay', delayMs: 400, only: '/v1/push' });
    const before = shore.count('delay', '/v1/push');
    const second = await writeAudits(a, 5);
    const pushing = a.sync!.syncNow();
    await until(async () => shore.count('delay', '/v1/push') > before, 'the hub to pass the push on');
    await hub.kill();
    await pushing;
    shore.set({ mode: 'pass' });

    // Failure counting moves A to the standby, which passes everything to shore.
    for (let i = 0; i < 3 && a.sync!.upstream !== standby.hubUrl; i++) await a.sync!.syncNow();
    expect(a.sync!.upstream).toBe(standby.hubUrl);
    await a.sync!.syncNow();
    expect(a.store.raw.prepare("SELECT COUNT(*) FROM outbox WHERE status <> 'applied'").pluck().get()).toBe(0);
    const ids = [...first, ...second];
    const central = await sql<{
      id: string;
      n: number;
    }>`SELECT id::text, count(*)::int AS n FROM audit_log WHERE id::text = ANY(${ids}) GROUP BY id`.execute(
      service.db.admin,
    );
    expect(central.rows.map((r) => r.n)).toEqual(ids.map(() => 1));
    expect(await lastSeq()).toBe(a.store.raw.prepare('SELECT MAX(seq) FROM outbox').pluck().get());
    const conflicts = await sql<{ n: number }>`SELECT count(*)::int AS n FROM conflicts`.execute(service.db.admin);
    expect(conflicts.rows[0].n).toBe(0);
  });
});
