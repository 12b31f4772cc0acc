import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { onTestFinished } from 'vitest';
import { demoSiteId, type DemoSite } from '../../shared/demo.js';
import { createManualClock, type Clock } from '../../electron/core/clock.js';
import { createKiosk, type Kiosk, type SyncOptions } from '../../electron/core/kiosk.js';
import { deviceKey } from '../../electron/core/device-key.js';
import { createOutboxSigner } from '../../electron/core/sync/outbox-signatures.js';
import { mutationSigner } from '../../shared/sync/mutation-signature.js';
import { createSyncServer } from '../../server/app.js';
import type { CentralDatabase } from '../../server/db/central-schema.js';
import { seedCentralDemo } from '../../server/db/demo-seed.js';
import { ensureCentralIdentity } from '../../server/db/central-identity.js';
import { createEnrollmentCode } from '../../server/devices/enrollment.js';
import { createLiveHub, type LiveHub } from '../../server/sync/live-hub.js';
import { syncRoutes } from '../../server/sync/routes.js';
import { cheapHashPin } from './kiosk.js';
import { createTestDatabase, type TestDatabase } from './postgres.js';
import { startTcpProxy } from './tcp-proxy.js';
import { makeTempDir } from './tmp.js';

export interface TestService {
  db: TestDatabase;
  app: FastifyInstance;
  hub: LiveHub;
  url: string;
  /** A one-time enrollment code for a demo site. */
  code(siteKey: DemoSite['key']): Promise<string>;
  close(): Promise<void>;
}

/**
 * A real sync service on 127.0.0.1 over a fresh central database seeded with the demo sites.
 * `clock` is the service's own (its receive times); `listen` makes it LISTEN for other instances' pokes (pass the same database to start a second instance).
 */
export async function startService(
  opts: { db?: TestDatabase; listen?: boolean; seed?: boolean; clock?: { now(): number } } = {},
): Promise<TestService> {
  const db = opts.db ?? (await createTestDatabase());
  if (opts.seed !== false && !opts.db) await seedCentralDemo(db.service, { hashPin: cheapHashPin });
  // As the service's start does (server/central.ts): a restored copy gets a new epoch here.
  await ensureCentralIdentity(db.admin);
  const hub = createLiveHub();
  if (opts.listen) await hub.listen(db.serviceUrl, () => undefined);
  const app = await createSyncServer({
    db: db.service,
    adminDb: db.admin,
    clock: opts.clock,
    plugins: [syncRoutes(hub)],
  });
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await app.close();
    await hub.close();
  };
  onTestFinished(close);
  return {
    db,
    app,
    hub,
    url: address,
    code: async (siteKey) =>
      (await createEnrollmentCode(db.service as Kysely<CentralDatabase>, demoSiteId(siteKey), { ttlMinutes: 60 })).code,
    close,
  };
}

/**
 * A kiosk enrolled to `service` for a demo site, on its own temp data dir; synced by hand unless
 * `live`. `clock` is the kiosk's own (a wrong one, say); the rest goes to its sync options.
 */
export async function enrolledKiosk(
  service: { url: string; code(k: DemoSite['key']): Promise<string> },
  siteKey: DemoSite['key'],
  opts: Partial<SyncOptions> & { dataDir?: string; live?: boolean; clock?: Clock } = {},
): Promise<{ kiosk: Kiosk; dataDir: string }> {
  const { dataDir: given, live, clock, ...sync } = opts;
  const dataDir = given ?? makeTempDir('shiftdeck-synced-');
  const kiosk = await createKiosk({
    dataDir,
    hashPin: cheapHashPin,
    clock,
    sync: {
      serverUrl: service.url,
      enrollCode: given ? undefined : await service.code(siteKey),
      manual: !live,
      pushDelayMs: 5,
      pollMs: 60_000,
      // Off unless a test asks: most count the outbox entries their own steps queue.
      deviceReports: false,
      ...sync,
    },
  });
  onTestFinished(() => kiosk.close());
  return { kiosk, dataDir };
}

export const siteOf = (key: DemoSite['key']) => demoSiteId(key);

/**
 * A sync service on a manual clock at `start` and two reporting kiosks of the restaurant on the
 * same clock, its back office and its floor, both synced once: a site whose kiosks know each other.
 */
