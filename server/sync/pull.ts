import { sql, type Kysely } from 'kysely';
import { SYNCED_TABLES, type SyncedTable } from '../../shared/schema.js';
import { ORG_STREAM, type PullResponse, type PulledChange } from '../../shared/sync/protocol.js';
import type { CentralDatabase } from '../db/central-schema.js';
import { inSiteTransaction, type CentralTransaction } from '../db/site-tx.js';

interface Stamped {
  table: SyncedTable;
  version: number;
  row: Record<string, unknown>;
}

/**
 * The tables of a stream holding rows written after `cursor`, in one round trip: most pulls find
 * a change or two in one or two tables, and asking every synced table in turn made a pull dozens
 * of queries.
 */
async function tablesWithChanges(
  trx: CentralTransaction,
  siteId: string | null,
  cursor: number,
): Promise<SyncedTable[]> {
  const where = siteId === null ? sql`site_id IS NULL` : sql`site_id = ${siteId}`;
  const probes = SYNCED_TABLES.map(
    (t) =>
      sql`SELECT ${t}::text AS t WHERE EXISTS (SELECT 1 FROM ${sql.ref(t)} WHERE ${where} AND _version > ${cursor})`,
  );
  const res = await sql<{ t: string }>`${sql.join(probes, sql` UNION ALL `)}`.execute(trx);
  const found = new Set(res.rows.map((r) => r.t));
  return SYNCED_TABLES.filter((t) => found.has(t));
}

/**
 * Rows of one stream (a site's rows, or the organisation's with `siteId` null) written after
 * `cursor`, cut at a version boundary so a transaction's rows always arrive together.
 */
async function readStream(
  trx: CentralTransaction,
  siteId: string | null,
  cursor: number,
  limit: number,
): Promise<{ rows: Stamped[]; upTo: number; more: boolean }> {
  const fetched: Stamped[] = [];
  let bound = Number.POSITIVE_INFINITY;
  const tables = await tablesWithChanges(trx, siteId, cursor);
  for (const table of tables) {
    const where = siteId === null ? sql`site_id IS NULL` : sql`site_id = ${siteId}`;
    const res = await sql<
      Record<string, unknown>
    >`SELECT * FROM ${sql.ref(table)} WHERE ${where} AND _version > ${cursor} ORDER BY _version LIMIT ${limit + 1}`.execute(
      trx,
    );
    const rows = res.rows.map((row) => ({ table, version: Number(row._version), row }));
    // A table that filled its page may have more rows at its last version: stop before it.
    if (rows.length > limit) bound = Math.min(bound, rows[rows.length - 1].version);
    fetched.push(...rows);
  }
  let upTo: number;
  let more = false;
  if (bound === Number.POSITIVE_INFINITY) {
    upTo = fetched.reduce((m, r) => Math.max(m, r.version), cursor);
  } else if (bound > cursor + 1) {
    upTo = bound - 1;
    more = true;
  } else {
    // One transaction wrote more rows than a page: send that whole version, however large.
    upTo = cursor + 1;
    more = true;
    for (const table of tables) {
      const where = siteId === null ? sql`site_id IS NULL` : sql`site_id = ${siteId}`;
      const res = await sql<
        Record<string, unknown>
      >`SELECT * FROM ${sql.ref(table)} WHERE ${where} AND _version = ${upTo}`.execute(trx);
      for (const row of res.rows)
        if (!fetched.some((f) => f.table === table && f.row.id === row.id)) fetched.push({ table, version: upTo, row });
    }
  }
  return { rows: fetched.filter((r) => r.version <= upTo), upTo, more };
}

const toChange = ({ table, row }: Stamped): PulledChange => {
  const { _version, _hlc, _field_hlc, ...rest } = row;
  void _version;
  void _hlc;
  void _field_hlc;
  return { table, row: rest };
};

/**
 * A page of changes for a device's site since its cursors. Version order is commit order (see
 * nextSiteVersion), so reading `_version > cursor` never skips a row committed later with a lower
 * version. Reads run in one REPEATABLE READ snapshot so the two streams and all tables agree.
 */
export async function pullChanges(
  db: Kysely<CentralDatabase>,
  siteId: string,
  cursors: { site: number; org: number },
  limit: number,
): Promise<PullResponse> {
  return inSiteTransaction(
    db,
    siteId,
    async (trx) => {
      // Every read here is "this stream's rows after a version, in version order", which the
      // (site_id, _version) index of each table answers by walking it. Right after a large load,
      // before autovacuum has analysed the table, the planner's estimate of a row or two made it
      // pick a bitmap scan of the whole site plus a sort, per page: 20 ms a page at 20k rows,
      // growing with the site. Bitmap scans are off for this transaction only.
      await sql`SELECT set_config('enable_bitmapscan', 'off', true)`.execute(trx);
      // A stream whose head has not passed the cursor has nothing to send: most pulls follow a
      // poke for one stream, and probing every table of the other took a third of such a pull.
      const heads = await sql<{
        stream: string;
        version: number;
      }>`SELECT site_id::text AS stream, version FROM site_versions WHERE site_id IN (${siteId}::uuid, ${ORG_STREAM}::uuid)`.execute(
        trx,
      );
      const head = (stream: string) => heads.rows.find((h) => h.stream === stream)?.version ?? 0;
      const nothing = (cursor: number) => ({ rows: [], upTo: cursor, more: false });
      const site =
        head(siteId.toLowerCase()) > cursors.site
          ? await readStream(trx, siteId, cursors.site, limit)
          : nothing(cursors.site);
      const org =
        head(ORG_STREAM) > cursors.org ? await readStream(trx, null, cursors.org, limit) : nothing(cursors.org);
      const changes = [...org.rows, ...site.rows].map(toChange);
      return {
        changes,
        site: site.upTo,
        org: org.upTo,
        more: site.more || org.more,
        heads: { site: head(siteId.toLowerCase()), org: head(ORG_STREAM) },
      };
    },
    { isolation: 'repeatable read' },
  );
}
