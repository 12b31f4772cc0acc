import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { sql, type Kysely } from 'kysely';
import type { CentralDatabase } from './db/central-schema.js';
import { SERVICE_ROLE } from './db/central-schema.js';
import { createCentralDb, withCredentials, withDatabase } from './db/connect.js';
import { migrateCentral, type CentralMigrationReport } from './db/migrate.js';
import { ensureCentralReferenceData } from './db/reference-data.js';
import { ensureCentralIdentity } from './db/central-identity.js';
import { assertServiceRoleIsWalled, ensureServiceRole } from './db/roles.js';
import { findRunningEmbeddedPostgres, startEmbeddedPostgres } from './pg/embedded.js';

/**
 * Where the central database is, from the environment:
 *
 * - `DATABASE_URL`: a PostgreSQL URL of a role that owns the Shiftdeck database and may create
 *   roles (migrations, the service role, reference data). `SHIFTDECK_SERVICE_PASSWORD` is then
 *   required: the password of `shiftdeck_service`, the same for every instance.
 * - otherwise an embedded PostgreSQL in `dataDir` (default `.data/central`), started here or, when
 *   `start` is already running it, reached through its `postmaster.pid`. The service password is
 *   kept in `<dataDir>/service.secret`.
 */
export interface CentralConfig {
  dataDir?: string;
  env?: NodeJS.ProcessEnv;
  /** Port for an embedded PostgreSQL this call starts (0: any free port). */
  pgPort?: number;
  onLog?: (line: string) => void;
}

export interface Central {
  /** Owner's connection: migrations and administration only. */
  admin: Kysely<CentralDatabase>;
  /** The service role's connection, held by row-level security. */
  service: Kysely<CentralDatabase>;
  adminUrl: string;
  serviceUrl: string;
  /** Where the database lives, for people: "embedded (.data/central)" or the host. */
  where: string;
  migrations: CentralMigrationReport;
  /** Closes the pools, and stops the embedded PostgreSQL if this call started it. */
  close(): Promise<void>;
}

const DATABASE = 'shiftdeck';

/**
 * Opens the central database and brings it up to date: the service role, the migrations, the
 * reference roles. Safe to run at every start and from several instances at once.
 *
 * @example
 * const central = await openCentral({ dataDir: '.data/central' });
 * const app = await createSyncServer({ db: central.service, adminDb: central.admin, log });
 */
export async function openCentral(cfg: CentralConfig = {}): Promise<Central> {
  const env = cfg.env ?? process.env;
  let adminUrl: string;
  let password: string;
  let where: string;
  let stopPg = async () => {};

  if (env.DATABASE_URL) {
    adminUrl = env.DATABASE_URL;
    const pw = env.SHIFTDECK_SERVICE_PASSWORD;
    if (!pw)
      throw new Error(
        'DATABASE_URL is set but SHIFTDECK_SERVICE_PASSWORD is not: give every instance the same password for the shiftdeck_service role (e.g. `openssl rand -hex 24`).',
      );
    password = pw;
    where = new URL(adminUrl).host;
  } else {
    const dataDir = resolve(cfg.dataDir ?? '.data/central');
    const running = findRunningEmbeddedPostgres(dataDir);
    let clusterUrl: string;
    if (running) {
      clusterUrl = running.url;
    } else {
      const pg = await startEmbeddedPostgres({ dataDir, port: cfg.pgPort ?? 0, onLog: cfg.onLog });
      clusterUrl = pg.url;
      stopPg = pg.stop;
    }
    password = env.SHIFTDECK_SERVICE_PASSWORD ?? serviceSecret(dataDir);
    try {
      await ensureDatabase(clusterUrl, DATABASE);
    } catch (err) {
      await stopPg();
      throw err;
    }
    adminUrl = withDatabase(clusterUrl, DATABASE);
    where = `embedded PostgreSQL in ${dataDir} (port ${new URL(clusterUrl).port})`;
  }

  const serviceUrl = env.SHIFTDECK_SERVICE_DATABASE_URL ?? withCredentials(adminUrl, SERVICE_ROLE, password);
  const admin = createCentralDb({ url: adminUrl, max: 2 });
  const service = createCentralDb({ url: serviceUrl, max: Number(env.SHIFTDECK_DB_POOL ?? 10) });
  const close = async () => {
    await Promise.all([admin.destroy(), service.destroy()]);
    await stopPg();
  };
  try {
    await ensureServiceRole(admin, password);
    const migrations = await migrateCentral(admin);
    await ensureCentralReferenceData(admin);
    await ensureCentralIdentity(admin);
    await assertServiceRoleIsWalled(service);
    return { admin, service, adminUrl, serviceUrl, where, migrations, close };
  } catch (err) {
    await close();
    throw err;
  }
}

function serviceSecret(dataDir: string): string {
  const file = join(dataDir, 'service.secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const pw = randomBytes(24).toString('hex');
  try {
    writeFileSync(file, pw + '\n', { mode: 0o600, flag: 'wx' });
    return pw;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    return readFileSync(file, 'utf8').trim(); // another command made it a moment ago
  }
}

async function ensureDatabase(clusterUrl: string, name: string) {
  const db = createCentralDb({ url: clusterUrl, max: 1 });
  try {
    const exists = await sql`SELECT 1 FROM pg_database WHERE datname = ${name}`.execute(db);
    if (exists.rows.length === 0) {
      await sql`CREATE DATABASE ${sql.id(name)}`.execute(db).catch((err: { code?: string }) => {
        if (err.code !== '42P04') throw err; // created by a concurrent start
      });
    }
  } finally {
    await db.destroy();
  }
}
