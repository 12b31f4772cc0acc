import { CompiledQuery, sql } from 'kysely';
import { AppError } from '../../shared/errors.js';
import type { NewRow, RowPatch, Writer } from '../../shared/mutations/define.js';
import { madeAt, mergeFields, type LostField } from '../../shared/sync/merge-rule.js';
import { INSERT_ONLY_TABLES, SERVER_WRITTEN_TABLES, SYNCED_TABLES, type SyncedTable } from '../../shared/schema.js';
import { nextSiteVersion } from '../db/site-versions.js';
import type { CentralTransaction } from '../db/site-tx.js';

export interface OverwrittenChange {
  table: SyncedTable;
  id: string;
  /** The values this delete replaced, written by a change stamped later than this one. */
  previous: Record<string, unknown>;
  previousHlc: string;
}

/** Fields of one row an update did not change, because edits made later had changed them. */
export interface LostEdit {
  table: SyncedTable;
  id: string;
  lost: LostField[];
  /** When the losing update was made (its stamp, see editStamp). */
  at: string;
}

export interface PgWriteScope {
  siteId: string;
  now: string;
  hlc: string;
  /** Called when a delete undoes a restore stamped later than itself (deletes still apply in commit order). */
  onOverwrite(change: OverwrittenChange): void;
  /** Called when an update loses fields to edits made later (see mergeFields); those fields keep their values. */
  onLost?(edit: LostEdit): void;
  /** When the service received the write (its clock, ms): no stamp is ever later than this. */
  serverTime?: number;
  /** The writing device's clock minus the service's (ms), measured on its push. */
  clockOffsetMs?: number;
  /** The mutation computed its values from the server's rows (MutationDef.merge): they apply as written. */
  computed?: boolean;
}

/**
 * The stamp a write leaves on the fields it writes: when it was made, by the merge rule (its HLC
 * corrected by the device's clock offset, never later than its receipt). Without a receive time
 * (maintenance scripts on the server itself) the HLC as it is.
 */
function editStamp(scope: PgWriteScope): string {
  if (scope.serverTime === undefined) return scope.hlc;
  return madeAt(scope.hlc, { clockOffsetMs: scope.clockOffsetMs ?? 0, receivedAt: scope.serverTime });
}

const MUTABLE = (t: SyncedTable) => !INSERT_ONLY_TABLES.includes(t);
const ident = (s: string) => sql.ref(s);
const quoteIdent = (s: string) => `"${s.replace(/"/g, '""')}"`;
const BATCH_ROWS = 1000;

/**
 * PostgreSQL's "duplicate key" refusal of a new row's id, as an ordinary refusal. Row-level
 * security hides other sites' rows but not their ids from a unique index, so the raw error would
 * tell a device that the id exists elsewhere; this answer is the same wherever the id is taken.
 */
function idRefusal(err: unknown, table: SyncedTable): unknown {
  const e = err as { code?: string; constraint?: string };
  if (e?.code !== '23505' || e.constraint !== `${table}_pkey`) return err;
  return new AppError(
    'ID_UNAVAILABLE',
    `This new record's id cannot be used; nothing was saved. Make the record again: it gets a new id.`,
    { table },
  );
}

/** Column types of the synced tables, read once per process: the schema does not change under a running service. */
const typeCache = new Map<string, Promise<Map<string, string>>>();
function columnTypes(trx: CentralTransaction, table: SyncedTable): Promise<Map<string, string>> {
  let types = typeCache.get(table);
  if (!types) {
    types = sql<{
      name: string;
      type: string;
    }>`SELECT attname AS name, format_type(atttypid, atttypmod) AS type FROM pg_attribute WHERE attrelid = to_regclass(${table}) AND attnum > 0 AND NOT attisdropped`
      .execute(trx)
      .then((r) => new Map(r.rows.map((c) => [c.name, c.type])));
    types.catch(() => typeCache.delete(table));
    typeCache.set(table, types);
  }
  return types;
}

/**
 * The server's Writer: the same calls a mutator makes on the kiosk, against PostgreSQL inside a
 * site transaction. Every row written is stamped with the site stream's version of this
 * transaction (taken once, on the first write). `buffered` gathers inserts of blind mutations into
 * multi-row statements; anything that reads must `flush()` first.
 */
