// `npm start`: a whole site on one machine. Embedded PostgreSQL, the sync service, and one kiosk per
// demo site (the restaurant and the vessel), each enrolled to the service and served in browser
// mode on 127.0.0.1. Data lives in .data/ and survives restarts; delete .data/ to start over.
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
import { createLiveHub } from '../server/sync/live-hub.js';
import { syncRoutes } from '../server/sync/routes.js';

const dataRoot = process.env.SHIFTDECK_DATA ?? join(appRoot, '.data');
const servicePort = Number(process.env.SHIFTDECK_SERVICE_PORT ?? 7400);
const kioskPorts = {
  restaurant: Number(process.env.SHIFTDECK_RESTAURANT_PORT ?? 7410),
  vessel: Number(process.env.SHIFTDECK_VESSEL_PORT ?? 7411),
};

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
    for (const site of DEMO_SITES) rmSync(join(dataRoot, `kiosk-${site.key}`), { recursive: true, force: true });
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

  const kiosks: { kiosk: Kiosk; close(): Promise<void> }[] = [];
  const lines: string[] = [];
  for (const site of DEMO_SITES) {
    const dataDir = join(dataRoot, `kiosk-${site.key}`);
    const enrolled = existsSync(join(dataDir, 'shiftdeck.db'));
    const code = enrolled
      ? undefined
      : (await createEnrollmentCode(central.service, demoSiteId(site.key), { ttlMinutes: 10 })).code;
    const kiosk = await createKiosk({
      dataDir,
      log: createLogger({ name: `kiosk-${site.key}` }),
      sync: { serverUrl: serviceUrl, enrollCode: code, deviceName: `${site.name} kiosk` },
    });
    const host = await createHttpHost({ kiosk, rendererDir: join(appRoot, 'out', 'renderer') });
    const url = await host.listen({ host: '127.0.0.1', port: kioskPorts[site.key] });
    kiosks.push({
      kiosk,
      close: async () => {
        await host.close();
        await kiosk.close();
      },
    });
    lines.push(``, `${site.name} (${site.kind}) kiosk: ${url}/`, `  Demo people (name, role, PIN):`);
    for (const p of site.people) lines.push(`    ${p.name.padEnd(18)} ${p.role.padEnd(11)} ${p.pin}`);
  }

  console.log(
    [
      '',
      `Shiftdeck is running (${((Date.now() - t0) / 1000).toFixed(1)} s).`,
      `  Central database: ${central.where}`,
      `  Sync service:     ${serviceUrl}`,
      ...lines,
      '',
      'Open a kiosk URL in a browser and sign in with a PIN. Ctrl+C stops everything; data stays in .data/.',
    ].join('\n'),
  );

  let stopping = false;
  const shutdown = async () => {
    for (const k of kiosks) await k.close().catch(() => undefined);
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
