import { sql, type Kysely } from 'kysely';
import type { Kiosk } from '../../electron/core/kiosk.js';
import type { SyncStatus } from '../../electron/core/status.js';
import type { CentralDatabase } from '../../server/db/central-schema.js';
import { SYNCED_TABLES, type SyncedTable } from '../../shared/schema.js';

export type Rows = Record<SyncedTable, Record<string, unknown>[]>;

const byId = (a: Record<string, unknown>, b: Record<string, unknown>) => String(a.id).localeCompare(String(b.id));

/**
 * What a kiosk of `siteId` should hold, read as the database owner (behind row-level security's
 * back): the site's rows and the organisation's (site_id NULL), without the server's bookkeeping
 * columns (_version, _hlc).
 */
export async function serverRows(admin: Kysely<CentralDatabase>, siteId: string): Promise<Rows> {
  const out = {} as Rows;
  for (const table of SYNCED_TABLES) {
    const res = await sql<
      Record<string, unknown>
    >`SELECT * FROM ${sql.ref(table)} WHERE site_id = ${siteId} OR site_id IS NULL`.execute(admin);
    out[table] = res.rows
      .map(({ _version, _hlc, _field_hlc, ...row }) => (void _version, void _hlc, void _field_hlc, row))
      .sort(byId);
  }
  return out;
}

/** Every synced row a kiosk holds, by table, sorted by id. */
export function kioskRows(kiosk: Kiosk): Rows {
  const out = {} as Rows;
  for (const table of SYNCED_TABLES)
    out[table] = (kiosk.store.raw.prepare(`SELECT * FROM "${table}"`).all() as Record<string, unknown>[]).sort(byId);
  return out;
}

/**
 * The differences between two replicas, one line each ("users 0193…: display_name 'A' != 'B'",
 * "audit_log 0193…: only on the kiosk"), at most `limit`: empty when they hold the same rows.
 */
export function diffRows(kiosk: Rows, server: Rows, limit = 20): string[] {
  const out: string[] = [];
  for (const table of SYNCED_TABLES) {
    const mine = new Map(kiosk[table].map((r) => [String(r.id), r]));
    const theirs = new Map(server[table].map((r) => [String(r.id), r]));
    for (const [id, row] of mine) {
      const other = theirs.get(id);
      if (!other) {
        out.push(`${table} ${id}: only on the kiosk`);
        continue;
      }
      const cols = new Set([...Object.keys(row), ...Object.keys(other)]);
      for (const c of cols)
        if (row[c] !== other[c])
          out.push(`${table} ${id}: ${c} ${JSON.stringify(row[c])} (kiosk) != ${JSON.stringify(other[c])} (server)`);
    }
    for (const id of theirs.keys()) if (!mine.has(id)) out.push(`${table} ${id}: only on the server`);
  }
  return out.slice(0, limit);
}

/** The differences between a kiosk and what the server holds for its site (see diffRows). */
export async function replicaDiff(kiosk: Kiosk, admin: Kysely<CentralDatabase>): Promise<string[]> {
  return diffRows(kioskRows(kiosk), await serverRows(admin, kiosk.siteId));
}

/** Outbox rows of a kiosk by status ({ pending: 3, applied: 1 }). */
export function outboxCounts(kiosk: Kiosk): Record<string, number> {
  const rows = kiosk.store.raw.prepare('SELECT status, COUNT(*) AS n FROM outbox GROUP BY status').all() as {
    status: string;
    n: number;
  }[];
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

/** Syncs every kiosk `rounds` times over, so changes pushed late by one reach all the others. */
export async function syncAll(kiosks: Kiosk[], rounds = 3): Promise<void> {
  for (let i = 0; i < rounds; i++) for (const k of kiosks) await k.sync!.syncNow();
}

/** The kiosk's sync status as a person sees it (the `status.get` method). */
export async function statusOf(kiosk: Kiosk): Promise<SyncStatus> {
  const r = await kiosk.dispatcher.dispatch('status.get', {}, null);
  if (!r.ok) throw new Error(`status.get failed: ${r.error.code} ${r.error.message}`);
  return r.value as SyncStatus;
}
