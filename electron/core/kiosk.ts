import { join } from 'node:path';
import type { UpdatePlan } from '../../shared/updates/plan.js';
import { readUpdatePlan } from './updates/handlers.js';
import { createHlc } from '../../shared/hlc.js';
import { demoSiteId, type DemoSite } from '../../shared/demo.js';
import { newId } from '../../shared/ids.js';
import { AppError } from '../../shared/errors.js';
import { SYNCED_TABLES, type SyncedTable } from '../../shared/schema.js';
import { mutationSigner } from '../../shared/sync/mutation-signature.js';
import { createDispatcher, type Dispatcher } from './api/dispatcher.js';
import { createHandlers } from './api/handlers.js';
import { registerBackupJobs } from './backups/jobs.js';
import { createSiteCodeRequester } from './devices/enrolment-codes.js';
import { createDeviceReporter, registerDeviceReportJob } from './devices/report-job.js';
import { createKioskBackups, type KioskBackups } from './backups/kiosk-backups.js';
import { registerClassesJobs } from './classes/jobs.js';
import type { FuelFeedConfig } from './fuel/feed-config.js';
import { startFuelFeed, type FuelFeed } from './fuel/fuel-feed.js';
import { registerTrainingJobs } from './training/jobs.js';
import { startEscalationWatch, type EscalationWatch } from './incidents/jobs.js';
import { startNotificationWatch, type NotificationWatch } from './notifications/jobs.js';
import { createJobScheduler, type JobScheduler } from './jobs/scheduler.js';
import { readKioskHealth, ROUTE_SYNC_KEY } from './health/health-readings.js';
import { createErrorRecorder } from './health/error-recorder.js';
import { registerHealthJobs } from './health/jobs.js';
import { createAuthService, type AuthService } from './auth/auth-service.js';
import { hashPin } from './auth/pin-hash.js';
import { systemClock, type Clock } from './clock.js';
import { syncServerAddress } from './sync/server-address.js';
import { openStore, type Store } from './db/store.js';
import { createEventBus, type EventBus } from './events.js';
import { createMutationRunner, type MutationRunner } from './mutations/mutation-runner.js';
import { deviceKey } from './device-key.js';
import { createOutboxSigner } from './sync/outbox-signatures.js';
import { appVersion, localMigrationsDir } from './paths.js';
import { seedDemoSite } from './setup/demo-seed.js';
import { ensureReferenceData } from './setup/reference-data.js';
import { OFFLINE, readSyncStatus, type LinkState } from './status.js';
import type { Logger } from './log.js';
import { enrollDevice, requestEnrollment } from './sync/enroll-device.js';
import { createLocalReplica, type LocalReplica } from './sync/local-replica.js';
import { createAttachmentFiles, type AttachmentFiles } from './attachments/files.js';
import { createAttachmentTransfer, type AttachmentTransfer } from './attachments/transfer.js';
import { createSyncClient, type SyncClient } from './sync/sync-client.js';
import { createKioskLinks } from './sync/kiosk-links.js';
import type { LinkProber } from './sync/link-prober.js';
import type { Route } from '../../shared/sync/link-monitor.js';
import { createHub, type Hub } from './hub/hub-server.js';
import { advertiseHub, discoverHubs } from './hub/hub-advert.js';

const quietLog: Logger = { info() {}, warn() {}, error() {} };

export interface KioskOptions {
  dataDir: string;
  migrationsDir?: string;
  /** Seed the demo site named by `siteKey` on first start. */
  demo?: boolean;
  siteKey?: DemoSite['key'];
  /** The site this kiosk belongs to, when not a demo (set by enrollment). */
  siteId?: string;
  clock?: Clock;
  log?: Logger;
  /** Tests may pass a cheaper KDF; production keeps the default. */
  hashPin?: (pin: string) => Promise<string>;
  /** How often idle sessions are checked. */
  sweepMs?: number;
  /** Where backups go until an administrator picks a folder (default: `backups` in the data dir). */
  backupFolder?: string;
  /** Replicate through a sync service; the first start enrolls with a one-time code. */
  sync?: SyncOptions;
  /** Listen to the ship's NMEA 0183 network (vessel sites only; ignored elsewhere). */
  fuelFeed?: FuelFeedConfig;
}

