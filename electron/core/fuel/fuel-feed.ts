import { createSocket, type Socket } from 'node:dgram';
import { createServer, type AddressInfo, type Server, type Socket as NetSocket } from 'node:net';
import { AppError } from '../../../shared/errors.js';
import { createMinuteAggregator, type MinuteSummary } from '../../../shared/fuel/minute-summary.js';
import { recordMinutes } from '../../../shared/fuel/minute-mutations.js';
import type { FuelSample } from '../../../shared/fuel/samples.js';
import type { Clock } from '../clock.js';
import type { Store } from '../db/store.js';
import type { Logger } from '../log.js';
import type { MutationRunner } from '../mutations/mutation-runner.js';
import { createAnomalyWatch, type AnomalyWatch } from './anomaly-watch.js';
import { fuelFeedConfigSchema, type FuelFeedConfig } from './feed-config.js';
import { createNmeaDecoder, type NmeaStats } from './nmea-decoder.js';

const DEVICE = { userId: null, permissions: [] } as const;
// A TCP peer that never sends a newline must not grow a buffer without end.
const MAX_PENDING_LINE = 1024;

export interface FuelFeedStats extends NmeaStats {
  /** Datagrams and TCP chunks taken in. */
  received: number;
  /** Readings for a minute already summarised: kept raw, not in the summaries. */
  late: number;
  /** Minute summaries written (rows). */
  minutes: number;
}

export interface FuelFeed {
  /** The ports actually bound (port 0 picks one). */
  readonly ports: { udp?: number; tcp?: number };
  /** Decodes and stores sentences as if they had arrived now; the listeners call it too. */
  ingest(text: string): void;
  stats(): FuelFeedStats;
  /** Resolves when every reading taken in so far is written. */
  idle(): Promise<void>;
  /** Closes the open minute and the listeners. */
  stop(): Promise<void>;
}

export interface FuelFeedDeps {
  store: Store;
  runner: MutationRunner;
  clock: Clock;
  log: Logger;
  siteId: string;
  /** What looks for anomalies in the minutes written (by default the kiosk's own detector). */
  anomalies?: AnomalyWatch;
}

/**
 * The live feed from the ship's instruments: every reading is stored raw on board (the local
 * table `fuel_raw_samples`, which only the bulk lane may carry ashore) and folded into minute
 * summaries, written as `fuel.recordMinutes` mutations that sync in the normal lane.
 *
 * @example
 * const feed = await startFuelFeed(deps, { host: '0.0.0.0', udpPort: 10110 });
 */
export async function startFuelFeed(deps: FuelFeedDeps, input: FuelFeedConfig): Promise<FuelFeed> {
  const parsed = fuelFeedConfigSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError('VALIDATION_FAILED', `Fuel feed: ${issue.path.join('.')}: ${issue.message}.`, {
      issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    });
  }
  const config = parsed.data;
  const decoder = createNmeaDecoder();
  const closed: MinuteSummary[][] = [];
  const aggregator = createMinuteAggregator((rows) => closed.push(rows));
  let received = 0;
  let minutes = 0;
  let tail: Promise<void> = Promise.resolve();
  let stopped = false;
  const watch = deps.anomalies ?? createAnomalyWatch(deps);
  const insertRaw = deps.store.raw.prepare(
    'INSERT INTO fuel_raw_samples (site_id, kind, talker, source_time, received_at, data) VALUES (?, ?, ?, ?, ?, ?)',
  );

  const write = (samples: FuelSample[], batches: MinuteSummary[][]) => {
    tail = tail
      .then(async () => {
        if (samples.length > 0)
          await deps.store.transaction(async () => {
            for (const s of samples) {
              const { kind, talker, sourceTime, receivedAt, ...data } = s;
              insertRaw.run(deps.siteId, kind, talker, sourceTime, receivedAt, JSON.stringify(data));
            }
          });
        for (const rows of batches) {
          await deps.runner.run(recordMinutes, { rows }, DEVICE);
          minutes += rows.length;
        }
        // New minutes are new evidence: the detector looks at them as soon as they are written.
        if (batches.length > 0) await watch.check();
      })
      .catch((err: unknown) => deps.log.error({ err }, 'fuel feed: could not store readings'));
  };

  const ingest = (text: string) => {
    received++;
    const receivedAt = deps.clock.now();
    const samples: FuelSample[] = [];
    for (const line of text.split(/\r?\n/)) {
      if (line.trim() === '') continue;
      const r = decoder.decode(line, receivedAt);
      if (r.ok) samples.push(...r.samples);
    }
    for (const s of samples) aggregator.add(s);
    // Minutes go out ten at a time: one mutation's overhead over ten minutes keeps an engine's
    // day near 50 KB on an expensive link; the raw readings behind them are already on disk.
    const pendingMinutes = new Set(closed.flat().map((r) => r.minute)).size;
    write(samples, pendingMinutes >= config.summaryBatchMinutes ? [closed.splice(0).flat()] : []);
  };

  const ports: { udp?: number; tcp?: number } = {};
  let udp: Socket | undefined;
  let tcp: Server | undefined;
  const conns = new Set<NetSocket>();
  if (config.udpPort !== undefined) {
    const socket = createSocket({ type: 'udp4', reuseAddr: true });
    socket.on('message', (msg) => ingest(msg.toString('latin1')));
    socket.on('error', (err) => deps.log.warn({ err }, 'fuel feed: UDP error'));
    await new Promise<void>((resolve, reject) => {
      socket.once('error', reject);
      socket.bind(config.udpPort, config.host, () => {
        socket.off('error', reject);
        resolve();
      });
    });
    ports.udp = socket.address().port;
    udp = socket;
  }
  if (config.tcpPort !== undefined) {
    const server = createServer((conn) => {
      conns.add(conn);
      conn.on('close', () => conns.delete(conn));
      let pending = '';
      conn.setEncoding('latin1');
      conn.on('data', (chunk: string) => {
        pending += chunk;
        const cut = pending.lastIndexOf('\n');
        if (cut >= 0) {
          ingest(pending.slice(0, cut + 1));
          pending = pending.slice(cut + 1);
        }
        if (pending.length > MAX_PENDING_LINE) pending = '';
      });
      conn.on('error', (err) => deps.log.warn({ err }, 'fuel feed: TCP connection error'));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.tcpPort, config.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    ports.tcp = (server.address() as AddressInfo).port;
    tcp = server;
  }
  deps.log.info({ ports, host: config.host }, 'fuel feed listening');

  return {
    ports,
    ingest,
    stats: () => ({ ...decoder.stats(), received, late: aggregator.late, minutes }),
    idle: () => tail,
    async stop() {
      if (stopped) return tail;
      stopped = true;
      udp?.close();
      for (const c of conns) c.destroy();
      await new Promise<void>((resolve) => (tcp ? tcp.close(() => resolve()) : resolve()));
      aggregator.flush();
      write([], closed.length ? [closed.splice(0).flat()] : []);
      await tail;
    },
  };
}
