import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors.js';
import type { NewRow, RowPatch, Writer } from '../../../shared/mutations/define.js';
import { INSERT_ONLY_TABLES, SYNCED_TABLES, type SyncedTable } from '../../../shared/schema.js';

export interface WriteScope {
  /** The device's site; a row of another site is out of scope. */
  siteId: string;
  /** Organisation-wide rows (site_id NULL) and other sites' rows, for seeding only. */
  anySite: boolean;
  now: string;
  /** Re-applying a queued mutation on top of pulled rows: inserts overwrite what is there. */
  rebase: boolean;
  /** The rows written so far, as "table:id", for the outbox's write set. */
  written: string[];
}

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** INSERT, INSERT OR IGNORE, or an UPSERT that overwrites every given column of an existing row. */
export function upsertSql(verb: 'INSERT' | 'INSERT OR IGNORE' | 'UPSERT', table: string, cols: string[]): string {
  const head = `${verb === 'UPSERT' ? 'INSERT' : verb} INTO ${q(table)} (${cols.map(q).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`;
  if (verb !== 'UPSERT') return head;
  const set = cols.filter((c) => c !== 'id').map((c) => `${q(c)} = excluded.${q(c)}`);
  return `${head} ON CONFLICT (id) DO UPDATE SET ${set.join(', ')}`;
}

/**
 * Writer over prepared statements on the kiosk's writer connection. Statements are cached by
 * shape, so the per-row cost is one `run` (the point of the capture benchmark). `scope` is read
 * at each write, so one writer serves a whole batch as `scope.now` moves on.
 */
export function createSqliteWriter(db: Database.Database) {
  const cache = new Map<string, Database.Statement>();
  const stmt = (key: string, sql: () => string) => {
    let s = cache.get(key);
    if (!s) cache.set(key, (s = db.prepare(sql())));
    return s;
  };
  const synced: ReadonlySet<string> = new Set(SYNCED_TABLES);
  const insertOnly: ReadonlySet<string> = new Set(INSERT_ONLY_TABLES);
  const checkTable = (table: string) => {
    if (!synced.has(table)) throw new AppError('VALIDATION_FAILED', `"${table}" is not a synced table.`);
  };
  const checkSite = (scope: WriteScope, siteId: unknown, table: string) => {
    if (scope.anySite || siteId === scope.siteId) return;
    throw new AppError('OUT_OF_SCOPE', `This device may only write rows of its own site (${table}).`, { table });
  };
  const verbFor = (table: SyncedTable, ifAbsent: boolean, rebase: boolean) => {
    if (ifAbsent || (rebase && insertOnly.has(table))) return 'INSERT OR IGNORE';
    return rebase ? 'UPSERT' : 'INSERT';
  };

  return function writerFor(scope: WriteScope, changed: Set<SyncedTable>): Writer {
    const insert = <T extends SyncedTable>(table: T, row: NewRow<T>, ifAbsent: boolean): boolean => {
      checkTable(table);
      const full = row as Record<string, unknown>;
      checkSite(scope, full.site_id, table);
      const verb = verbFor(table, ifAbsent, scope.rebase);
      // One pass over the row gives both the statement's shape key and its parameters: this runs
      // once per written row, so it allocates no intermediate column lists.
      let key = `${verb}:${table}:`;
      const params: unknown[] = [];
      for (const c in full) {
        if (c === 'created_at' || c === 'updated_at') continue;
        key += `${c},`;
        params.push(full[c]);
      }
      const s = stmt(key, () =>
        upsertSql(verb, table, [
          ...Object.keys(full).filter((c) => c !== 'created_at' && c !== 'updated_at'),
          'created_at',
          'updated_at',
        ]),
      );
      params.push(full.created_at ?? scope.now, full.updated_at ?? scope.now);
      const changes = s.run(params).changes;
      if (changes > 0) {
        changed.add(table);
        scope.written.push(`${table}:${full.id as string}`);
      }
      return changes > 0;
    };

    return {
      async insert(table, row) {
        insert(table, row, false);
      },
      insertIfAbsent: async (table, row) => insert(table, row, true),
      async update(table, id, patch: RowPatch<typeof table>) {
        checkTable(table);
        const full: Record<string, unknown> = { ...patch, updated_at: scope.now };
        const cols = Object.keys(full);
        const where = scope.anySite ? 'id = ?' : 'id = ? AND site_id = ?';
        const s = stmt(
          `UPDATE:${table}:${cols.join(',')}:${scope.anySite}`,
          () => `UPDATE ${q(table)} SET ${cols.map((c) => `${q(c)} = ?`).join(', ')} WHERE ${where}`,
        );
        const params = [...cols.map((c) => full[c]), id, ...(scope.anySite ? [] : [scope.siteId])];
        const info = s.run(params);
        if (info.changes === 0) throw new AppError('NOT_FOUND', `No ${table} row ${id} at this site.`, { table, id });
        changed.add(table);
        scope.written.push(`${table}:${id}`);
      },
      async softDelete(table, id) {
        checkTable(table);
        const where = scope.anySite ? 'id = ?' : 'id = ? AND site_id = ?';
        const s = stmt(
          `DELETE:${table}:${scope.anySite}`,
          () => `UPDATE ${q(table)} SET deleted_at = ?, updated_at = ? WHERE ${where} AND deleted_at IS NULL`,
        );
        const info = s.run(scope.now, scope.now, id, ...(scope.anySite ? [] : [scope.siteId]));
        if (info.changes === 0 && !scope.rebase)
          throw new AppError('NOT_FOUND', `No ${table} row ${id} at this site.`, { table, id });
        changed.add(table);
        scope.written.push(`${table}:${id}`);
      },
    };
  };
}
