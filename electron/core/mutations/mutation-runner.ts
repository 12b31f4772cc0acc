import { z } from 'zod';
import { AppError } from '../../../shared/errors.js';
import type { Hlc } from '../../../shared/hlc.js';
import { decodeHlc, hlcWall } from '../../../shared/hlc.js';
import { applyMutation } from '../../../shared/audit/mutation-audit.js';
import type { MutationContext, MutationDef } from '../../../shared/mutations/define.js';
import { can, isPermission } from '../../../shared/permissions.js';
import type { SyncedDatabase, SyncedTable } from '../../../shared/schema.js';
import type { Store } from '../db/store.js';
import { createSqliteWriter, type WriteScope } from './sqlite-writer.js';
import type { Kysely } from 'kysely';

export interface Actor {
  userId: string | null;
  permissions: readonly string[];
  /** Seeding and reference data only: may run `system` mutations and write any site. */
  system?: boolean;
}

export interface MutationRunnerDeps {
  store: Store;
  hlc: Hlc;
  deviceId: string;
  siteId: () => string;
  /** Told which synced tables a committed transaction changed. */
  onCommit?: (tables: SyncedTable[]) => void;
}

export interface Invocation {
  def: MutationDef;
  args: unknown;
}

/** Refuses a mutation the actor may not run, before anything is written. */
export function checkAuthority(def: MutationDef, actor: Actor): void {
  const a = def.authority;
  if (a === 'system') {
    if (!actor.system)
      throw new AppError('FORBIDDEN', `${def.name} is reserved for set-up and cannot be run by a person.`);
    return;
  }
  if (actor.system || a === 'device') return;
  if (!actor.userId) throw new AppError('UNAUTHENTICATED', 'Sign in with your PIN first.');
  if (a !== 'session' && isPermission(a) && !can(actor.permissions, a)) {
    throw new AppError('FORBIDDEN', `Your role may not do this (${def.name} needs "${a}"). Ask a supervisor.`, {
      permission: a,
      mutation: def.name,
    });
  }
}

export function parseArgs(def: MutationDef, args: unknown): unknown {
  const parsed = def.args.safeParse(args);
  if (!parsed.success) {
    throw new AppError(
      'VALIDATION_FAILED',
      `The details for ${def.name} are not valid: ${z.prettifyError(parsed.error)}`,
      {
        issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
      },
    );
  }
  return parsed.data;
}

/**
 * Runs named mutations: validate args, check authority, then in one SQLite transaction run the
 * mutator and append its outbox entry `{seq, name, version, args, hlc, user_id, rows}`. The entry
 * is signed with the device key before it is first pushed, so no restart or relay changes what
 * shore checks.
 */
