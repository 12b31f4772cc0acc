import type Database from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { findMutation } from '../../../shared/mutations/index.js';
import { INSERT_ONLY_TABLES, SYNCED_TABLES, type SyncedDatabase, type SyncedTable } from '../../../shared/schema.js';
import type { Hlc } from '../../../shared/hlc.js';
import type { PulledChange, PullResponse, PushResponse } from '../../../shared/sync/protocol.js';
import type { Store } from '../db/store.js';
import { upsertSql } from '../mutations/sqlite-writer.js';
import type { MutationRunner } from '../mutations/mutation-runner.js';

/** A pending mutation ready to send: `json` is a PushedMutation; `head` the same without its args. */
export interface PendingMutation {
  seq: number;
  head: string;
  json: string;
}

export interface Cursors {
  site: number;
  org: number;
}

interface OutboxRow {
  seq: number;
  name: string;
  version: number;
  args: string;
  hlc: string;
  user_id: string | null;
  rows: string;
}

const resolveDef = (name: string, version: number) => {
  const def = findMutation(name);
  return def && def.version === version ? def : undefined;
};

/**
 * The kiosk's side of replication: reads the outbox for pushing, settles it with the server's
 * answers, and applies pulled pages — each in one SQLite transaction together with its cursor,
 * followed by a replay of the still-pending local mutations.
 */
