import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { inject, onTestFinished } from 'vitest';
import { SERVICE_ROLE, type CentralDatabase } from '../../server/db/central-schema.js';
import { createCentralDb, withCredentials, withDatabase } from '../../server/db/connect.js';

export interface TestDatabase {
  name: string;
  /** Superuser URL of this database: migrations, setup, looking behind the service's back. */
  adminUrl: string;
  /** URL as the `shiftdeck_service` role, which row-level security holds. */
  serviceUrl: string;
  admin: Kysely<CentralDatabase>;
  service: Kysely<CentralDatabase>;
  /** Closes both pools and drops the database; safe to call twice. */
  drop(): Promise<void>;
}

let adminPool: Kysely<CentralDatabase> | null = null;
const cluster = () => (adminPool ??= createCentralDb({ url: inject('pgAdminUrl'), max: 2 }));

/**
 * A database of its own for one test: a clone of the run's template (central migrations applied,
 * default roles seeded), or with `empty` a bare one for migration tests. Cloning costs a few
 * milliseconds; the run's one PostgreSQL is started by integration-global-setup.ts.
 *
 * Called inside a test, the database is dropped when the test finishes; called from beforeAll,
 * call `drop()` in afterAll (the run's teardown drops anything left over too).
 *
 * @example
 * const t = await createTestDatabase();
 * await inSiteTransaction(t.service, siteId, (trx) => trx.selectFrom('users').selectAll().execute());
 */
export async function createTestDatabase(opts: { empty?: boolean } = {}): Promise<TestDatabase> {
  if (!inject('pgAdminUrl'))
    throw new Error(
      'createTestDatabase runs in the `integration` Vitest project only (its globalSetup starts PostgreSQL): put the test under tests/integration/.',
    );
  const name = `${inject('pgRunPrefix')}_${randomBytes(6).toString('hex')}`;
  const template = opts.empty ? 'template0' : inject('pgTemplateDatabase');
  await sql`CREATE DATABASE ${sql.id(name)} TEMPLATE ${sql.id(template)}`.execute(cluster());
  const adminUrl = withDatabase(inject('pgAdminUrl'), name);
  const serviceUrl = withCredentials(adminUrl, SERVICE_ROLE, inject('pgServicePassword'));
  const admin = createCentralDb({ url: adminUrl, max: 4 });
  const service = createCentralDb({ url: serviceUrl, max: 4 });
  let dropped: Promise<void> | null = null;
  const drop = () =>
    (dropped ??= (async () => {
      await Promise.all([admin.destroy(), service.destroy()]);
      await sql`DROP DATABASE IF EXISTS ${sql.id(name)} WITH (FORCE)`.execute(cluster());
    })());
  try {
    onTestFinished(drop);
  } catch {
    // Not inside a test (beforeAll): the caller drops it.
  }
  return { name, adminUrl, serviceUrl, admin, service, drop };
}
