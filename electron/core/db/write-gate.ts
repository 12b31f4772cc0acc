import type Database from 'better-sqlite3';

/**
 * The lock on synced tables. Every synced table carries BEFORE INSERT/UPDATE/DELETE triggers that
 * abort unless `sd_write_allowed()` returns 1, and only the mutation runner, the sync applier and
 * the migration runner open the gate, for the span of their own transaction. A connection that
 * never registered the function (the sqlite3 shell, another program) cannot write those tables at all.
 */
export interface WriteGate {
  readonly isOpen: boolean;
  /** Runs `fn` with the gate open; nested calls keep it open until the outermost one returns. */
  open<T>(fn: () => T): T;
  openAsync<T>(fn: () => Promise<T>): Promise<T>;
  /**
   * Also lets insert-only rows be deleted: only for undoing a local row the server refused (it never
   * existed there). Nothing else may remove an insert-only row.
   */
  revert<T>(fn: () => T): T;
}

export function installWriteGate(db: Database.Database): WriteGate {
  let depth = 0;
  let reverting = 0;
  db.function('sd_write_allowed', { deterministic: false, varargs: false }, () => (depth > 0 ? 1 : 0));
  db.function('sd_revert_allowed', { deterministic: false, varargs: false }, () =>
    reverting > 0 && depth > 0 ? 1 : 0,
  );
  return {
    get isOpen() {
      return depth > 0;
    },
    open(fn) {
      depth++;
      try {
        return fn();
      } finally {
        depth--;
      }
    },
    revert(fn) {
      reverting++;
      try {
        return fn();
      } finally {
        reverting--;
      }
    },
    async openAsync(fn) {
      depth++;
      try {
        return await fn();
      } finally {
        depth--;
      }
    },
  };
}

/**
 * SQL for the gate triggers of one synced table; migrations get it through `-- @synced T` and
 * `-- @insert-only T`. What this emits is part of shipped migrations (whose checksum covers only
 * the directive): never change it; a different trigger needs a new directive and a new migration.
 */
export function gateTriggersSql(table: string, insertOnly: boolean): string {
  const abort = (op: string) =>
    `CREATE TRIGGER "${table}_gate_${op.toLowerCase()}" BEFORE ${op} ON "${table}" WHEN sd_write_allowed() = 0 ` +
    `BEGIN SELECT RAISE(ABORT, 'SYNCED_WRITE_OUTSIDE_MUTATION: ${table} is written only through named mutations'); END;`;
  const frozen = (op: string) =>
    `CREATE TRIGGER "${table}_insert_only_${op.toLowerCase()}" BEFORE ${op} ON "${table}" ${op === 'DELETE' ? 'WHEN sd_revert_allowed() = 0 ' : ''}` +
    `BEGIN SELECT RAISE(ABORT, 'INSERT_ONLY: rows of ${table} never change; write a new row instead'); END;`;
  return insertOnly
    ? [abort('INSERT'), frozen('UPDATE'), frozen('DELETE')].join('\n')
    : [abort('INSERT'), abort('UPDATE'), abort('DELETE')].join('\n');
}