export function createLocalReplica(deps: {
  store: Store;
  runner: MutationRunner;
  siteId: string;
  onApplied?: (tables: SyncedTable[]) => void;
  /** The kiosk's clock, moved past the server's newest timestamp of this device after each push. */
  hlc?: Hlc;
  /** Told when pending entries were renumbered after a reused seq. */
  onRenumbered?: (from: number, after: number) => void;
}) {
  const { store } = deps;
  const db = store.raw;
  const columns = new Map<string, Set<string>>();
  const columnsOf = (table: string) => {
    let set = columns.get(table);
    if (!set) columns.set(table, (set = new Set((db.prepare(`PRAGMA table_info("${table}")`).all() as { name: string }[]).map((c) => c.name))));
    return set;
  };
  const getMeta = db.prepare('SELECT value FROM meta WHERE key = ?');
  const putMeta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  const pending = db.prepare("SELECT seq, name, version, args, hlc, user_id, rows FROM outbox WHERE status = 'pending' AND seq > ? AND seq <= ? ORDER BY seq LIMIT ?");
  const newest = db.prepare('SELECT MAX(seq) AS seq FROM outbox');
  const settle = db.prepare('UPDATE outbox SET status = ?, last_error = ?, attempts = attempts + 1 WHERE seq = ?');
  // Done entries go at once (pruning would remove them at the end of the settle anyway), except
  // the newest row of the outbox, kept so a seq is never reused.
  const dropDone = db.prepare('DELETE FROM outbox WHERE seq BETWEEN ? AND ? AND seq < (SELECT MAX(seq) FROM outbox)');
  const settleDone = db.prepare("UPDATE outbox SET status = 'applied', last_error = NULL, attempts = attempts + 1 WHERE seq BETWEEN ? AND ?");
  const prune = db.prepare("DELETE FROM outbox WHERE status = 'applied' AND seq < (SELECT MAX(seq) FROM outbox)");
  const reopen = db.prepare("UPDATE outbox SET status = 'pending' WHERE seq >= ? AND status = 'applied'");
  // Moving a run of seqs up in one UPDATE could meet a row not moved yet: through negatives.
  const setAside = db.prepare('UPDATE outbox SET seq = -seq WHERE seq >= ?');
  const putBack = db.prepare('UPDATE outbox SET seq = -seq + ? WHERE seq < 0');

  /**
   * The service already applied other mutations under seqs from `from` on (this database is an
   * older copy than the one that sent them): the entries from `from` on move to follow `after`,
   * in their order, and go again as new. Only ever asked while they are all still pending.
   */
  function renumberFrom(from: number, after: number) {
    if (after < from) return;
    setAside.run(from);
    putBack.run(after + 1 - from);
    deps.onRenumbered?.(from, after);
  }

  // Pulled rows of a table share their columns: one statement per shape, not one per row, found
  // by the row's own key list (the server sends every row of a table with the same keys).
  const shapes = new Map<string, { cols: string[]; stmt: Database.Statement } | null>();

  /** Writes one server row as it is on the server (the gate must be open). */
  function writeServerRow(table: SyncedTable, row: Record<string, unknown>, changed: Set<SyncedTable>) {
    const keys = Object.keys(row);
    const key = `${table}:${keys.join(',')}`;
    let shape = shapes.get(key);
    if (shape === undefined) {
      // Server-only bookkeeping columns (_version, _hlc) and anything newer than this app are dropped.
      const known = columnsOf(table);
      const cols = keys.filter((c) => known.has(c));
      const verb = INSERT_ONLY_TABLES.includes(table) ? 'INSERT OR IGNORE' : 'UPSERT';
      shape = cols.includes('id') ? { cols, stmt: db.prepare(upsertSql(verb, table, cols)) } : null;
      if (shapes.size >= 500) shapes.clear(); // a server sending ever new shapes cannot grow it without end
      shapes.set(key, shape);
    }
    if (!shape) return;
    const values = new Array<unknown>(shape.cols.length);
    for (let i = 0; i < values.length; i++) values[i] = row[shape.cols[i]];
    shape.stmt.run(values as never[]);
    changed.add(table);
  }

  function checkChange(c: PulledChange): c is PulledChange & { table: SyncedTable } {
    if (!(SYNCED_TABLES as readonly string[]).includes(c.table)) return false;
    const site = c.row.site_id;
    // Defence in depth: the server scopes pulls by the device's site; a row of another site is dropped.
    return site === null || site === undefined || site === deps.siteId || (c.table === 'sites' && c.row.id === deps.siteId);
  }

  const inTx = <T>(fn: (tx: Kysely<SyncedDatabase>, changed: Set<SyncedTable>) => Promise<T>) => {
    const changed = new Set<SyncedTable>();
    return store
      .transaction((tx) => store.gate.openAsync(() => fn(tx as unknown as Kysely<SyncedDatabase>, changed)))
      .then((value) => {
        if (changed.size) deps.onApplied?.([...changed]);
        return value;
      });
  };

  return {
    cursors(): Cursors {
      const read = (k: string) => Number((getMeta.get(k) as { value: string } | undefined)?.value ?? 0);
      return { site: read('sync.site_cursor'), org: read('sync.org_cursor') };
    },

    /** The newest seq queued so far (0 when none), to bound a push to what was queued when it began. */
    newestSeq(): number {
      return (newest.get() as { seq: number | null }).seq ?? 0;
    },

    /**
     * The next pending mutations after seq `after`, as PushedMutation JSON texts, in seq order. The args go out as
     * the outbox stored them (JSON written by the mutation layer from validated args): parsing
     * and re-serialising them was a sixth of a large push.
     */
    pendingBatch(limit: number, upTo = Number.MAX_SAFE_INTEGER, after = 0): PendingMutation[] {
      return (pending.all(after, upTo, limit) as OutboxRow[]).map((r) => {
        const head = `{"seq":${r.seq},"name":${JSON.stringify(r.name)},"version":${r.version},"hlc":${JSON.stringify(r.hlc)},"userId":${JSON.stringify(r.user_id)},"writes":${JSON.stringify(r.rows ? r.rows.split(',') : [])}`;
        return { seq: r.seq, head, json: `${head},"args":${r.args}}` };
      });
    },

    /** Applies one pulled page and its cursors atomically, then replays pending local mutations. */
    applyPull(page: PullResponse): Promise<number> {
      return inTx(async (tx, changed) => {
        let applied = 0;
        const ordered = [...page.changes].sort((a, b) => SYNCED_TABLES.indexOf(a.table as SyncedTable) - SYNCED_TABLES.indexOf(b.table as SyncedTable));
        for (const c of ordered) {
          if (!checkChange(c)) continue;
          writeServerRow(c.table, c.row, changed);
          applied++;
        }
        putMeta.run('sync.site_cursor', String(page.site));
        putMeta.run('sync.org_cursor', String(page.org));
        if (applied) await deps.runner.replayPending(tx, changed, resolveDef);
        return applied;
      });
    },

    /**
     * Records the server's answers: applied and duplicate entries are done; rejected and dead ones
     * stay visible with their reason. Rows the server sends back (the write sets of refused and
     * duplicate mutations, and of applied ones that read) are put as the server has them.
     */
    settle(res: Pick<PushResponse, 'results' | 'revert' | 'resendFrom' | 'renumber' | 'lastHlc'>): Promise<void> {
      const { results, revert, resendFrom, renumber } = res;
      // The clock moves past the newest mutation the server holds from this device, so what is
      // written next is newer than it even after this database went back to an older copy.
      if (res.lastHlc) deps.hlc?.receive(res.lastHlc);
      return inTx(async (tx, changed) => {
        // Runs of consecutive seqs that went through settle in one statement each: a batch of
        // thousands is usually one run.
        let from = -1;
        let to = -1;
        const flushRun = () => {
          if (from >= 0) {
            dropDone.run(from, to);
            settleDone.run(from, to);
          }
          from = to = -1;
        };
        for (const r of results) {
          if (r.status === 'applied' || r.status === 'duplicate') {
            if (from >= 0 && r.seq === to + 1) to = r.seq;
            else {
              flushRun();
              from = to = r.seq;
            }
            continue;
          }
          settle.run(r.status === 'dead' ? 'dead' : 'rejected', `${r.code ?? 'REJECTED'}: ${r.message ?? ''}`, r.seq);
        }
        flushRun();
        if (resendFrom !== undefined) reopen.run(resendFrom);
        if (renumber) renumberFrom(renumber.from, renumber.after);
        if (revert.length) {
          // Undone rows go in the order they were written, parents first (a person before their
          // role), so foreign keys are checked at commit, when the undo is complete.
          db.pragma('defer_foreign_keys = ON');
          for (const r of revert) {
            if (!(SYNCED_TABLES as readonly string[]).includes(r.table)) continue;
            const table = r.table as SyncedTable;
            if (r.row) {
              // The server's row is the record: an insert-only row this kiosk wrote from an older
              // view (an audit entry saying "from waiter" where the server saw "from manager") is
              // replaced, not kept beside it.
              if (INSERT_ONLY_TABLES.includes(table)) store.gate.revert(() => db.prepare(`DELETE FROM "${table}" WHERE id = ?`).run(r.id));
              writeServerRow(table, r.row, changed);
            } else {
              // The server never had this row: the refused mutation created it here. Even an
              // insert-only row goes, since it never existed anywhere else.
              store.gate.revert(() => db.prepare(`DELETE FROM "${table}" WHERE id = ?`).run(r.id));
              changed.add(table);
            }
          }
          await deps.runner.replayPending(tx, changed, resolveDef);
        }
        prune.run();
      });
    },

  };
}

export type LocalReplica = ReturnType<typeof createLocalReplica>;
