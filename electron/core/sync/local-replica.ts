import type Database from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { findMutation } from '../../../shared/mutations/index.js';
import { INSERT_ONLY_TABLES, SYNCED_TABLES, type SyncedDatabase, type SyncedTable } from '../../../shared/schema.js';
import type { Hlc } from '../../../shared/hlc.js';
import type { PulledChange, PullResponse, PushResponse } from '../../../shared/sync/protocol.js';
import type { HubTentativeResponse } from '../../../shared/sync/hub-protocol.js';
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
  /**
   * Told when a restored shore lacks entries this kiosk no longer keeps (past their retention):
   * seqs `from`..`to` are given up and the entries after them renumbered to follow shore's.
   */
  onGapClosed?: (from: number, to: number) => void;
  /** The kiosk's clock (ms): settled entries are kept `retentionDays` from when shore acknowledged them. */
  now?: () => number;
  /** How long settled mutations are kept to re-send to a restored shore (default 30 days). */
  retentionDays?: number;
  /** Told when shore turned out to have gone back in time, and from which seq this kiosk sends again. */
  onShoreWentBack?: (info: ShoreWentBack) => void;
  /** Signs renumbered entries again: their signatures cover the seq (see outbox-signatures.ts). */
  resignFrom?: (seq: number) => void;
  /**
   * Signs the committed entries still unsigned, in the writers' queue, before a push reads them:
   * entries are signed when first sent, not when written, which keeps the device-key signature
   * (tens of microseconds) off the path of a tap; Ed25519 gives the same bytes either way.
   */
  signQueued?: () => Promise<number>;
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
  // What a push sends is read from the committed state (the reader connection): the writer
  // connection also sees a batch of mutations still being written, which may roll back; pushing
  // its entries would apply on shore what the kiosk then undoes, and the kiosk would reuse their
  // seqs for new changes that shore takes for duplicates (tests/integration/sync/uncommitted-batch).
  const pending = deps.store.readRaw.prepare(
    "SELECT seq, name, version, args, hlc, user_id, rows, sig FROM outbox WHERE status = 'pending' AND seq > ? AND seq <= ? ORDER BY seq LIMIT ?",
  );
  const newest = deps.store.readRaw.prepare('SELECT MAX(seq) AS seq FROM outbox');
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
    if (first !== null && first > shoreSeq + 1) {
      // Everything above shoreSeq is pending now, so the seqs between are free: the run moves down.
      shiftFrom(first, shoreSeq);
      deps.onGapClosed?.(shoreSeq + 1, first - 1);
    }
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
    shiftFrom(from, after);
    deps.onRenumbered?.(from, after);
  }

  /** Moves the entries from `from` on to follow `after`, in their order, signed again (the seq is signed). */
  function shiftFrom(from: number, after: number) {
    setAside.run(from);
    putBack.run(after + 1 - from);
    deps.resignFrom?.(after + 1);
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

  /** Other kiosks' unconfirmed mutations first (a hub's), then this kiosk's own pending ones. */
  const replayOnTop = async (tx: Kysely<SyncedDatabase>, changed: Set<SyncedTable>) => {
    await deps.runner.replayTentative(tx, changed, resolveDef);
    await deps.runner.replayPending(tx, changed, resolveDef);
  };
  const tentativeKeys = db.prepare('SELECT device_id, seq FROM tentative_mutations');
  const addTentative = db.prepare(
    'INSERT OR IGNORE INTO tentative_mutations (device_id, seq, name, version, args, hlc, user_id, rows) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const dropTentative = db.prepare('DELETE FROM tentative_mutations WHERE device_id = ? AND seq = ?');

  /** Puts rows as shore has them (null: shore has none, the row goes); the gate must be open. */
  function putServerRows(rows: PushResponse['revert'], changed: Set<SyncedTable>) {
    // Parents first, so foreign keys are checked at commit, when the undo is complete.
    db.pragma('defer_foreign_keys = ON');
    for (const r of rows) {
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
  }

  return {
    cursors(): Cursors {
      const read = (k: string) => Number((getMeta.get(k) as { value: string } | undefined)?.value ?? 0);
      return { site: read('sync.site_cursor'), org: read('sync.org_cursor') };
    },

    /** The newest seq queued so far (0 when none), to bound a push to what was queued when it began. */
    /** Signs what is queued unsigned (see `signQueued`); resolves how many entries it signed. */
    signQueued(): Promise<number> {
      return deps.signQueued ? deps.signQueued() : Promise.resolve(0);
    },
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
        if (applied || swept) await replayOnTop(tx, changed);
        return applied;
      });
    },

    /**
     * Takes a site hub's view of the mutations other kiosks made that shore has not answered:
     * new ones are kept and applied as tentative, on top of confirmed rows and under this kiosk's
     * pending ones; one shore refused is undone (its rows put back as shore has them, which also
     * removes rows it created); one shore applied, or one the hub no longer lists, is simply
     * dropped, its rows staying until the confirmed stream brings shore's. One transaction.
     * Returns how many tentative mutations are applied now.
     */
    applyTentative(res: HubTentativeResponse): Promise<number> {
      return inTx(async (tx, changed) => {
        const listed = new Set(res.tentative.map((t) => `${t.deviceId}:${t.seq}`));
        const have = new Set(
          (tentativeKeys.all() as { device_id: string; seq: number }[]).map((r) => `${r.device_id}:${r.seq}`),
        );
        // Something undone or dropped: everything is replayed again on the rows as they are now.
        // Only new ones arrived (the usual case, one change on another kiosk): they go on top,
        // then this kiosk's own pending ones again, so a long tentative queue is not replayed for
        // every change that joins it.
        let undone = false;
        for (const s of res.settled) {
          const key = `${s.deviceId}:${s.seq}`;
          if (!have.has(key) || listed.has(key)) continue;
          if (s.status === 'rejected' || s.status === 'dead') putServerRows(s.rows, changed);
          dropTentative.run(s.deviceId, s.seq);
          have.delete(key);
          undone = true;
        }
        for (const key of have) {
          if (listed.has(key)) continue;
          const at = key.lastIndexOf(':');
          dropTentative.run(key.slice(0, at), Number(key.slice(at + 1)));
          undone = true;
        }
        const added = res.tentative.filter((t) => !have.has(`${t.deviceId}:${t.seq}`));
        for (const t of added)
          addTentative.run(
            t.deviceId,
            t.seq,
            t.name,
            t.version,
            JSON.stringify(t.args ?? null),
            t.hlc,
            t.userId,
            t.writes.join(','),
          );
        if (undone) await replayOnTop(tx, changed);
        else if (added.length) {
          const rows = added
            .map((t) => ({
              seq: t.seq,
              name: t.name,
              version: t.version,
              args: JSON.stringify(t.args ?? null),
              hlc: t.hlc,
              user_id: t.userId,
              rows: '',
              device_id: t.deviceId,
            }))
            .sort((x, y) => (x.hlc < y.hlc ? -1 : x.hlc > y.hlc ? 1 : 0));
          await deps.runner.replayTentative(tx, changed, resolveDef, rows);
          await deps.runner.replayPending(tx, changed, resolveDef);
        }
        return listed.size;
      });
    },

    /**
     * Records the server's answers: applied and duplicate entries are done; rejected and dead ones
     * stay visible with their reason. Rows the server sends back (the write sets of refused and
     * duplicate mutations, and of applied ones that read) are put as the server has them.
     */
    settle(
      res: Pick<
        PushResponse,
        'results' | 'revert' | 'resendFrom' | 'renumber' | 'lastHlc' | 'lastSeq' | 'backedUpSeq'
      > & {
        clockOffsetMs?: number;
      },
    ): Promise<void> {
      const { results, revert, resendFrom, renumber } = res;
      // The clock moves past the newest mutation the server holds from this device, so what is
      // written next is newer than it even after this database went back to an older copy.
      if (res.lastHlc) deps.hlc?.receive(res.lastHlc);
      return inTx(async (tx, changed) => {
        // Kept for the health check: shore's measure of this device's clock.
        if (res.clockOffsetMs !== undefined) putMeta.run('sync.clock_offset_ms', String(res.clockOffsetMs));
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
          putServerRows(revert, changed);
          await replayOnTop(tx, changed);
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
     * The database was just replaced by one of its own backups (the writers' queue is held, so
     * this writes directly): shore is asked for everything again, and the full re-pull removes
     * rows shore never had. The backup's pending changes are sent again (shore answers the ones it
     * has as duplicates); changes made after the restore reuse seqs shore holds and are renumbered.
     */
    restoredFromBackup(): void {
      db.transaction(() => {
        putMeta.run('sync.site_cursor', '0');
        putMeta.run('sync.org_cursor', '0');
        putMeta.run('sync.resync', '1');
        db.prepare('DELETE FROM resync_seen').run();
        db.prepare("DELETE FROM meta WHERE key = 'sync.backed_up_seq'").run();
      })();
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