export async function restaurantOfficeAndFloor(start = '2026-11-22T09:00:00Z') {
  const clock = createManualClock(Date.parse(start));
  const service = await startService({ clock });
  const kioskNamed = async (deviceName: string) =>
    (await enrolledKiosk(service, 'restaurant', { clock, deviceName, deviceReports: true })).kiosk;
  const office = await kioskNamed('Back office');
  const floor = await kioskNamed('Floor kiosk');
  for (let i = 0; i < 3; i++) for (const k of [office, floor]) await k.sync!.syncNow();
  return { clock, service, office, floor };
}

/** The device token a kiosk got at enrollment. */
export const deviceTokenOf = (k: Kiosk) =>
  (k.store.raw.prepare("SELECT value FROM meta WHERE key = 'sync.token'").get() as { value: string }).value;

/**
 * Hand-made mutations signed with the kiosk's own device key, as a tampered kiosk (which holds its
 * key) could sign them: the service's other checks must hold for validly signed mutations too.
 */
export async function signedAs<
  M extends { seq: number; name: string; version: number; hlc: string; userId: string | null; args: unknown },
>(kiosk: Kiosk, mutations: M[]): Promise<(M & { sig: string })[]> {
  const sign = mutationSigner((await deviceKey(kiosk.store)).privateKeyPem);
  return mutations.map((m) => ({ ...m, sig: sign({ ...m, deviceId: kiosk.deviceId, siteId: kiosk.siteId }) }));
}

/** Signs every outbox entry again with the kiosk's own key, as a kiosk whose outbox was edited by hand (a tampered kiosk) would. */
export async function resignOutbox(kiosk: Kiosk): Promise<void> {
  const sign = mutationSigner((await deviceKey(kiosk.store)).privateKeyPem);
  const signer = createOutboxSigner({ store: kiosk.store, deviceId: kiosk.deviceId, siteId: kiosk.siteId, sign });
  await kiosk.store.transaction(async () => signer.resignFrom(0));
}

/** A raw push in the kiosk's name, as a tampered kiosk could send it (the service must not trust it), signed with its key. */
export async function rawPush(
  service: { url: string },
  kiosk: Kiosk,
  mutations: { seq: number; name: string; version: number; hlc: string; userId: string | null; args: unknown }[],
) {
  const res = await fetch(`${service.url}/v1/push`, {
    method: 'POST',
    headers: { authorization: `Bearer ${deviceTokenOf(kiosk)}`, 'content-type': 'application/json' },
    body: JSON.stringify({ clientTime: Date.now(), mutations: await signedAs(kiosk, mutations) }),
  });
  return { status: res.status, body: (await res.json()) as unknown };
}

/**
 * A site whose link to shore can be cut: shore behind a TCP proxy, a hub kiosk (relaying by hand:
 * `restore` relays and pulls), and one kiosk per name syncing through the hub, each synced once
 * while shore answers so the hub has shore's word on who they are. `clockFor` gives each kiosk
 * its own clock (a shared world time, say); the hub gets the first.
 */
export async function siteBehindHub(
  service: TestService,
  siteKey: DemoSite['key'],
  names: readonly string[],
  clockFor: () => Clock | undefined = () => undefined,
) {
  const shore = await startTcpProxy(service.url);
  const viaShore = { url: shore.url, code: service.code };
  const { kiosk: hub } = await enrolledKiosk(viaShore, siteKey, {
    hubListen: { host: '127.0.0.1', port: 0 },
    hubManual: true,
    deviceName: 'Hub',
    clock: clockFor(),
  });
  await hub.hub!.upstream.pullNow();
  const kiosks: Kiosk[] = [];
  for (const deviceName of names)
    kiosks.push((await enrolledKiosk(viaShore, siteKey, { hubs: [hub.hubUrl!], deviceName, clock: clockFor() })).kiosk);
  const syncAll = async () => {
    for (const k of [hub, ...kiosks]) await k.sync!.syncNow();
  };
  await syncAll();
  return {
    shore,
    hub,
    kiosks,
    syncAll,
    /** Shore stops answering (the satellite link is down). */
    cut() {
      shore.set({ mode: 'drop-request' });
      shore.reset();
    },
    /** Shore answers again; the hub relays what it holds and pulls. */
    async restore() {
      shore.set({ mode: 'pass' });
      await hub.hub!.upstream.pullNow();
      await hub.hub!.upstream.relayNow();
      await hub.hub!.upstream.pullNow();
    },
  };
}
