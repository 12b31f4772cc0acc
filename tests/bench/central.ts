// The central side for sync benchmarks: an embedded PostgreSQL of their own in a temp dir, migrated
// and seeded like the integration tests' template, a sync service on 127.0.0.1, and kiosks
// enrolled to it. Nothing here imports vitest: benchmarks run under plain tsx (`npm run bench`).
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { sql, type Kysely } from 'kysely';
import { hashPin } from '../../electron/core/auth/pin-hash.js';
import { createKiosk, type Kiosk, type SyncOptions } from '../../electron/core/kiosk.js';
import { createSyncServer } from '../../server/app.js';
import { SERVICE_ROLE, type CentralDatabase } from '../../server/db/central-schema.js';
import { createCentralDb, withCredentials, withDatabase } from '../../server/db/connect.js';
import { seedCentralDemo } from '../../server/db/demo-seed.js';
import { migrateCentral } from '../../server/db/migrate.js';
import { ensureCentralReferenceData } from '../../server/db/reference-data.js';
import { ensureServiceRole } from '../../server/db/roles.js';
import { createEnrollmentCode } from '../../server/devices/enrollment.js';
import { startEmbeddedPostgres } from '../../server/pg/embedded.js';
import { createLiveHub, type LiveHub } from '../../server/sync/live-hub.js';
import { syncRoutes } from '../../server/sync/routes.js';
import { demoSiteId, type DemoSite } from '../../shared/demo.js';

export const cheapHashPin = (pin: string) => hashPin(pin, { N: 1024, r: 8, p: 1, keyLength: 32 });

export interface Central {
  /** The owner's pool (migrations, baselines, looking behind the service's back). */
  admin: Kysely<CentralDatabase>;
  /** The service role's pool, which row-level security holds. */
  service: Kysely<CentralDatabase>;
  serviceUrl: string;
  /** The sync service's base URL, e.g. http://127.0.0.1:40123 */
  url: string;
  app: FastifyInstance;
  hub: LiveHub;
  /** A kiosk enrolled for a demo site on a temp data dir; synced by hand unless `live`. */
  kiosk(siteKey: DemoSite['key'], opts?: Partial<SyncOptions> & { live?: boolean }): Promise<Kiosk>;
  stop(): Promise<void>;
}

/**
 * Starts PostgreSQL (fsync on, as in production, unless BENCH_PG_FAST=1), the central schema with
 * the demo sites, and a sync service that LISTENs for pokes like a deployed one.
 *
 * @example
 * const central = await startCentral();
 * const kiosk = await central.kiosk('restaurant');
 * await central.stop();
 */
export async function startCentral(): Promise<Central> {
  const dir = mkdtempSync(join(tmpdir(), 'shiftdeck-bench-pg-'));
  chmodSync(dir, 0o711);
  const pg = await startEmbeddedPostgres({
    dataDir: join(dir, 'pg'),
    port: 0,
    unsafeFast: process.env.BENCH_PG_FAST === '1',
  });
  const password = randomBytes(18).toString('hex');
  const cluster = createCentralDb({ url: pg.url, max: 1 });
  await ensureServiceRole(cluster, password);
  await sql`CREATE DATABASE shiftdeck_bench`.execute(cluster);
  await cluster.destroy();
  const adminUrl = withDatabase(pg.url, 'shiftdeck_bench');
  const serviceUrl = withCredentials(adminUrl, SERVICE_ROLE, password);
  const admin = createCentralDb({ url: adminUrl, max: 4 });
  await migrateCentral(admin);
  await ensureCentralReferenceData(admin);
  await seedCentralDemo(admin, { hashPin: cheapHashPin });
  const service = createCentralDb({ url: serviceUrl, max: 10 });
  const hub = createLiveHub();
  await hub.listen(serviceUrl, () => undefined);
  const app = await createSyncServer({ db: service, adminDb: admin, plugins: [syncRoutes(hub)] });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  const kiosks: Kiosk[] = [];

  return {
    admin,
    service,
    serviceUrl,
    url,
    app,
    hub,
    async kiosk(siteKey, opts = {}) {
      const { live, ...sync } = opts;
      const { code } = await createEnrollmentCode(service, demoSiteId(siteKey), { ttlMinutes: 60 });
      const kiosk = await createKiosk({
        dataDir: mkdtempSync(join(dir, 'kiosk-')),
        hashPin: cheapHashPin,
        sync: { serverUrl: url, enrollCode: code, manual: !live, ...sync },
      });
      kiosks.push(kiosk);
      return kiosk;
    },
    async stop() {
      for (const k of kiosks) await k.close();
      await app.close();
      await hub.close();
      await service.destroy();
      await admin.destroy();
      await pg.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Percentile `p` (0..1) of `xs`, by nearest rank. */
export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))];
}

/**
 * Watches the kiosk's calls to the sync service (Node's fetch) while `fn` runs: when each push and
 * pull was sent and answered, and the bytes of each request body.
 */
export async function watchFetch<T>(
  fn: () => Promise<T>,
): Promise<{ value: T; calls: { path: string; sentAt: number; answeredAt: number; bodyBytes: number }[] }> {
  const real = globalThis.fetch;
  const calls: { path: string; sentAt: number; answeredAt: number; bodyBytes: number }[] = [];
  globalThis.fetch = async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const body = init?.body;
    const call = {
      path: url.pathname,
      sentAt: performance.now(),
      answeredAt: 0,
      bodyBytes: body instanceof Uint8Array ? body.byteLength : typeof body === 'string' ? Buffer.byteLength(body) : 0,
    };
    calls.push(call);
    const res = await real(input, init);
    call.answeredAt = performance.now();
    return res;
  };
  try {
    return { value: await fn(), calls };
  } finally {
    globalThis.fetch = real;
  }
}

/** Resolves when `kiosk` holds the audit entry `id`, at the data.changed that brought it. */
export function arrival(kiosk: Kiosk, id: string): Promise<number> {
  return new Promise((resolve) => {
    const has = () => kiosk.store.raw.prepare('SELECT 1 FROM audit_log WHERE id = ?').get(id) !== undefined;
    const stop = kiosk.events.subscribe((d) => {
      if (d.event.type === 'data.changed' && has()) {
        stop();
        resolve(performance.now());
      }
    });
  });
}

/** Waits until `check` holds, polling every 10 ms; throws after `ms`. */
export const until = async (check: () => boolean, ms = 10_000) => {
  const t0 = Date.now();
  while (!check()) {
    if (Date.now() - t0 > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
};
