import { parseArgs } from 'node:util';
import { join, resolve } from 'node:path';
import { DEMO_SITES } from '../../shared/demo.js';
import { createManualClock } from '../core/clock.js';
import type { FuelFeedConfig } from '../core/fuel/feed-config.js';
import { createKiosk } from '../core/kiosk.js';
import { ENROL_PREFIX, readEnrolInput } from '../../shared/devices/enrol-payload.js';
import { appRoot } from '../core/paths.js';
import { createLogger } from '../core/log.js';
import { createHttpHost } from './http-host.js';
import { parseTestClockStart } from './test-clock-start.js';
import type { Route } from '../../shared/sync/link-monitor.js';

const USAGE = `Usage:
  tsx electron/host/cli.ts --data-dir DIR [--port 0] --site restaurant|vessel --demo [--test-clock ISO-INSTANT] [--renderer-dir DIR]
      a standalone demo kiosk (no sync service); --test-clock starts a manual clock at that instant
      (e.g. 2026-11-22T09:00:00Z) that only POST /__test/clock moves, for tests
  either form takes --fuel-feed '{"udpPort":10110,"tcpPort":10110}': a vessel kiosk listens for the
      ship's NMEA 0183 there
  tsx electron/host/cli.ts --data-dir DIR [--port 0] --server URL [--enroll-code CODE] [--name NAME]
                          [--hub-listen HOST:PORT] [--hub URL ...] [--discover-hubs] [--routes JSON]
      a kiosk replicating through the sync service at URL; the first start needs a one-time code.
      --enroll-code also takes the text of the QR code on the admin screen's Devices panel
      (shiftdeck-enrol:server=...&code=...), which names the service: --server may then be left out.
      --hub-listen makes it its site's hub on the LAN (a second hub is the standby), announced
      over DNS-SD/mDNS unless it listens on loopback; --hub syncs through a hub first (repeat it:
      the hub, then its standby), falling back to shore; --discover-hubs also looks on the LAN;
      --routes '[{"name":"lan","url":"http://hub:7400","priority":1,"cost":0,"expensive":false},...]'
      gives it several routes upstream, probed and failed over by the link monitor (a route that
      is a hub must also be given with --hub)`;

/** `host:port` of --hub-listen (IPv6 in brackets), or exits with the usage. */
function parseHostPort(text: string): { host: string; port: number } {
  const m = /^(\[[^\]]+\]|[^:]+):(\d{1,5})$/.exec(text);
  const port = m ? Number(m[2]) : NaN;
  if (!m || port > 65535) {
    console.error(`--hub-listen wants HOST:PORT, e.g. 0.0.0.0:7480 (got "${text}").\n${USAGE}`);
    process.exit(2);
  }
  return { host: m[1].replace(/^\[|\]$/g, ''), port };
}

/** Starts a headless kiosk in browser mode; prints its URL (and the demo PINs) when ready. */
export async function main(argv = process.argv.slice(2)) {
  const { values } = parseArgs({
    args: argv,
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string', default: '0' },
      site: { type: 'string', default: 'restaurant' },
      demo: { type: 'boolean', default: false },
      'test-clock': { type: 'string' },
      'renderer-dir': { type: 'string', default: join(appRoot, 'out', 'renderer') },
      quiet: { type: 'boolean', default: false },
      server: { type: 'string' },
      'enroll-code': { type: 'string' },
      name: { type: 'string' },
      routes: { type: 'string' },
      'hub-listen': { type: 'string' },
      hub: { type: 'string', multiple: true },
      'discover-hubs': { type: 'boolean', default: false },
      'fuel-feed': { type: 'string' },
    },
  });
  const dataDir = values['data-dir'];
  const siteKey = values.site;
  if (!dataDir || (siteKey !== 'restaurant' && siteKey !== 'vessel')) {
    console.error(USAGE);
    process.exit(2);
  }
  const testClockStart = values['test-clock'] === undefined ? undefined : parseTestClockStart(values['test-clock']);
  // An enrolled kiosk's site comes from the service, not from --site: the core logs the real one.
  const log = createLogger({
    name: values.server || values['enroll-code'] ? 'kiosk' : `kiosk-${siteKey}`,
    quiet: values.quiet,
  });
  const clock = testClockStart === undefined ? undefined : createManualClock(testClockStart);
  const hubListen = values['hub-listen'] === undefined ? undefined : parseHostPort(values['hub-listen']);
  // --enroll-code takes the code, or the text of the QR code the admin screen shows (which also
  // names the service, so --server may be left out).
  const enrol = values['enroll-code']?.trim().startsWith(ENROL_PREFIX) ? readEnrolInput(values['enroll-code']) : null;
  const server = values.server ?? enrol?.server ?? undefined;
  const sync = server
    ? {
        serverUrl: server,
        enrollCode: enrol?.code ?? values['enroll-code'],
        deviceName: values.name,
        // Checked by the kiosk (routeSchema), which says which route is wrong.
        routes: values.routes ? (JSON.parse(values.routes) as Route[]) : undefined,
        hubListen,
        hubs: values.hub,
      }
    : undefined;
  const kiosk = await createKiosk({
    dataDir,
    demo: !sync && values.demo,
    siteKey: sync ? undefined : siteKey,
    clock,
    log,
    sync,
    // Checked by the feed (fuelFeedConfigSchema), which names the wrong setting.
    fuelFeed: values['fuel-feed'] ? (JSON.parse(values['fuel-feed']) as FuelFeedConfig) : undefined,
  });
  const host = await createHttpHost({ kiosk, rendererDir: resolve(values['renderer-dir']), testClock: clock });
  const address = await host.listen({ host: '127.0.0.1', port: Number(values.port) });
  const url = `${address.replace('127.0.0.1', '127.0.0.1')}/`;
  if (values.demo && !sync) {
    const site = DEMO_SITES.find((s) => s.key === siteKey)!;
    console.log(`Demo people at ${site.name} (name, role, PIN):`);
    for (const p of site.people) console.log(`  ${p.name.padEnd(18)} ${p.role.padEnd(11)} ${p.pin}`);
  }
  if (kiosk.hubUrl) console.log(`Site hub listening at ${kiosk.hubUrl}`);
  console.log(`Shiftdeck kiosk ready at ${url}`);
  const shutdown = async () => {
    await host.close();
    await kiosk.close();
  };
  // A signal handler cannot await: a failed close is reported and still ends the process,
  // instead of becoming an unhandled rejection that leaves it half stopped.
  const stop = () => {
    shutdown().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(`Shiftdeck kiosk did not stop cleanly: ${err instanceof Error ? err.message : String(err)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
