import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import type { TestProject } from 'vitest/node';
import { createCentralDb, withDatabase } from '../../server/db/connect.js';
import { migrateCentral } from '../../server/db/migrate.js';
import { ensureCentralReferenceData } from '../../server/db/reference-data.js';
import { ensureServiceRole } from '../../server/db/roles.js';
import { startEmbeddedPostgres } from '../../server/pg/embedded.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Superuser URL of the run's PostgreSQL (its `postgres` database). */
    pgAdminUrl: string;
    /** A database holding the central migrations and reference data, cloned by createTestDatabase. */
    pgTemplateDatabase: string;
    /** Password of the cluster's `shiftdeck_service` login role for this run. */
    pgServicePassword: string;
    /** Prefix of every database this run creates, so teardown can drop any a test left behind. */
    pgRunPrefix: string;
  }
}

/**
 * One PostgreSQL for the whole integration run: an embedded cluster in a temp dir (fsync off),
 * or the server at TEST_DATABASE_URL (a superuser URL) when set. Migrates a template database
 * once; each test then clones it (see tests/helpers/postgres.ts). With TEST_DATABASE_URL, note
 * that the cluster-wide `shiftdeck_service` role gets this run's password: use a scratch cluster.
 */
export default async function setup(project: TestProject) {
  const t0 = performance.now();
  const run = `sd_${randomBytes(4).toString('hex')}`;
  let adminUrl = process.env.TEST_DATABASE_URL;
  let stop = async () => {};
  let note = 'TEST_DATABASE_URL';
  if (!adminUrl) {
    const dir = mkdtempSync(join(tmpdir(), 'shiftdeck-pg-'));
    chmodSync(dir, 0o711);
    const pg = await startEmbeddedPostgres({ dataDir: dir, port: 0, unsafeFast: true, maxConnections: 300 });
    adminUrl = pg.url;
    note = `embedded on port ${pg.port}, initdb + start ${Math.round(performance.now() - t0)} ms`;
    stop = async () => {
      await pg.stop();
      rmSync(dir, { recursive: true, force: true });
    };
  }

  const t1 = performance.now();
  const servicePassword = randomBytes(18).toString('hex');
  const template = `${run}_template`;
  const admin = createCentralDb({ url: adminUrl, max: 1 });
  try {
    await ensureServiceRole(admin, servicePassword);
    await sql`CREATE DATABASE ${sql.id(template)}`.execute(admin);
    const tpl = createCentralDb({ url: withDatabase(adminUrl, template), max: 1 });
    try {
      await migrateCentral(tpl);
      await ensureCentralReferenceData(tpl);
    } finally {
      // Nobody may stay connected to a template, or CREATE DATABASE ... TEMPLATE refuses it.
      await tpl.destroy();
    }
  } finally {
    await admin.destroy();
  }
  console.log(`[postgres] ${note}; template ${template} migrated in ${Math.round(performance.now() - t1)} ms`);

  project.provide('pgAdminUrl', adminUrl);
  project.provide('pgTemplateDatabase', template);
  project.provide('pgServicePassword', servicePassword);
  project.provide('pgRunPrefix', run);

  return async () => {
    const admin = createCentralDb({ url: adminUrl, max: 1 });
    try {
      const left = await sql<{
        datname: string;
      }>`SELECT datname FROM pg_database WHERE datname LIKE ${run + '%'}`.execute(admin);
      for (const { datname } of left.rows)
        await sql`DROP DATABASE IF EXISTS ${sql.id(datname)} WITH (FORCE)`.execute(admin);
    } finally {
      await admin.destroy();
      await stop();
    }
  };
}
