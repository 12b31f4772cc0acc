// `npm start`: a whole site on one machine. Embedded PostgreSQL, the sync service, and one kiosk per
// demo site (the restaurant and the vessel), each enrolled to the service and served in browser
// mode on 127.0.0.1. The restaurant's back-office kiosk is its site hub, and a second restaurant
// kiosk (the floor) syncs through it. Kiosks reach the service through a shore link that can be
// cut from this terminal. Data lives in .data/ and survives restarts; delete .data/ to start over.
import { createInterface } from 'node:readline';
import { existsSync, rmSync, writeFileSync, readFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_SITES, demoSiteId } from '../shared/demo.js';
import { createKiosk, type Kiosk } from '../electron/core/kiosk.js';
import { createLogger } from '../electron/core/log.js';
import { appRoot } from '../electron/core/paths.js';
import { createHttpHost } from '../electron/host/http-host.js';
import { createSyncServer } from '../server/app.js';
import { openCentral } from '../server/central.js';
import { seedCentralDemo } from '../server/db/demo-seed.js';
import { createEnrollmentCode } from '../server/devices/enrollment.js';
import { channelsFromConfig } from '../server/notifications/channels.js';
import { createDeliveryWorker } from '../server/notifications/worker.js';
import { createLiveHub } from '../server/sync/live-hub.js';
import { syncRoutes } from '../server/sync/routes.js';
import { startShoreLink } from './shore-link.js';

const dataRoot = process.env.SHIFTDECK_DATA ?? join(appRoot, '.data');
const servicePort = Number(process.env.SHIFTDECK_SERVICE_PORT ?? 7400);
const kioskPorts = {
  restaurant: Number(process.env.SHIFTDECK_RESTAURANT_PORT ?? 7410),
  vessel: Number(process.env.SHIFTDECK_VESSEL_PORT ?? 7411),
  floor: Number(process.env.SHIFTDECK_FLOOR_PORT ?? 7412),
};
const linkPort = Number(process.env.SHIFTDECK_SHORE_LINK_PORT ?? 7401);
const hubPort = Number(process.env.SHIFTDECK_HUB_PORT ?? 7480);

/** The kiosks `npm start` runs: one per demo site, plus the restaurant's floor kiosk behind its hub. */
const STARTED = [
  ...DEMO_SITES.map((site) => ({ dir: `kiosk-${site.key}`, site, port: kioskPorts[site.key], floor: false })),
  {
    dir: 'kiosk-restaurant-floor',
    site: DEMO_SITES.find((s) => s.key === 'restaurant')!,
    port: kioskPorts.floor,
    floor: true,
  },
];

