import { createHash } from 'node:crypto';
import type { PullResponse, PushResponse } from '../../../shared/sync/protocol.js';
import { MAX_SETTLED, MAX_TENTATIVE, type SettledRelay } from '../../../shared/sync/hub-protocol.js';
import type { Store } from '../db/store.js';

/** A mutation held for relay: the kiosk's own JSON text, and what the hub needs to order and date it. */
export interface HeldMutation {
  seq: number;
  json: string;
  writes: string[];
}

interface RelayRow {
  device_id: string;
  seq: number;
  json: string;
  writes: string;
  client_time: number;
  received_at: number;
  status: string;
}

export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * The hub's bookkeeping in its own kiosk database (local migration 0007): the kiosks shore
 * vouched for, the mutations held for relay and shore's answers to them, and the site's confirmed
 * stream as pulled from shore. Every write is one SQLite transaction on the kiosk's writer, so a
 * hub killed at any point restarts with what it had acknowledged.
 */
export function createHubStore(store: Store) {
  const db = store.raw;
  const write = <T>(fn: () => T): Promise<T> => store.transaction(async () => fn());
  const getMeta = db.prepare('SELECT value FROM meta WHERE key = ?');
  const putMeta = db.prepare(
    'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  const meta = (k: string) => (getMeta.get(k) as { value: string } | undefined)?.value;

  const byToken = db.prepare('SELECT device_id, token FROM hub_devices WHERE token_hash = ?');
  const learn = db.prepare(
    'INSERT INTO hub_devices (token_hash, device_id, token, seen_at) VALUES (?, ?, ?, ?) ON CONFLICT (token_hash) DO UPDATE SET seen_at = excluded.seen_at',
  );
  const hold = db.prepare(
    'INSERT OR IGNORE INTO hub_relay (device_id, seq, json, writes, client_time, received_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const heldDevices = db.prepare("SELECT DISTINCT device_id FROM hub_relay WHERE status = 'held'");
  const heldOf = db.prepare(
    "SELECT device_id, seq, json, writes, client_time, received_at, status FROM hub_relay WHERE status = 'held' AND device_id = ? ORDER BY seq LIMIT ?",
  );
  const nextMark = db.prepare('SELECT COALESCE(MAX(settle_mark), 0) + 1 AS mark FROM hub_relay');
  const settleOne = db.prepare(
    "UPDATE hub_relay SET status = ?, settle_mark = ? WHERE device_id = ? AND seq = ? AND status = 'held'",
  );
  const dropHeld = db.prepare("DELETE FROM hub_relay WHERE device_id = ? AND seq = ? AND status = 'held'");
  const tentativeOf = db.prepare(
    "SELECT device_id, seq, json FROM hub_relay WHERE status = 'held' AND device_id <> ? ORDER BY received_at, device_id, seq LIMIT ?",
  );
  const settledRows = db.prepare(
    "SELECT device_id, seq, status, writes FROM hub_relay WHERE status <> 'held' ORDER BY settle_mark DESC LIMIT ?",
  );
  const pruneSettled = db.prepare(
    "DELETE FROM hub_relay WHERE status <> 'held' AND settle_mark <= (SELECT settle_mark FROM hub_relay WHERE status <> 'held' ORDER BY settle_mark DESC LIMIT 1 OFFSET ?)",
  );
  const streamRow = db.prepare('SELECT row FROM hub_stream WHERE tbl = ? AND id = ?');
  const putStream = db.prepare(
    'INSERT INTO hub_stream (tbl, id, stream, version, row) VALUES (?, ?, ?, ?, ?) ON CONFLICT (tbl, id) DO UPDATE SET stream = excluded.stream, version = excluded.version, row = excluded.row',
  );
  const streamAfter = db.prepare(
    'SELECT tbl, version, row FROM hub_stream WHERE stream = ? AND version > ? ORDER BY version LIMIT ?',
  );
  const streamAt = db.prepare('SELECT tbl, version, row FROM hub_stream WHERE stream = ? AND version = ?');

  /** One stream's rows after `cursor`, cut at a version boundary like shore's pull. */
  function readStream(stream: 'site' | 'org', cursor: number, limit: number) {
    type Row = { tbl: string; version: number; row: string };
    const rows = streamAfter.all(stream, cursor, limit + 1) as Row[];
    if (rows.length <= limit) {
      const upTo = rows.reduce((m, r) => Math.max(m, r.version), cursor);
      return { rows, upTo, more: false };
    }
    const bound = rows[limit].version;
    if (rows[0].version < bound) return { rows: rows.filter((r) => r.version < bound), upTo: bound - 1, more: true };
    // One version holds more than a page (a whole page shore sent): send all of it.
    return { rows: streamAt.all(stream, bound) as Row[], upTo: bound, more: true };
  }

  const epoch = () => meta('hub.epoch') ?? null;

  return {
    /** The device a bearer token belongs to, if shore ever accepted it through this hub. */
    deviceOf(token: string): string | undefined {
      return (byToken.get(tokenHash(token)) as { device_id: string } | undefined)?.device_id;
    },
    /**
     * Remembers that shore vouched for this token's device. Only the token's hash is kept (the
     * `token` column stays empty): the hub relays under its own token, never a kiosk's.
     */
    learn(token: string, deviceId: string, now: number): Promise<void> {
      return write(() => void learn.run(tokenHash(token), deviceId, '', new Date(now).toISOString()));
    },

    /** Keeps a kiosk's mutations for relay (a seq already held or answered is left as it is). */
    hold(deviceId: string, items: HeldMutation[], clientTime: number, receivedAt: number): Promise<number> {
      return write(() => {
        let added = 0;
        for (const m of items)
          added += hold.run(deviceId, m.seq, m.json, m.writes.join(','), clientTime, receivedAt).changes;
        return added;
      });
    },
    heldDevices(): string[] {
      return (heldDevices.all() as { device_id: string }[]).map((r) => r.device_id);
    },
    held(deviceId: string, limit: number): RelayRow[] {
      return heldOf.all(deviceId, limit) as RelayRow[];
    },
    /** Records shore's answers for a device's mutations; returns how many were still held. */
    recordAnswers(deviceId: string, results: PushResponse['results']): Promise<number> {
      return write(() => {
        const { mark } = nextMark.get() as { mark: number };
        let settled = 0;
        for (const r of results) settled += settleOne.run(r.status, mark, deviceId, r.seq).changes;
        pruneSettled.run(MAX_SETTLED);
        return settled;
      });
    },
    /** Forgets held mutations shore refused to read at all (the kiosk still has them and sends them again). */
    forget(deviceId: string, seqs: number[]): Promise<void> {
      return write(() => {
        for (const s of seqs) dropHeld.run(deviceId, s);
      });
    },

    /** Held mutations of the site's other kiosks, as JSON texts of TentativeMutation. */
    tentativeFor(deviceId: string): string[] {
      return (tentativeOf.all(deviceId, MAX_TENTATIVE) as { device_id: string; seq: number; json: string }[]).map(
        (r) => `{"deviceId":${JSON.stringify(r.device_id)},${r.json.trimStart().slice(1)}`,
      );
    },
    /** Shore's recent answers; refused ones carry the confirmed rows of their write set. */
    settled(): SettledRelay[] {
      const rows = settledRows.all(MAX_SETTLED) as { device_id: string; seq: number; status: string; writes: string }[];
      return rows.map((r) => {
        const status = r.status as SettledRelay['status'];
        const refused = status === 'rejected' || status === 'dead';
        return {
          deviceId: r.device_id,
          seq: r.seq,
          status,
          rows: refused
            ? r.writes
                .split(',')
                .filter(Boolean)
                .map((w) => {
                  const at = w.indexOf(':');
                  const table = w.slice(0, at);
                  const id = w.slice(at + 1);
                  const found = streamRow.get(table, id) as { row: string } | undefined;
                  return { table, id, row: found ? (JSON.parse(found.row) as Record<string, unknown>) : null };
                })
            : [],
        };
      });
    },

    /** Where the hub's own pull from shore stands. */
    cursors(): { site: number; org: number } {
      return { site: Number(meta('hub.site_cursor') ?? 0), org: Number(meta('hub.org_cursor') ?? 0) };
    },
    epoch,
    /** Keeps one page pulled from shore, with its cursors, in one transaction. */
    putPage(page: PullResponse): Promise<number> {
      return write(() => {
        for (const c of page.changes) {
          const org = c.row.site_id === null || c.row.site_id === undefined;
          putStream.run(
            c.table,
            String(c.row.id),
            org ? 'org' : 'site',
            org ? page.org : page.site,
            JSON.stringify(c.row),
          );
        }
        putMeta.run('hub.site_cursor', String(page.site));
        putMeta.run('hub.org_cursor', String(page.org));
        if (page.epoch) putMeta.run('hub.epoch', page.epoch);
        return page.changes.length;
      });
    },
    /**
     * A page of the confirmed stream for a kiosk at `cursors`, in shore's own version numbers, so
     * a kiosk can move between the hub and shore without starting over. A cursor ahead of what
     * the hub has (the kiosk pulled from shore more recently) stays where it is.
     */
    pull(cursors: { site: number; org: number }, limit: number): Omit<PullResponse, 'changes'> & { changes: string[] } {
      const site = readStream('site', cursors.site, limit);
      const org = readStream('org', cursors.org, limit);
      const changes = [...org.rows, ...site.rows].map((r) => `{"table":${JSON.stringify(r.tbl)},"row":${r.row}}`);
      const known = epoch();
      return {
        changes,
        site: Math.max(site.upTo, cursors.site),
        org: Math.max(org.upTo, cursors.org),
        more: site.more || org.more,
        ...(known ? { epoch: known } : {}),
      };
    },
  };
}

export type HubStore = ReturnType<typeof createHubStore>;