export interface SyncOptions {
  serverUrl: string;
  enrollCode?: string;
  deviceName?: string;
  pollMs?: number;
  pushDelayMs?: number;
  random?: () => number;
  /** Skip the live socket and the timers: tests drive `sync.syncNow()` themselves. */
  manual?: boolean;
  /** Days settled mutations are kept to re-send to a restored shore (default 30). */
  retentionDays?: number;
  /** Several routes upstream (hub on LAN, shore over 4G, satellite): probed, failed over and back. */
  routes?: Route[];
  /** Site hubs to sync through before shore, best first (the hub, then its standby). */
  hubs?: readonly string[];
  /** Failed cycles on a route before the next (default 2); time before trying the best one again (default 30 s). */
  failoverAfter?: number;
  failbackMs?: number;
  /**
   * Make this kiosk a site hub listening there (e.g. 0.0.0.0:7480; port 0 picks one): the other
   * kiosks of the site sync through it, and so does this one. A standby is a second hub.
   */
  hubListen?: { host: string; port: number };
  /** The hub's shore link without its live socket and timer: tests call `hub.upstream` themselves. */
  hubManual?: boolean;
  /**
   * Report this kiosk's state to the site's devices at start and every quarter of an hour
   * (default true). Tests of other features that count outbox entries exactly turn it off.
   */
  deviceReports?: boolean;
  /** Announce this hub on the LAN over DNS-SD/mDNS (`_shiftdeck-hub._tcp`). */
  advertiseHub?: boolean;
  /** At start, look on the LAN (DNS-SD/mDNS) for this site's hubs, tried after the configured ones. */
  discoverHubs?: boolean;
}

export interface Kiosk {
  store: Store;
  runner: MutationRunner;
  auth: AuthService;
  dispatcher: Dispatcher;
  events: EventBus;
  deviceId: string;
  siteId: string;
  /** The sync service in use (the one given at start wins over the one stored); none standalone. */
  serverUrl?: string;
  clock: Clock;
  /** Runs the periodic checks now (idle lock, expiry); the timer calls it too. */
  tick(): Promise<void>;
  /** What this kiosk's updater does under its site's staged-rollout policy, for the feed at `feedBase`. */
  updatePlan(feedBase: string): Promise<(UpdatePlan & { timeZone: string }) | null>;
  setLink(link: Partial<LinkState>): void;
  /** Present when the kiosk replicates through a sync service. */
  sync?: SyncClient;
  /** Present when the kiosk was given several routes upstream. */
  links?: LinkProber;
  /** Present when this kiosk is a site hub; `hubUrl` is where it listens. */
  hub?: Hub;
  hubUrl?: string;
  /** Scheduled work in site time (weekly class generation, log retention); register more with `jobs.register`. */
  jobs: JobScheduler;
  /** Backups of this kiosk's database; a restore reconciles with shore afterwards. */
  backups: KioskBackups;
  /** Automatic incident escalation on the injected clock (a breached SLA, a critical report). */
  escalations: EscalationWatch;
  /** Training reminders, certificate expiries and escalations raised as notifications (shared/notifications). */
  notifications: NotificationWatch;
  /** The live instrument feed, when asked for and the site is a vessel. */
  fuelFeed?: FuelFeed;
  /** Photos and other files this kiosk keeps, by content hash (`<dataDir>/attachments/`). */
  attachmentFiles: AttachmentFiles;
  /** The bulk lane that sends and fetches those files; present when the kiosk syncs. */
  attachments?: AttachmentTransfer;
  close(): Promise<void>;
}

/**
 * A kiosk core: the local store, the mutation layer, sign-in and the API dispatcher, with no
 * Electron in it. Electron's main process and the browser-mode host both serve this object.
 *
 * @example
 * const kiosk = await createKiosk({ dataDir: '/var/lib/shiftdeck', demo: true, siteKey: 'restaurant' });
 * await kiosk.dispatcher.dispatch('auth.users', {}, null);
 */