async function main() {
  mkdirSync(dataRoot, { recursive: true });
  const log = createLogger({ name: 'shiftdeck' });
  const t0 = Date.now();
  const central = await openCentral({ dataDir: join(dataRoot, 'central') });
  // A new central database means the kiosks' device tokens mean nothing any more: start them afresh.
  const marker = join(dataRoot, 'central-id');
  const centralId = central.migrations.applied.length
    ? String(Date.now())
    : existsSync(marker)
      ? readFileSync(marker, 'utf8')
      : String(Date.now());
  if (central.migrations.applied.length) {
    for (const k of STARTED) rmSync(join(dataRoot, k.dir), { recursive: true, force: true });
  }
  writeFileSync(marker, centralId);
  await seedCentralDemo(central.service);

  const hub = createLiveHub();
  await hub.listen(central.serviceUrl, (err) => log.error({ err }, 'LISTEN connection failed'));
  const service = await createSyncServer({
    db: central.service,
    adminDb: central.admin,
    log: log as never,
    plugins: [syncRoutes(hub)],
  });
  const serviceUrl = await service.listen({ host: '127.0.0.1', port: servicePort });
  log.info({ url: serviceUrl, database: central.where }, 'sync service ready');
  // Email ashore needs a relay: set SHIFTDECK_SMTP_URL and SHIFTDECK_MAIL_FROM (and for the webhook
  // SHIFTDECK_WEBHOOK_URL and SHIFTDECK_WEBHOOK_SECRET); without them the worker stays off.
  const { channels, notes } = channelsFromConfig({}, process.env);
  const worker =
    channels.email || channels.webhook
      ? createDeliveryWorker({ db: central.service, channels, clock: { now: Date.now }, log: log as never })
      : null;
  worker?.start();
  for (const note of notes) log.info(note);
  log.info(
    worker
      ? 'notification delivery ashore is on'
      : 'notification delivery ashore is off (no SMTP relay or webhook set)',
  );
  const link = await startShoreLink({
    target: { host: '127.0.0.1', port: Number(new URL(serviceUrl).port) },
    port: linkPort,
  });

  const kiosks: { kiosk: Kiosk; close(): Promise<void> }[] = [];
  const lines: string[] = [];
  let hubUrl: string | undefined;
  for (const { dir, site, port, floor } of STARTED) {
    const dataDir = join(dataRoot, dir);
    const enrolled = existsSync(join(dataDir, 'shiftdeck.db'));
    const code = enrolled
      ? undefined
      : (await createEnrollmentCode(central.service, demoSiteId(site.key), { ttlMinutes: 10 })).code;
    const isHub = site.key === 'restaurant' && !floor;
    const kiosk = await createKiosk({
      dataDir,
      log: createLogger({ name: floor ? 'kiosk-restaurant-floor' : `kiosk-${site.key}` }),
      sync: {
        serverUrl: link.url,
        enrollCode: code,
        deviceName: floor ? `${site.name} floor kiosk` : `${site.name} kiosk`,
        ...(isHub ? { hubListen: { host: '127.0.0.1', port: hubPort } } : {}),
        ...(floor && hubUrl ? { hubs: [hubUrl] } : {}),
      },
    });
    if (isHub) hubUrl = kiosk.hubUrl;
    const host = await createHttpHost({ kiosk, rendererDir: join(appRoot, 'out', 'renderer') });
    const url = await host.listen({ host: '127.0.0.1', port });
    kiosks.push({
      kiosk,
      close: async () => {
        await host.close();
        await kiosk.close();
      },
    });
    const role = isHub ? ', back office, site hub' : floor ? ', floor, syncs through the hub' : '';
    lines.push(``, `${site.name} (${site.kind}${role}) kiosk: ${url}/`);
    if (floor) continue;
    lines.push(`  Demo people (name, role, PIN):`);
    for (const p of site.people) lines.push(`    ${p.name.padEnd(18)} ${p.role.padEnd(11)} ${p.pin}`);
  }

  console.log(
    [
      '',
      `Shiftdeck is running (${((Date.now() - t0) / 1000).toFixed(1)} s).`,
      `  Central database: ${central.where}`,
      `  Sync service:     ${serviceUrl} (kiosks reach it through the shore link ${link.url})`,
      `  Site hub:         ${hubUrl ?? '-'} (Le Petit Bistro's back-office kiosk)`,
      ...lines,
      '',
      'Open a kiosk URL in a browser and sign in with a PIN. Ctrl+C stops everything; data stays in .data/.',
      '',
      'Shore away: type "cut" and Enter here to cut the line to shore, "restore" to bring it back.',
      'With shore cut, a change on one restaurant kiosk still shows on the other through the hub',
      '(waiting for shore); once restored, the hub relays it and shore confirms or refuses it.',
    ].join('\n'),
  );
  createInterface({ input: process.stdin }).on('line', (line) => {
    const word = line.trim().toLowerCase();
    if (word === 'cut') {
      link.cut();
      console.log('Shore is cut: the kiosks work on, the restaurant ones through their hub.');
    } else if (word === 'restore') {
      link.restore();
      console.log('Shore is back: held changes go to shore now.');
    } else if (word) console.log('Type "cut" or "restore".');
  });

  let stopping = false;
  const shutdown = async () => {
    for (const k of kiosks) await k.close().catch(() => undefined);
    await link.close();
    await worker?.stop();
    await service.close();
    await hub.close();
    await central.close();
  };
  // A signal handler cannot await: a failed close is reported and still ends the process
  // instead of an unhandled rejection that leaves it half stopped.
  const stop = () => {
    if (stopping) return;
    stopping = true;
    shutdown().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(`Shiftdeck did not stop cleanly: ${err instanceof Error ? err.message : String(err)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err) => {
  console.error(`Shiftdeck could not start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
