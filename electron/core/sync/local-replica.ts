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

/** What made a kiosk decide that shore went back to an older copy, and what it does about it. */
export interface ShoreWentBack {
  reason: 'epoch' | 'device_seq' | 'stream_version';
  /** The last seq shore holds from this kiosk; everything after it is sent again. */
  shoreSeq: number;
  /** What this kiosk had seen acknowledged. */
  ackedSeq: number;
}

/** What shore says about itself in a push or pull answer. */
export interface ShoreView {
  epoch?: string | null;
  /** The last seq shore holds from this device. */
  deviceSeq?: number;
  heads?: { site: number; org: number };
}

export const DEFAULT_RETENTION_DAYS = 30;

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
  sig: string;
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
  /** The kiosk's clock (ms): settled entries are kept `retentionDays` from when shore acknowledged them. */
  now?: () => number;
  /** How long settled mutations are kept to re-send to a restored shore (default 30 days). */
  retentionDays?: number;
  /** Told when shore turned out to have gone back in time, and from which seq this kiosk sends again. */
  onShoreWentBack?: (info: ShoreWentBack) => void;
  /** Signs renumbered entries again: their signatures cover the seq (see outbox-signatures.ts). */
  resignFrom?: (seq: number) => void;
}) {
  const { store } = deps;
  const db = store.raw;
  const columns = new Map<string, Set<string>>();
  const columnsOf = (table: string) => {
    let set = columns.get(table);
    if (!set)
      columns.set(
        table,
        (set = new Set((db.prepare(`PRAGMA table_info("${table}")`).all() as { name: string }[]).map((c) => c.name))),
      );
    return set;
  };
  const getMeta = db.prepare('SELECT value FROM meta WHERE key = ?');
  const putMeta = db.prepare(
    'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  const pending = db.prepare(
    "SELECT seq, name, version, args, hlc, user_id, rows, sig FROM outbox WHERE status = 'pending' AND seq > ? AND seq <= ? ORDER BY seq LIMIT ?",
  );
  const newest = db.prepare('SELECT MAX(seq) AS seq FROM outbox');
  const settle = db.prepare('UPDATE outbox SET status = ?, last_error = ?, attempts = attempts + 1 WHERE seq = ?');
  // Done entries go at once (pruning would remove them at the end of the settle anyway), except
  // the newest row of the outbox, kept so a seq is never reused.
  const dropDone = db.prepare('DELETE FROM outbox WHERE seq BETWEEN ? AND ? AND seq < (SELECT MAX(seq) FROM outbox)');
  const settleDone = db.prepare(
    "UPDATE outbox SET status = 'applied', last_error = NULL, attempts = attempts + 1 WHERE seq BETWEEN ? AND ?",
  );
  const prune = db.prepare("DELETE FROM outbox WHERE status = 'applied' AND seq < (SELECT MAX(seq) FROM outbox)");
  // Settled entries are kept (settled_mutations) for re-sending to a restored shore; see reopenAfter.
  const keepSettled = db.prepare(
    'INSERT OR REPLACE INTO settled_mutations (seq, name, version, args, hlc, user_id, rows, sig, settled_at) SELECT seq, name, version, args, hlc, user_id, rows, sig, ? FROM outbox WHERE seq BETWEEN ? AND ?',
  );
  const expire = db.prepare('DELETE FROM settled_mutations WHERE settled_at < ? AND seq <= ?');
  const reopenInOutbox = db.prepare(
    "UPDATE outbox SET status = 'pending', attempts = 0, last_error = NULL WHERE seq > ? AND status <> 'pending'",
  );
  const reopenSettled = db.prepare(
    "INSERT INTO outbox (seq, name, version, args, hlc, user_id, rows, sig, status) SELECT seq, name, version, args, hlc, user_id, rows, sig, 'pending' FROM settled_mutations s WHERE s.seq > ? AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.seq = s.seq)",
  );
  const forgetSettled = db.prepare('DELETE FROM settled_mutations WHERE seq > ?');
  const firstPending = db.prepare("SELECT MIN(seq) AS seq FROM outbox WHERE status = 'pending'");
  const now = deps.now ?? (() => Date.now());
  const retentionMs = (deps.retentionDays ?? DEFAULT_RETENTION_DAYS) * 86_400_000;
  const markSeen = db.prepare('INSERT OR IGNORE INTO resync_seen (tbl, id) VALUES (?, ?)');
  const meta = (k: string) => (getMeta.get(k) as { value: string } | undefined)?.value;

  /**
   * Everything after `shoreSeq` goes again, as pending, in its order: settled entries come back
   * from settled_mutations, refused and dead ones are asked again (shore has no record of them). A
   * gap this kiosk cannot fill (entries past their retention) is closed by renumbering, so the
   * first entry sent follows `shoreSeq` and shore does not wait for seqs nobody has.
   */
  function reopenAfter(shoreSeq: number) {
    reopenInOutbox.run(shoreSeq);
    reopenSettled.run(shoreSeq);
    forgetSettled.run(shoreSeq);
    const first = (firstPending.get() as { seq: number | null }).seq;
    if (first !== null && first > shoreSeq + 1) renumberFrom(first, shoreSeq);
  }
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
    deps.resignFrom?.(after + 1);
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
    return (
      site === null || site === undefined || site === deps.siteId || (c.table === 'sites' && c.row.id === deps.siteId)
    );
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
        const sig = r.sig ? `,"sig":"${r.sig}"` : '';
        const head = `{"seq":${r.seq},"name":${JSON.stringify(r.name)},"version":${r.version},"hlc":${JSON.stringify(r.hlc)},"userId":${JSON.stringify(r.user_id)},"writes":${JSON.stringify(r.rows ? r.rows.split(',') : [])}${sig}`;
        return { seq: r.seq, head, json: `${head},"args":${r.args}}` };
      });
    },

    /** Applies one pulled page and its cursors atomically, then replays pending local mutations. */
    applyPull(page: PullResponse): Promise<number> {
      return inTx(async (tx, changed) => {
        let applied = 0;
        // A full re-pull after shore went back: note every row shore sent, and at its last page
        // remove what shore no longer has (it came from mutations a restore lost; their senders
        // send them again, and they come back by the next pull).
        const resync = meta('sync.resync') === '1';
        const ordered = [...page.changes].sort(
          (a, b) => SYNCED_TABLES.indexOf(a.table as SyncedTable) - SYNCED_TABLES.indexOf(b.table as SyncedTable),
        );
        for (const c of ordered) {
          if (!checkChange(c)) continue;
          writeServerRow(c.table, c.row, changed);
          if (resync) markSeen.run(c.table, String(c.row.id));
          applied++;
        }
        putMeta.run('sync.site_cursor', String(page.site));
        putMeta.run('sync.org_cursor', String(page.org));
        const swept = resync && !page.more;
        if (swept) {
          db.pragma('defer_foreign_keys = ON');
          for (const table of [...SYNCED_TABLES].reverse()) {
            const gone = store.gate.revert(() =>
              db
                .prepare(`DELETE FROM "${table}" WHERE id NOT IN (SELECT id FROM resync_seen WHERE tbl = ?)`)
                .run(table),
            );
            if (gone.changes) changed.add(table);
          }
          db.prepare('DELETE FROM resync_seen').run();
          putMeta.run('sync.resync', '0');
        }
        if (applied || swept) await deps.runner.replayPending(tx, changed, resolveDef);
        return applied;
      });
    },

    /**
     * Records the server's answers: applied and duplicate entries are done; rejected and dead ones
     * stay visible with their reason. Rows the server sends back (the write sets of refused and
     * duplicate mutations, and of applied ones that read) are put as the server has them.
     */
    settle(
      res: Pick<PushResponse, 'results' | 'revert' | 'resendFrom' | 'renumber' | 'lastHlc' | 'lastSeq' | 'backedUpSeq'>,
    ): Promise<void> {
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
            keepSettled.run(new Date(now()).toISOString(), from, to);
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
        if (resendFrom !== undefined) reopenAfter(resendFrom - 1);
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
              if (INSERT_ONLY_TABLES.includes(table))
                store.gate.revert(() => db.prepare(`DELETE FROM "${table}" WHERE id = ?`).run(r.id));
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
        // The highest seq shore ever settled for this kiosk: an answer below it later means shore went back (observeShore).
        let acked = Number(meta('sync.acked_seq') ?? 0);
        for (const r of results) if (r.seq > acked) acked = r.seq;
        putMeta.run('sync.acked_seq', String(acked));
        // Kept the retention window, and past it until shore reports a backup holding them (a
        // shore that reports no backups at all: the window only).
        if (res.backedUpSeq !== undefined) putMeta.run('sync.backed_up_seq', String(res.backedUpSeq));
        const backedUp = meta('sync.backed_up_seq');
        expire.run(
          new Date(now() - retentionMs).toISOString(),
          backedUp === undefined ? Number.MAX_SAFE_INTEGER : Number(backedUp),
        );
      });
    },

    /**
     * Checks what shore says about itself against what this kiosk saw before: another epoch (a
     * restored database), fewer of this device's mutations than it had acknowledged, or streams
     * behind this kiosk's cursors all mean shore went back in time. The kiosk then recovers in
     * one transaction: what shore no longer has goes again (see reopenAfter), the cursors go
     * back to 0 for a full re-pull that also removes rows shore no longer has, and pending
     * changes stay. Returns the finding, or null when shore is where it was.
     */
    observeShore(view: ShoreView): Promise<ShoreWentBack | null> {
      return inTx(async () => {
        const epoch = meta('sync.epoch');
        const ackedSeq = Number(meta('sync.acked_seq') ?? 0);
        const c = { site: Number(meta('sync.site_cursor') ?? 0), org: Number(meta('sync.org_cursor') ?? 0) };
        let reason: ShoreWentBack['reason'] | null = null;
        if (view.epoch && epoch && view.epoch !== epoch) reason = 'epoch';
        else if (view.deviceSeq !== undefined && view.deviceSeq < ackedSeq) reason = 'device_seq';
        else if (view.heads && (view.heads.site < c.site || view.heads.org < c.org)) reason = 'stream_version';
        if (view.epoch && view.epoch !== epoch) putMeta.run('sync.epoch', view.epoch);
        if (!reason) return null;
        const shoreSeq = Math.min(view.deviceSeq ?? ackedSeq, ackedSeq);
        reopenAfter(shoreSeq);
        putMeta.run('sync.acked_seq', String(shoreSeq));
        putMeta.run('sync.site_cursor', '0');
        putMeta.run('sync.org_cursor', '0');
        putMeta.run('sync.resync', '1');
        db.prepare('DELETE FROM resync_seen').run();
        // A backup reported by the shore that went back says nothing about the one it became.
        db.prepare("DELETE FROM meta WHERE key = 'sync.backed_up_seq'").run();
        const info = { reason, shoreSeq, ackedSeq };
        deps.onShoreWentBack?.(info);
        return info;
      });
    },

    /**
     * This kiosk's device is unknown to shore and was enrolled again (same device id, new token):
     * shore holds none of its mutations, so everything retained goes again from seq 1, and a full
     * re-pull follows. Local data and pending changes stay as they are.
     */
    reenrolled(token: string): Promise<void> {
      return inTx(async () => {
        putMeta.run('sync.token', token);
        reopenAfter(0);
        putMeta.run('sync.acked_seq', '0');
        putMeta.run('sync.site_cursor', '0');
        putMeta.run('sync.org_cursor', '0');
        putMeta.run('sync.resync', '1');
        db.prepare('DELETE FROM resync_seen').run();
        // A backup reported by the shore that went back says nothing about the one it became.
        db.prepare("DELETE FROM meta WHERE key = 'sync.backed_up_seq'").run();
      });
    },
  };
}

export type LocalReplica = ReturnType<typeof createLocalReplica>;