export function createPgWriter(trx: CentralTransaction, scope: PgWriteScope) {
  const versions = new Map<string, number>();
  const buffers = new Map<string, { table: SyncedTable; cols: string[]; rows: unknown[][]; ifAbsent: boolean }>();
  const changedTables = new Set<SyncedTable>();

  async function versionFor(siteId: string | null): Promise<number> {
    // Lock order: a site's stream before the organisation's, always, so two transactions that
    // write both can never wait on each other in a cycle.
    if (siteId === null && !versions.has(scope.siteId)) await versionFor(scope.siteId);
    const key = siteId ?? 'org';
    let v = versions.get(key);
    if (v === undefined) versions.set(key, (v = await nextSiteVersion(trx, siteId)));
    return v;
  }

  /** `create`: an insert or delete; rows of server-written tables may only be updated (resolved) by devices. */
  function check(table: string, siteId: unknown, create = true): asserts table is SyncedTable {
    if (!(SYNCED_TABLES as readonly string[]).includes(table))
      throw new AppError('VALIDATION_FAILED', `"${table}" is not a synced table.`);
    if (create && SERVER_WRITTEN_TABLES.includes(table as SyncedTable))
      throw new AppError('FORBIDDEN', `Only the server creates ${table} rows.`);
    if (siteId !== scope.siteId)
      throw new AppError('OUT_OF_SCOPE', `This device may only write rows of its own site (${table}).`, { table });
  }

  async function insertRows(table: SyncedTable, cols: string[], rows: unknown[][], ifAbsent: boolean): Promise<number> {
    let count = 0;
    const types = await columnTypes(trx, table);
    // The rows go as one JSON parameter (an array of arrays), each value cast to its column's
    // type in the statement: a thousand rows of a dozen values as separate parameters cost more
    // to serialise and bind than the rest of the push together.
    const select = cols.map((c, k) => {
      const type = types.get(c);
      if (!type) throw new AppError('VALIDATION_FAILED', `${table} has no column "${c}".`, { table });
      return `(r->>${k})::${type}`;
    });
    const text = `INSERT INTO ${quoteIdent(table)} (${cols.map(quoteIdent).join(', ')}) SELECT ${select.join(', ')} FROM json_array_elements($1::json) AS r${ifAbsent ? ' ON CONFLICT (id) DO NOTHING' : ''}`;
    for (let i = 0; i < rows.length; i += BATCH_ROWS) {
      const json = JSON.stringify(rows.length > BATCH_ROWS ? rows.slice(i, i + BATCH_ROWS) : rows);
      const res = await trx.executeQuery(CompiledQuery.raw(text, [json]));
      count += Number(res.numAffectedRows ?? 0);
    }
    if (count) changedTables.add(table);
    return count;
  }

  async function prepareInsert<T extends SyncedTable>(table: T, row: NewRow<T>) {
    const full = row as Record<string, unknown>;
    check(table, full.site_id);
    const cols = Object.keys(full).filter((c) => c !== 'created_at' && c !== 'updated_at');
    const values = cols.map((c) => full[c]);
    values.push(full.created_at ?? scope.now, full.updated_at ?? scope.now, await versionFor(full.site_id as string));
    const allCols = [...cols, 'created_at', 'updated_at', '_version'];
    if (MUTABLE(table)) {
      allCols.push('_hlc');
      values.push(scope.hlc);
      if (await hasFieldStamps(table)) {
        // Every field of a new row was written at its insert.
        allCols.push('_field_hlc');
        values.push({ '*': editStamp(scope) });
      }
    }
    return { cols: allCols, values };
  }

  const hasFieldStamps = async (table: SyncedTable) => (await columnTypes(trx, table)).has('_field_hlc');

  const writer = (buffered: boolean): Writer => ({
    async insert(table, row) {
      const { cols, values } = await prepareInsert(table, row);
      // Buffered rows fail at the flush, outside any one mutation: the push then redoes the
      // batch one mutation at a time through here.
      if (buffered) return buffer(table, cols, values, false);
      await insertRows(table, cols, [values], false).catch((err: unknown) => {
        throw idRefusal(err, table);
      });
    },
    async insertIfAbsent(table, row) {
      const { cols, values } = await prepareInsert(table, row);
      if (buffered) {
        buffer(table, cols, values, true);
        return true;
      }
      return (await insertRows(table, cols, [values], true)) > 0;
    },
    async update(table, id, patch: RowPatch<typeof table>) {
      check(table, scope.siteId, false);
      if (!MUTABLE(table)) throw new AppError('CONFLICT', `Rows of ${table} never change; write a new row instead.`);
      const patched = Object.keys(patch);
      const stamped = await hasFieldStamps(table);
      const read = [...patched, '_hlc', ...(stamped ? ['_field_hlc'] : [])];
      const current = await sql<
        Record<string, unknown>
      >`SELECT ${sql.join(read.map(ident))} FROM ${ident(table)} WHERE id = ${id} AND site_id = ${scope.siteId} FOR UPDATE`.execute(
        trx,
      );
      const before = current.rows[0];
      if (!before) throw new AppError('NOT_FOUND', `No ${table} row ${id} at this site.`, { table, id });
      const rowHlc = before._hlc as string | null;
      const fields = (before._field_hlc ?? {}) as Record<string, string>;
      // When each patched field was last written: its own stamp, else the insert's ("*"), else
      // (a row from before per-field stamps) the row's newest write.
      const stampOf = (c: string) => fields[c] ?? fields['*'] ?? rowHlc;
      const at = editStamp(scope);
      const merge = mergeFields(
        { patch: patch as Record<string, unknown>, at },
        before,
        stamped && !scope.computed ? stampOf : () => null,
      );
      if (merge.lost.length) scope.onLost?.({ table, id, lost: merge.lost, at });
      const cols = Object.keys(merge.apply);
      // Nothing left to change: the row, its version and its stamps stay as they are.
      if (!cols.length) return;
      const v = await versionFor(scope.siteId);
      const sets = cols.map((c) => sql`${ident(c)} = ${merge.apply[c]}`);
      sets.push(sql`updated_at = ${scope.now}`, sql`_version = ${v}`, sql`_hlc = GREATEST(_hlc, ${scope.hlc})`);
      if (stamped) {
        // A field keeps the later of its stamps (a computed write may be dated before the last edit).
        const merged: Record<string, string> = {};
        for (const [c, s] of Object.entries(merge.stamps)) {
          const last = stampOf(c);
          merged[c] = last !== null && last > s ? last : s;
        }
        // A row from before per-field stamps keeps what it knew: its other fields date from its _hlc.
        if (fields['*'] === undefined && rowHlc) merged['*'] = rowHlc;
        sets.push(sql`_field_hlc = _field_hlc || ${JSON.stringify(merged)}::jsonb`);
      }
      await sql`UPDATE ${ident(table)} SET ${sql.join(sets)} WHERE id = ${id} AND site_id = ${scope.siteId}`.execute(
        trx,
      );
      changedTables.add(table);
    },
    async softDelete(table, id) {
      check(table, scope.siteId);
      const v = await versionFor(scope.siteId);
      let stamp = sql``;
      if (await hasFieldStamps(table)) {
        const at = editStamp(scope);
        // A row brought back (deleted_at set to null) by a change stamped later than this delete:
        // the delete still goes through in commit order, and the restore it undoes is reported.
        const restored = await sql<{
          s: string | null;
        }>`SELECT _field_hlc->>'deleted_at' AS s FROM ${ident(table)} WHERE id = ${id} AND site_id = ${scope.siteId} AND deleted_at IS NULL FOR UPDATE`.execute(
          trx,
        );
        const restoredAt = restored.rows[0]?.s;
        if (restoredAt && restoredAt > at)
          scope.onOverwrite({ table, id, previous: { deleted_at: null }, previousHlc: restoredAt });
        stamp = sql`, _field_hlc = _field_hlc || jsonb_build_object('deleted_at', GREATEST(_field_hlc->>'deleted_at', ${at}::text))`;
      }
      const res =
        await sql`UPDATE ${ident(table)} SET deleted_at = ${scope.now}, updated_at = ${scope.now}, _version = ${v}${stamp} WHERE id = ${id} AND site_id = ${scope.siteId} AND deleted_at IS NULL`.execute(
          trx,
        );
      if (!Number(res.numAffectedRows ?? 0))
        throw new AppError('NOT_FOUND', `No ${table} row ${id} at this site.`, { table, id });
      changedTables.add(table);
    },
  });

  // Full chunks already sent: PostgreSQL writes one while the next mutators run. The connection
  // runs statements in the order given, and flush() waits for them all before anything reads.
  const inFlight: Promise<unknown>[] = [];
  let failed: unknown = null;

  function buffer(table: SyncedTable, cols: string[], values: unknown[], ifAbsent: boolean) {
    const key = `${table}|${ifAbsent}|${cols.join(',')}`;
    let b = buffers.get(key);
    if (!b) buffers.set(key, (b = { table, cols, rows: [], ifAbsent }));
    b.rows.push(values);
    if (b.rows.length >= BATCH_ROWS) {
      buffers.delete(key);
      inFlight.push(insertRows(b.table, b.cols, b.rows, b.ifAbsent).catch((err: unknown) => void (failed ??= err)));
    }
  }

  return {
    direct: writer(false),
    buffered: writer(true),
    /** Writes the gathered inserts; call before any read and before commit. */
    async flush() {
      const rest = [...buffers.values()];
      buffers.clear();
      for (const b of rest)
        inFlight.push(insertRows(b.table, b.cols, b.rows, b.ifAbsent).catch((err: unknown) => void (failed ??= err)));
      await Promise.all(inFlight.splice(0));
      if (failed) throw failed;
    },
    /** Server-side rows (conflict records) stamped like any other write. */
    async insertServerRow(table: SyncedTable, row: Record<string, unknown>) {
      const cols = Object.keys(row);
      const values = cols.map((c) => row[c]);
      cols.push('_version');
      values.push(await versionFor(row.site_id as string));
      await insertRows(table, cols, [values], false);
    },
    changedTables,
    /** Versions taken by this transaction, per stream ('org' for organisation-wide rows). */
    versions,
  };
}

export type PgWriter = ReturnType<typeof createPgWriter>;
