import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { withDatabase } from './connect.js';

/** Runs a PostgreSQL client tool (pg_dump, pg_restore) of the server's major version. */
export type RunTool = (command: string, args: string[]) => Promise<unknown>;

/** One table compared between the database and its restored copy. */
export interface TableCheck {
  table: string;
  rows: number;
  restoredRows: number;
  checksum: string;
  restoredChecksum: string;
  ok: boolean;
}

export interface DrillReport {
  ok: boolean;
  /** The scratch database the dump was restored into (dropped at the end unless kept). */
  scratch: string;
  dumpBytes: number;
  dumpMs: number;
  restoreMs: number;
  tables: TableCheck[];
}

const IDENT = /^[a-z_][a-z0-9_]{0,62}$/;
const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Row count and checksum of every table of the public schema, as `client` sees it (inside its
 * transaction, so a dump taken under the same snapshot compares exactly). The checksum is the md5
 * of the sorted md5s of each row's text form: independent of physical order, equal when the rows are.
 */
export async function tableChecksums(client: pg.ClientBase): Promise<Map<string, { rows: number; checksum: string }>> {
  // Fail rather than silently count only the rows a policy lets through.
  await client.query('SET LOCAL row_security = off');
  const tables = await client.query<{ name: string }>(
    "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
  );
  const out = new Map<string, { rows: number; checksum: string }>();
  for (const { name } of tables.rows) {
    const r = await client.query<{ n: string; sum: string }>(
      `SELECT count(*)::text AS n, md5(coalesce(string_agg(h, '' ORDER BY h), '')) AS sum FROM (SELECT md5(t::text) AS h FROM public.${quote(name)} t) s`,
    );
    out.set(name, { rows: Number(r.rows[0].n), checksum: r.rows[0].sum });
  }
  return out;
}

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => undefined); // a dropped connection is reported by the query that needed it
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Restores a `pg_dump -Fc` file into database `database` of the cluster `adminUrl` is on. The
 * database is created for it; one that exists is refused unless `replace` (then dropped first,
 * its connections ended: stop the service before). The next start of the service sees a copy and
 * begins a new epoch, so kiosks re-send what the dump lacks.
 *
 * @example
 * await restoreCentralDump({ adminUrl, file: 'central.dump', database: 'shiftdeck_restored', run });
 */
export async function restoreCentralDump(opts: {
  adminUrl: string;
  file: string;
  database: string;
  replace?: boolean;
  run: RunTool;
}): Promise<{ restoreMs: number }> {
  if (!IDENT.test(opts.database))
    throw new Error(`--database takes a plain PostgreSQL name (a-z, 0-9, _), not "${opts.database}".`);
  statSync(opts.file); // a missing dump is reported before anything is dropped
  const maintenance = withDatabase(opts.adminUrl, 'postgres');
  await withClient(maintenance, async (c) => {
    const exists = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [opts.database]);
    if (exists.rows.length && !opts.replace)
      throw new Error(
        `The database ${opts.database} exists. Restore into a new name (--database <name>), or stop the service and add --replace to drop it first.`,
      );
    if (exists.rows.length) await c.query(`DROP DATABASE ${quote(opts.database)} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${quote(opts.database)}`);
  });
  const started = performance.now();
  await opts.run('pg_restore', [
    '--exit-on-error',
    '--no-owner',
    '-d',
    withDatabase(opts.adminUrl, opts.database),
    opts.file,
  ]);
  return { restoreMs: performance.now() - started };
}

/**
 * The restore drill: dumps the database under one exported snapshot, restores the dump into a
 * scratch database, and compares every table's row count and checksum with the source as of that
 * snapshot, so writes going on meanwhile do not spoil the comparison. The scratch database is
 * dropped afterwards (kept with `keepScratch`, to look at).
 *
 * @example
 * const report = await drillCentral({ adminUrl, run });
 * if (!report.ok) process.exitCode = 1;
 */
export async function drillCentral(opts: {
  adminUrl: string;
  run: RunTool;
  /** Where the dump goes; a temporary file (removed afterwards) by default. */
  dumpFile?: string;
  keepScratch?: boolean;
}): Promise<DrillReport> {
  const tmp = opts.dumpFile ? null : mkdtempSync(join(tmpdir(), 'shiftdeck-drill-'));
  const file = opts.dumpFile ?? join(tmp!, 'central.dump');
  const scratch = `shiftdeck_drill_${randomBytes(4).toString('hex')}`;
  try {
    let dumpMs = 0;
    const source = await withClient(opts.adminUrl, async (c) => {
      await c.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const snap = await c.query<{ id: string }>('SELECT pg_export_snapshot() AS id');
      const started = performance.now();
      await opts.run('pg_dump', ['-Fc', '--snapshot', snap.rows[0].id, '-f', file, '-d', opts.adminUrl]);
      dumpMs = performance.now() - started;
      const sums = await tableChecksums(c);
      await c.query('COMMIT');
      return sums;
    });
    const { restoreMs } = await restoreCentralDump({ adminUrl: opts.adminUrl, file, database: scratch, run: opts.run });
    const restored = await withClient(withDatabase(opts.adminUrl, scratch), async (c) => {
      await c.query('BEGIN');
      const sums = await tableChecksums(c);
      await c.query('COMMIT');
      return sums;
    });
    const tables: TableCheck[] = [...source].map(([table, s]) => {
      const r = restored.get(table);
      return {
        table,
        rows: s.rows,
        restoredRows: r?.rows ?? -1,
        checksum: s.checksum,
        restoredChecksum: r?.checksum ?? '',
        ok: !!r && r.rows === s.rows && r.checksum === s.checksum,
      };
    });
    for (const table of restored.keys())
      if (!source.has(table))
        tables.push({
          table,
          rows: -1,
          restoredRows: restored.get(table)!.rows,
          checksum: '',
          restoredChecksum: restored.get(table)!.checksum,
          ok: false,
        });
    return { ok: tables.every((t) => t.ok), scratch, dumpBytes: statSync(file).size, dumpMs, restoreMs, tables };
  } finally {
    if (!opts.keepScratch)
      await withClient(withDatabase(opts.adminUrl, 'postgres'), (c) =>
        c.query(`DROP DATABASE IF EXISTS ${quote(scratch)} WITH (FORCE)`),
      ).catch(() => undefined);
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  }
}