export async function createKiosk(opts: KioskOptions): Promise<Kiosk> {
  const clock = opts.clock ?? systemClock;
  const log = opts.log ?? quietLog;
  const dbPath = join(opts.dataDir, 'shiftdeck.db');
  const migrationsDir = opts.migrationsDir ?? localMigrationsDir;
  const store = openStore({ path: dbPath, migrationsDir });
  const meta = {
    get: (key: string) =>
      (store.raw.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value,
    set: (key: string, value: string) =>
      store.transaction(
        async () =>
          void store.raw
            .prepare(
              'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
            )
            .run(key, value),
      ),
  };

  // The device key exists before enrolment, which registers its public half with shore.
  const key = await deviceKey(store);
  if (opts.sync && !meta.get('sync.token')) {
    try {
      await enrollDevice(store, meta, { ...opts.sync, publicKey: key.publicKey });
    } catch (err) {
      await store.close();
      throw err;
    }
  }
  let deviceId = meta.get('device_id');
  if (!deviceId) await meta.set('device_id', (deviceId = newId()));
  let siteId = meta.get('site_id');
  const wanted = opts.siteId ?? (opts.siteKey ? demoSiteId(opts.siteKey) : undefined);
  if (!siteId && wanted) await meta.set('site_id', (siteId = wanted));
  if (!siteId) {
    await store.close();
    throw new AppError(
      'NOT_FOUND',
      'This kiosk belongs to no site yet. Start it with a demo site or enroll it with a code from the shore office.',
    );
  }
  const mySite = siteId;

  // The clock resumes after the newest timestamp this device ever issued, so it never runs backwards.
  const lastHlc =
    (store.raw.prepare('SELECT MAX(hlc) AS hlc FROM outbox').get() as { hlc: string | null }).hlc ?? undefined;
  const hlc = createHlc(deviceId, () => clock.now(), lastHlc);
  const events = createEventBus();
  let link: LinkState = OFFLINE;
  let siteCache:
    { id: string; name: string; kind: 'restaurant' | 'vessel'; timezone: string; idleLockSeconds: number } | undefined;

  // Status is re-read once after a burst of commits, not after each: counting the outbox on every
  // commit made a long offline queue quadratic.
  let statusQueued = false;
  const queueStatus = () => {
    if (statusQueued) return;
    statusQueued = true;
    setImmediate(() => {
      statusQueued = false;
      void readSyncStatus(store, link, clock.now()).then(
        (status) => events.emit({ type: 'status.changed', status }),
        () => undefined,
      );
    });
  };
  let sync: SyncClient | undefined;
  let links: LinkProber | undefined;
  let hub: Hub | undefined;
  let hubUrl: string | undefined;
  let withdrawAdvert: (() => Promise<void>) | undefined;
  let reenrol: ((code: string) => Promise<void>) | undefined;
  let replica: LocalReplica | undefined;
  const attachmentFiles = createAttachmentFiles(join(opts.dataDir, 'attachments'));
  let attachments: AttachmentTransfer | undefined;
  const onApplied = (tables: SyncedTable[]) => {
    if (tables.includes('sites')) siteCache = undefined;
    // A reference shore now holds can be sent; a photo shore now holds can be fetched.
    if (!opts.sync?.manual && (tables.includes('attachments') || tables.includes('attachment_arrivals')))
      void attachments?.pulled();
    events.emit({ type: 'data.changed', tables });
    queueStatus();
  };
  const onCommit = (tables: SyncedTable[]) => {
    onApplied(tables);
    if (!opts.sync?.manual) sync?.onLocalChange();
  };
  const sign = mutationSigner(key.privateKeyPem);
  // Entries are signed when a push first reads them (signQueued below), not in the tap's transaction.
  const runner = createMutationRunner({ store, hlc, deviceId, siteId: () => mySite, onCommit });
  const outboxSigner = createOutboxSigner({ store, deviceId, siteId: mySite, sign });
  const signedLate = await outboxSigner.signUnsigned();
  if (signedLate) log.info({ entries: signedLate }, 'signed the changes queued before mutations were signed');
  await ensureReferenceData(store, new Date(clock.now()).toISOString());
  const pinHasher = opts.hashPin ?? ((pin: string) => hashPin(pin));
  const setLink = (patch: Partial<LinkState>) => {
    // The last success survives a restart: the Sync screen tells when shore last answered, not since when the app runs.
    if (patch.lastSyncAt && patch.lastSyncAt !== link.lastSyncAt) {
      meta
        .set('sync.last_success_at', patch.lastSyncAt)
        .catch((err: unknown) => log.warn({ err }, 'could not record the last sync'));
      // And per route, for the Health panel: which of hub, 4G and satellite carried it.
      const via = patch.address ?? link.address;
      if (via)
        meta
          .set(`${ROUTE_SYNC_KEY}${via}`, patch.lastSyncAt)
          .catch((err: unknown) => log.warn({ err }, 'could not record the last sync of a route'));
    }
    link = { ...link, ...patch };
    queueStatus();
  };
  let serverUrl: string | undefined;
  if (opts.sync) {
    const address = syncServerAddress(meta.get('sync.server'), opts.sync.serverUrl);
    serverUrl = address.url;
    if (address.previous !== null) {
      log.warn(
        { previous: address.previous, server: address.url },
        `sync server changed: using ${address.url} (this kiosk was enrolled at ${address.previous})`,
      );
      await meta.set('sync.server', address.url);
    }
    setLink({ address: new URL(address.url).host, lastSyncAt: meta.get('sync.last_success_at') ?? null });
    const local = createLocalReplica({
      store,
      runner,
      siteId: mySite,
      onApplied,
      hlc,
      onRenumbered: (from, after) =>
        log.warn(
          { from, after },
          'this database is older than what the sync service has from this kiosk (restored from a copy?): pending changes renumbered and sent again',
        ),
      onGapClosed: (from, to) =>
        log.error(
          { from, to },
          'shore was restored from a backup older than the changes this kiosk still keeps: these seqs are gone from both, later changes were renumbered and sent again',
        ),
      now: () => clock.now(),
      retentionDays: opts.sync.retentionDays,
      resignFrom: (seq) => outboxSigner.resignFrom(seq),
      signQueued: () => outboxSigner.signQueued(),
      onShoreWentBack: (info) =>
        log.warn(
          info,
          'shore went back to an older copy (restored from a backup?): sending again what it lost and pulling everything afresh',
        ),
    });
    if (opts.sync.routes?.length)
      links = createKioskLinks({
        routes: opts.sync.routes,
        store,
        clock,
        log,
        onSwitch: () => sync?.upstreamChanged(),
      });
    const prober = links;
    if (opts.sync.hubListen) {
      hub = await createHub({
        store,
        siteId: mySite,
        shoreUrl: serverUrl,
        token: meta.get('sync.token')!,
        clock,
        log,
        random: opts.sync.random,
        manual: opts.sync.hubManual,
        files: attachmentFiles,
      });
      hubUrl = await hub.listen(opts.sync.hubListen);
      log.info({ hub: hubUrl }, `site hub listening at ${hubUrl}`);
      if (opts.sync.advertiseHub)
        withdrawAdvert = advertiseHub(Number(new URL(hubUrl).port), { site: mySite, device: deviceId });
    }
    const found = opts.sync.discoverHubs ? await discoverHubs(mySite) : [];
    if (found.length) log.info({ hubs: found }, `found this site's hub on the LAN: ${found.join(', ')}`);
    // A hub syncs through itself (on loopback), so its own changes are relayed and shown to the
    // other kiosks like theirs.
    const ownHub = hubUrl && hubUrl.replace(/\/\/(0\.0\.0\.0|\[::\])(?=:)/, '//127.0.0.1');
    replica = local;
    sync = createSyncClient({
      replica: local,
      serverUrl,
      pickUpstream: prober && (() => prober.upstream()),
      hubs: [...new Set([...(ownHub ? [ownHub] : []), ...(opts.sync.hubs ?? []), ...found])].filter(
        // A hub found on the LAN may be this very kiosk, under its LAN address.
        (u) => u === ownHub || !hubUrl || new URL(u).port !== new URL(hubUrl).port || !found.includes(u),
      ),
      failoverAfter: opts.sync.failoverAfter,
      failbackMs: opts.sync.failbackMs,
      token: meta.get('sync.token')!,
      publicKey: key.publicKey,
      clock,
      random: opts.sync.random,
      log,
      setLink,
      pollMs: opts.sync.pollMs,
      pushDelayMs: opts.sync.pushDelayMs,
    });
    const client = sync;
    const deviceName = opts.sync.deviceName ?? `Kiosk ${mySite.slice(0, 8)}`;
    reenrol = async (code: string) => {
      if (!client.unknownToShore)
        throw new AppError('CONFLICT', 'Shore knows this kiosk: there is nothing to enrol again.');
      const r = await requestEnrollment(address.url, {
        code,
        deviceName,
        deviceId,
        heldSiteId: mySite,
        publicKey: key.publicKey,
      }).catch((err: unknown) => {
        // A refused code is a wrong field, not a session that ended (which UNAUTHENTICATED means to the UI).
        if (err instanceof AppError && err.code === 'UNAUTHENTICATED')
          throw new AppError('VALIDATION_FAILED', err.message, { issues: [{ path: 'code', message: err.message }] });
        throw err;
      });
      await local.reenrolled(r.token);
      client.resume(r.token);
      log.warn(
        { deviceId },
        'enrolled again with shore under the same device id; its data and pending changes are sent again',
      );
      void client.syncNow();
    };
    if (!(await store.db.selectFrom('sites').select('id').where('id', '=', mySite).executeTakeFirst())) {
      await links?.warmUp();
      await sync.syncNow();
    }
    attachments = createAttachmentTransfer({
      store,
      files: attachmentFiles,
      siteId: mySite,
      upstream: () => client.upstream,
      viaHub: () => client.onHub,
      // No row changed, but a photo shown as "on its way" is here now.
      onFetched: () => events.emit({ type: 'data.changed', tables: ['attachments'] }),
      token: () => meta.get('sync.token'),
      expensive: () => links?.monitor.current().expensive ?? false,
      clock,
      log,
    });
    if (!opts.sync.manual) {
      sync.start();
      links?.start();
      attachments.start();
    }
  } else if (opts.demo && opts.siteKey) {
    if (await seedDemoSite(store, runner, opts.siteKey, pinHasher))
      log.info({ site: opts.siteKey }, 'demo site seeded');
  }

  const site = async () => {
    if (siteCache) return siteCache;
    const row = await store.db.selectFrom('sites').selectAll().where('id', '=', mySite).executeTakeFirst();
    if (!row)
      throw new AppError('NOT_FOUND', 'This kiosk has not received its site yet. Connect it to the shore office once.');
    return (siteCache = {
      id: row.id,
      name: row.name,
      kind: row.kind,
      timezone: row.timezone,
      idleLockSeconds: row.idle_lock_seconds,
    });
  };

  const backups = createKioskBackups({
    store,
    dbPath,
    migrationsDir,
    deviceId,
    clock,
    defaultFolder: opts.backupFolder ?? join(opts.dataDir, 'backups'),
    meta,
    timeZone: async () => (await site()).timezone,
    log,
    // Who this machine is to shore, and where its backups go, are not taken back from the past.
    keepMeta: ['device_id', 'site_id', 'sync.token', 'sync.server', 'backup.folder', 'backup.last_at'],
    afterRestore: () => replica?.restoredFromBackup(),
  });
  const restoreBackup = backups.restore;
  backups.restore = async (file: string) => {
    const done = await restoreBackup(file);
    siteCache = undefined;
    onApplied([...SYNCED_TABLES]);
    if (sync && !opts.sync?.manual) void sync.syncNow();
    return done;
  };

  const auth = createAuthService({ store, runner, clock, events, site });
  const errors = createErrorRecorder({ runner, clock, version: appVersion(), log });
  // Every route configured (never synced through yet: unknown) and every one a sync went through.
  const routeSyncs = () => {
    const seen = new Map<string, string | null>();
    for (const r of opts.sync?.routes ?? []) {
      try {
        seen.set(new URL(r.url).host, null);
      } catch {
        // a malformed route is reported by the prober, not here
      }
    }
    const rows = store.raw.prepare('SELECT key, value FROM meta WHERE key LIKE ?').all(`${ROUTE_SYNC_KEY}%`) as {
      key: string;
      value: string;
    }[];
    for (const r of rows) seen.set(r.key.slice(ROUTE_SYNC_KEY.length), r.value);
    return [...seen].map(([host, lastSyncAt]) => ({ host, lastSyncAt })).sort((a, b) => a.host.localeCompare(b.host));
  };
  const readHealth = () =>
    readKioskHealth({
      store,
      dbPath,
      now: () => clock.now(),
      link: () => link,
      syncs: !!opts.sync,
      lastBackupAt: () => backups.lastBackupAt(),
      clockOffsetMs: () => {
        const v = meta.get('sync.clock_offset_ms');
        return v === undefined ? null : Number(v);
      },
      deviceId,
      routeSyncs: () => routeSyncs(),
    });
  /** The name this kiosk was enrolled under (a standalone one has none: its id's start). */
  const myName = () => meta.get('device_name') ?? opts.sync?.deviceName ?? `Kiosk ${deviceId.slice(0, 8)}`;
  const handlers = createHandlers({
    store,
    runner,
    auth,
    version: appVersion(),
    deviceId,
    demo: opts.demo === true,
    site,
    link: () => link,
    pinHasher,
    clock,
    reenrol: reenrol && ((code) => reenrol!(code)),
    syncNow: sync && (() => sync!.syncNow()),
    links: () => links,
    backups,
    health: readHealth,
    deviceName: myName,
    attachments: {
      files: attachmentFiles,
      added: () => {
        if (!opts.sync?.manual) void attachments?.run();
      },
    },
    siteCode:
      serverUrl === undefined
        ? undefined
        : createSiteCodeRequester({ serverUrl: () => serverUrl!, token: () => meta.get('sync.token') }),
  });
  const dispatcher = createDispatcher({
    handlers,
    auth,
    log,
    onUnexpected: (err, method) => void errors.record(err, `api:${method}`),
  });
  const tick = async () => {
    try {
      await auth.sweep();
    } catch (err) {
      log.error({ err }, 'session sweep failed');
    }
  };
  const stopSweep = clock.every(opts.sweepMs ?? 5000, () => void tick());
  const jobs = createJobScheduler({
    store,
    clock,
    log,
    timeZone: async () => (await site()).timezone,
    onJobFailed: (err, id) => void errors.record(err, `job:${id}`),
  });
  registerClassesJobs(jobs, { runner, store, now: () => clock.now(), siteId: mySite });
  registerHealthJobs(jobs, { runner, store, now: () => clock.now(), siteId: mySite });
  registerTrainingJobs(jobs, { runner, store, now: () => clock.now() });
  registerBackupJobs(jobs, backups);
  // A standalone kiosk has no site to report to: its own row would sit in an outbox that never drains.
  const reporter =
    opts.sync && opts.sync.deviceReports !== false
      ? createDeviceReporter({
          store,
          runner,
          clock,
          log,
          version: appVersion(),
          name: myName,
          link: () => link,
          route: () => links?.monitor.active ?? null,
        })
      : undefined;
  if (reporter) registerDeviceReportJob(jobs, reporter);
  await jobs.start();
  // The site learns at once that this kiosk is up, and on which version.
  await reporter?.report();
  const escalations = startEscalationWatch({ store, runner, clock, log, siteId: async () => (await site()).id });
  const notifications = startNotificationWatch({
    store,
    runner,
    clock,
    log,
    site,
    events,
    deviceId,
    // After the scheduled jobs in flight: when the clock jumps (a kiosk woken after a night off),
    // the catch-up backup is being made, and a reading taken before it ends would tell supervisors
    // that backups stopped.
    health: async () => {
      await jobs.idle();
      return readHealth();
    },
    linkSwitches: () => links?.monitor.history ?? [],
  });
  // Name the site this kiosk really serves (from enrollment or the demo), never a default.
  const started = await site().catch(() => null);
  // A feed that cannot listen (a port in use, a bad setting) is logged; the kiosk still starts.
  const fuelFeed =
    opts.fuelFeed && started?.kind === 'vessel'
      ? await startFuelFeed({ store, runner, clock, log, siteId: mySite }, opts.fuelFeed).catch((err: unknown) => {
          log.error({ err }, 'fuel feed not started');
          return undefined;
        })
      : undefined;
  log.info(
    {
      site: started ? { id: started.id, name: started.name, kind: started.kind } : { id: mySite },
      deviceId,
      server: serverUrl ?? null,
    },
    started ? `kiosk started for ${started.name} (${started.kind})` : 'kiosk started',
  );

  return {
    store,
    runner,
    auth,
    dispatcher,
    events,
    deviceId,
    siteId: mySite,
    serverUrl,
    clock,
    tick,
    updatePlan: (feedBase) => readUpdatePlan(store, mySite, deviceId, feedBase),
    setLink,
    sync,
    links,
    hub,
    hubUrl,
    jobs,
    backups,
    escalations,
    notifications,
    fuelFeed,
    attachmentFiles,
    attachments,
    async close() {
      await fuelFeed?.stop();
      await attachments?.stop();
      stopSweep();
      jobs.stop();
      escalations.stop();
      notifications.stop();
      await Promise.all([jobs.idle(), escalations.idle(), notifications.idle()]);
      await links?.stop();
      await sync?.stop();
      await withdrawAdvert?.();
      await hub?.close();
      await store.close();
    },
  };
}
