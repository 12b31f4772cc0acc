import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { LocalDatabase } from './local-schema.js';
import { loadMigrations, migrate, type MigrationReport } from './migrate.js';
import { withStatementCache } from './statement-cache.js';
import { installWriteGate, type WriteGate } from './write-gate.js';

export interface StoreOptions {
  path: string;
  migrationsDir: string;
}

export interface Store {
  /** Reads outside a write see the last committed state (a second, read-only connection). */
  readonly db: Kysely<LocalDatabase>;
  /** The writer connection; only for code that already holds `transaction`. */
  readonly raw: Database.Database;
  /**
   * The read-only connection behind `db`: the last committed state only. Code outside the
   * writers' queue reads here, never through `raw`, which also sees a transaction still open
   * (a batch of mutations awaiting a read between its writes) that may yet roll back.
   */
  readonly readRaw: Database.Database;
  readonly gate: WriteGate;
  readonly migrations: MigrationReport;
  /**
   * Runs `fn` in one IMMEDIATE transaction on the writer connection; writes are serialised, so a
   * transaction may await (Kysely reads inside it) without another write interleaving.
   */
  transaction<T>(fn: (tx: Kysely<LocalDatabase>) => Promise<T>): Promise<T>;
  /**
   * Runs `fn` in the writers' queue with no transaction open, so it may replace the database
   * through another connection (a restore) while nothing else writes.
   */
  exclusive<T>(fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** A serial queue: each task starts when the previous one has settled. */
function createQueue() {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  };
}

export function openStore(opts: StoreOptions): Store {
  mkdirSync(dirname(opts.path), { recursive: true });
  const writer = new Database(opts.path);
  writer.pragma('journal_mode = WAL');
  writer.pragma('synchronous = NORMAL');
  writer.pragma('foreign_keys = ON');
  writer.pragma('busy_timeout = 5000');
  const gate = installWriteGate(writer);
  let migrations: MigrationReport;
  try {
    migrations = migrate(writer, gate, loadMigrations(opts.migrationsDir));
  } catch (err) {
    writer.close();
    throw err;
  }
  const reader = new Database(opts.path, { readonly: true });
  reader.pragma('busy_timeout = 5000');
  const db = new Kysely<LocalDatabase>({ dialect: new SqliteDialect({ database: withStatementCache(reader) }) });
  const wdb = new Kysely<LocalDatabase>({ dialect: new SqliteDialect({ database: withStatementCache(writer) }) });
  const enqueue = createQueue();
  const begin = writer.prepare('BEGIN IMMEDIATE');
  const commit = writer.prepare('COMMIT');
  const rollback = writer.prepare('ROLLBACK');
  let closed = false;

  return {
    db,
    raw: writer,
    readRaw: reader,
    gate,
    migrations,
    transaction: (fn) =>
      enqueue(async () => {
        if (closed) throw new Error('The store is closed');
        begin.run();
        try {
          const value = await fn(wdb);
          commit.run();
          return value;
        } catch (err) {
          if (writer.inTransaction) rollback.run();
          throw err;
        }
      }),
    exclusive: (fn) =>
      enqueue(async () => {
        if (closed) throw new Error('The store is closed');
        return fn();
      }),
    async close() {
      if (closed) return;
      closed = true;
      await enqueue(async () => undefined);
      await db.destroy();
      await wdb.destroy();
    },
  };
}
