import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Permission } from '../permissions.js';
import type { SyncedDatabase, SyncedTable } from '../schema.js';

type Row<T extends SyncedTable> = SyncedDatabase[T];
/** What a mutator passes to `insert`: every column, timestamps optional (the writer stamps them). */
export type NewRow<T extends SyncedTable> = Omit<Row<T>, 'created_at' | 'updated_at'> &
  Partial<Pick<Row<T>, 'created_at' | 'updated_at'>>;
export type RowPatch<T extends SyncedTable> = Partial<Omit<Row<T>, 'id' | 'site_id' | 'created_at' | 'updated_at'>>;

/**
 * The only way a mutator changes synced rows. The kiosk implements it over prepared SQLite
 * statements, the server over PostgreSQL; both check the row's site against the context's site,
 * stamp timestamps and record which rows changed (for the outbox, pulls and conflicts).
 */
export interface Writer {
  insert<T extends SyncedTable>(table: T, row: NewRow<T>): Promise<void>;
  /** Insert unless a row with this id exists (ids derived from a natural key: replicas merge). */
  insertIfAbsent<T extends SyncedTable>(table: T, row: NewRow<T>): Promise<boolean>;
  update<T extends SyncedTable>(table: T, id: string, patch: RowPatch<T>): Promise<void>;
  softDelete(table: SyncedTable, id: string): Promise<void>;
}

export interface MutationContext {
  /** The signed-in user acting, or null for device events (a failed PIN) and system seeding. */
  userId: string | null;
  /** The acting user's permissions at `siteId` (empty for device events). */
  permissions: readonly string[];
  /**
   * The kiosk re-applies a queued mutation on top of pulled rows, without the actor's
   * permissions: rules about the actor were checked when it first ran, and the server checks them again.
   */
  replaying?: boolean;
  siteId: string;
  deviceId: string;
  /**
   * On the server: the Ed25519 public key (raw, base64url) shore holds for `deviceId`, against
   * which a mutation carrying a signature of its own (an incident seal) is checked. Absent on the kiosk.
   */
  devicePublicKey?: string | null;
  /** The mutation's hybrid logical timestamp; `now` is its wall part as ISO-8601. */
  hlc: string;
  now: string;
  /** Reads. Writes go through `write`. */
  db: Kysely<SyncedDatabase>;
  write: Writer;
  /**
   * The server tells the site's supervisors that it applied this mutation differently from what
   * the kiosk showed (the last seat of a session went to another kiosk's request first): recorded
   * as a conflict row. Absent on the kiosk.
   */
  notice?(code: string, message: string): void;
}

/**
 * Who may run a mutation: a permission of the acting user, `device` for events an enrolled device
 * records on its own (sign-in failures), or `system` for seeding and migrations (never over sync).
 */
export type MutationAuthority = Permission | 'device' | 'session' | 'system';

export interface MutationDef<S extends z.ZodType = z.ZodType> {
  name: string;
  version: number;
  args: S;
  authority: MutationAuthority;
  /**
   * True when `run` only inserts and never reads: the server may then gather many such mutations
   * into multi-row statements. Leave it out whenever `run` queries `ctx.db`.
   */
  blind?: boolean;
  /**
   * How the server merges this mutation's updates. By default the edit made later wins, field by
   * field (shared/sync/merge-rule.ts): right for values a person sets. `computed` is for a mutator
   * that derives every value it writes from the row as the server holds it (a running total, the
   * first completion kept): re-run there it has already merged, and its writes apply as computed.
   */
  merge?: 'later-edit-wins' | 'computed';
  /**
   * Every applied mutation gets an audit entry (shared/audit/mutation-audit.ts) unless it says
   * otherwise: `own` when `run` writes audit entries of its own (sign-in events, people changes,
   * exports), `none` for machine telemetry that has a log of its own (instrument minutes, device
   * reports, the error log).
   */
  audit?: 'own' | 'none';
  run(ctx: MutationContext, args: z.infer<S>): Promise<void>;
}

/**
 * Declares a named mutation. Ids of new rows travel in `args`, never generated inside `run`,
 * so the server re-running the mutator writes the very same rows.
 *
 * @example
 * export const setIdleLock = defineMutation({
 *   name: 'sites.setIdleLock', version: 1, authority: 'settings.manage',
 *   args: z.object({ seconds: z.number().int().min(30).max(3600) }),
 *   run: (ctx, a) => ctx.write.update('sites', ctx.siteId, { idle_lock_seconds: a.seconds }),
 * });
 */
export function defineMutation<S extends z.ZodType>(def: MutationDef<S>): MutationDef<S> {
  return Object.freeze(def);
}
