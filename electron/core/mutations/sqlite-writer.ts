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
  const stmtOf = (key: string, sql: () => string) => {
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

  // The statement of the last row shape seen per verb and table: a mutation writes rows of one
  // shape over and over, so checking the row's columns against it (no string built) is the common
  // path, and the keyed cache is the fallback for a new shape.
  interface Shape {
    cols: string[];
    stmt: Database.Statement;
  }
  const lastShape = new Map<string, Shape>();
  const sameCols = (full: Record<string, unknown>, cols: string[]) => {
    let i = 0;
    for (const c in full) {
      if (c === 'created_at' || c === 'updated_at') continue;
      if (cols[i++] !== c) return false;
    }
    return i === cols.length;
  };
  const shapeFor = (verb: string, table: string, full: Record<string, unknown>): Shape => {
    const slot = `${verb}:${table}`;
    const last = lastShape.get(slot);
    if (last && sameCols(full, last.cols)) return last;
    const cols = Object.keys(full).filter((c) => c !== 'created_at' && c !== 'updated_at');
    const stmt = stmtOf(`${slot}:${cols.join(',')}`, () =>
      upsertSql(verb as 'INSERT', table, [...cols, 'created_at', 'updated_at']),
    );
    const shape = { cols, stmt };
    lastShape.set(slot, shape);
    return shape;
  };
  // Writes are synchronous; the Writer interface is async for the mutators' sake. One settled
  // promise serves every successful write instead of one new promise per row.
  const done: Promise<void> = Promise.resolve();
  const settled = <T>(fn: () => T): Promise<T> => {
    try {
      const v = fn();
      return (v === undefined ? done : Promise.resolve(v)) as Promise<T>;
    } catch (err) {
      return Promise.reject(err as Error);
    }
  };

  return function writerFor(scope: WriteScope, changed: Set<SyncedTable>): Writer {
    const insert = <T extends SyncedTable>(table: T, row: NewRow<T>, ifAbsent: boolean): boolean => {
      checkTable(table);
      const full = row as Record<string, unknown>;
      checkSite(scope, full.site_id, table);
      const { cols, stmt } = shapeFor(verbFor(table, ifAbsent, scope.rebase), table, full);
      const params: unknown[] = new Array(cols.length + 2);
      for (let i = 0; i < cols.length; i++) params[i] = full[cols[i]];
      params[cols.length] = full.created_at ?? scope.now;
      params[cols.length + 1] = full.updated_at ?? scope.now;
      const changes = stmt.run(params).changes;
      if (changes > 0) {
        changed.add(table);
        scope.written.push(`${table}:${full.id as string}`);
      }
      return changes > 0;
    };

    return {
      insert: (table, row) =>
        settled(() => {
          insert(table, row, false);
        }),
      insertIfAbsent: (table, row) => settled(() => insert(table, row, true)),
      async update(table, id, patch: RowPatch<typeof table>) {
        checkTable(table);
        const full: Record<string, unknown> = { ...patch, updated_at: scope.now };
        const cols = Object.keys(full);
        const where = scope.anySite ? 'id = ?' : 'id = ? AND site_id = ?';
        const s = stmtOf(
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
        const s = stmtOf(
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