export function createMutationRunner(deps: MutationRunnerDeps) {
  const { store } = deps;
  const writerFor = createSqliteWriter(store.raw);
  // SQLite picks the seq (the outbox always keeps its newest row, so seqs never repeat). The entry
  // is signed later, when a push first reads it (outbox-signer.ts), off the tap's path.
  const appendOutbox = store.raw.prepare(
    'INSERT INTO outbox (name, version, args, hlc, user_id, rows) VALUES (?, ?, ?, ?, ?, ?)',
  );

  // Thousands of mutations share one millisecond in a batch: format its ISO time once.
  let isoWall = -1;
  let isoText = '';
  const isoOf = (hlc: string) => {
    const wall = hlcWall(hlc);
    if (wall !== isoWall) {
      isoWall = wall;
      isoText = new Date(wall).toISOString();
    }
    return isoText;
  };

  const runOne = async (ctx: MutationContext, scope: WriteScope, inv: Invocation, args: unknown, actor: Actor) => {
    const hlc = deps.hlc.now();
    const now = isoOf(hlc);
    ctx.hlc = hlc;
    ctx.now = now;
    scope.now = now;
    scope.written = [];
    // Set-up runs (reference data, demo seed) happen identically on every replica: nothing to
    // send, and no audit entry (one per replica would differ by device).
    if (actor.system) {
      await inv.def.run(ctx, args);
      return 0;
    }
    await applyMutation(inv.def, ctx, args);
    const info = appendOutbox.run(
      inv.def.name,
      inv.def.version,
      JSON.stringify(args),
      hlc,
      actor.userId,
      scope.written.length === 1 ? scope.written[0] : scope.written.join(','),
    );
    return Number(info.lastInsertRowid);
  };

  /** Runs several mutations in one transaction: all commit or none do. Returns their outbox seqs. */
  const runBatch = async (invocations: Invocation[], actor: Actor): Promise<number[]> => {
    // Authority is checked for the whole batch before it starts. The args are parsed as each
    // mutation runs (a bad one still aborts the whole transaction): parsing them all up front kept
    // a parsed copy of every argument alive for the whole batch, and collecting those long-lived
    // copies cost more than the SQLite writes of a large batch.
    for (const inv of invocations) checkAuthority(inv.def, actor);
    const changed = new Set<SyncedTable>();
    const seqs = await store.transaction((tx) =>
      store.gate.openAsync(async () => {
        const scope: WriteScope = {
          siteId: deps.siteId(),
          anySite: actor.system === true,
          now: '',
          rebase: false,
          written: [],
        };
        // One context and writer for the batch; runOne moves their clock on for each mutation.
        const ctx: MutationContext = {
          userId: actor.userId,
          permissions: actor.permissions,
          siteId: scope.siteId,
          deviceId: deps.deviceId,
          hlc: '',
          now: '',
          db: tx as unknown as Kysely<SyncedDatabase>,
          write: writerFor(scope, changed),
        };
        const out: number[] = [];
        for (let i = 0; i < invocations.length; i++)
          out.push(await runOne(ctx, scope, invocations[i], parseArgs(invocations[i].def, invocations[i].args), actor));
        return out;
      }),
    );
    if (changed.size) deps.onCommit?.([...changed]);
    return seqs;
  };

  const pendingRows = store.raw.prepare(
    "SELECT seq, name, version, args, hlc, user_id, rows FROM outbox WHERE status = 'pending' ORDER BY seq",
  );
  const putWrites = store.raw.prepare('UPDATE outbox SET rows = ? WHERE seq = ?');

  /**
   * Adds the rows a replay wrote to the mutation's write set. A mutation the server already
   * applied (its answer lost) and replayed on newer rows can write rows it never wrote before
   * (a rename replayed over a newer schedule generates classes and a log): the server's answer
   * undoes only rows in the set, so a row left out would stay here, and nowhere else, forever.
   */
  const widenWrites = (seq: number, had: string, written: readonly string[]) => {
    if (!written.length) return;
    const set = new Set(had ? had.split(',') : []);
    const size = set.size;
    for (const w of written) set.add(w);
    if (set.size > size) putWrites.run([...set].join(','), seq);
  };

  /** A mutation to run again: an outbox entry, or a tentative one of another kiosk. */
  interface ReplayRow {
    seq: number;
    name: string;
    version: number;
    args: string;
    hlc: string;
    user_id: string | null;
    rows: string;
    /** The kiosk that made it: another one's for a tentative mutation, this one's when absent. */
    device_id?: string;
  }

  /** Re-runs `rows` in order inside the caller's transaction; one that no longer applies is skipped. */
  const replayRows = async (
    tx: Kysely<SyncedDatabase>,
    changed: Set<SyncedTable>,
    resolveDef: (name: string, version: number) => MutationDef | undefined,
    rows: ReplayRow[],
    onWritten?: (row: ReplayRow, written: readonly string[]) => void,
  ): Promise<number> => {
    const scope: WriteScope = { siteId: deps.siteId(), anySite: false, now: '', rebase: true, written: [] };
    const ctx: MutationContext = {
      userId: null,
      permissions: [],
      replaying: true,
      siteId: scope.siteId,
      deviceId: deps.deviceId,
      hlc: '',
      now: '',
      db: tx,
      write: writerFor(scope, changed),
    };
    let replayed = 0;
    for (const row of rows) {
      const def = resolveDef(row.name, row.version);
      if (!def) continue;
      ctx.userId = row.user_id;
      // A tentative mutation is another kiosk's: it ran there as that device (its own status row,
      // its audit entry), and replays here the same way.
      ctx.deviceId = row.device_id ?? deps.deviceId;
      ctx.hlc = row.hlc;
      ctx.now = scope.now = new Date(decodeHlc(row.hlc).wall).toISOString();
      scope.written = [];
      store.raw.exec('SAVEPOINT replay');
      try {
        await applyMutation(def, ctx, JSON.parse(row.args));
        onWritten?.(row, scope.written);
        store.raw.exec('RELEASE replay');
        replayed++;
      } catch {
        store.raw.exec('ROLLBACK TO replay');
        store.raw.exec('RELEASE replay');
      }
    }
    return replayed;
  };

  /**
   * Re-applies every queued mutation on top of rows just pulled from the server, inside the
   * caller's open transaction, so a local change not yet acknowledged is not flickered away by an
   * older server row. A mutation that no longer applies is skipped here; the server decides it.
   * What a replay writes joins the mutation's write set, in the same transaction.
   */
  const replayPending = (
    tx: Kysely<SyncedDatabase>,
    changed: Set<SyncedTable>,
    resolveDef: (name: string, version: number) => MutationDef | undefined,
  ): Promise<number> =>
    replayRows(tx, changed, resolveDef, pendingRows.all() as ReplayRow[], (row, written) =>
      widenWrites(row.seq, row.rows, written),
    );

  const tentativeRows = store.raw.prepare(
    'SELECT seq, name, version, args, hlc, user_id, rows, device_id FROM tentative_mutations ORDER BY hlc, device_id, seq',
  );

  /**
   * Re-applies the site's other kiosks' mutations that shore has not confirmed yet (served by a
   * site hub), in the order they were made, on top of confirmed rows and under this kiosk's own
   * pending ones: the same replay, so a tentative change behaves like a pending one. `only`:
   * just these (newly arrived ones, on a state that already holds the others).
   */
  const replayTentative = (
    tx: Kysely<SyncedDatabase>,
    changed: Set<SyncedTable>,
    resolveDef: (name: string, version: number) => MutationDef | undefined,
    only?: readonly ReplayRow[],
  ): Promise<number> => replayRows(tx, changed, resolveDef, only ? [...only] : (tentativeRows.all() as ReplayRow[]));

  return {
    runBatch,
    replayPending,
    replayTentative,
    /** Runs one mutation in its own transaction; returns its outbox seq. */
    async run(def: MutationDef, args: unknown, actor: Actor): Promise<number> {
      const [seq] = await runBatch([{ def, args }], actor);
      return seq;
    },
  };
}

export type MutationRunner = ReturnType<typeof createMutationRunner>;
