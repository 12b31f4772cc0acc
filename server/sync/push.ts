import { sql, type Kysely } from 'kysely';
import { applyMutation } from '../../shared/audit/mutation-audit.js';
import { AppError } from '../../shared/errors.js';
import { decodeHlc } from '../../shared/hlc.js';
import type { MutationContext, MutationDef } from '../../shared/mutations/define.js';
import { findMutation } from '../../shared/mutations/index.js';
import { can, isPermission } from '../../shared/permissions.js';
import { SYNCED_TABLES, type SyncedDatabase, type SyncedTable } from '../../shared/schema.js';
import { devicePublicKey, verifyMutationAsync } from '../../shared/sync/mutation-signature.js';
import {
  FUTURE_CLOCK_LIMIT_MS,
  MAX_MUTATION_ATTEMPTS,
  type MutationOutcome,
  type PushRequest,
  type PushResponse,
  type PushedMutation,
} from '../../shared/sync/protocol.js';
import type { CentralDatabase } from '../db/central-schema.js';
import { inSiteTransaction, type CentralTransaction } from '../db/site-tx.js';
import type { DeviceIdentity } from '../devices/enrollment.js';
import type { Metrics } from '../metrics.js';
import { conflictRow } from './conflict-row.js';
import { lostEditConflicts } from './lost-edits.js';
import {
  createPgWriter,
  type LostEdit,
  type OverwrittenChange,
  type PgWriter,
  type PgWriteScope,
} from './pg-writer.js';

export interface PushDeps {
  db: Kysely<CentralDatabase>;
  now: () => number;
  metrics: Metrics;
  log: { warn(obj: unknown, msg?: string): void; error(obj: unknown, msg?: string): void };
  /** After the batch committed: the stream versions it took ('org' for organisation rows). */
  onCommitted?: (versions: ReadonlyMap<string, number>) => void;
}

/** Thrown inside the fast pass to roll it back and redo the batch one mutation at a time. */
class NeedsCarefulPass extends Error {}
/** Thrown to roll back and wait while a batch that starts after a gap waits for the batch before it. */
class EarlierBatchPending extends Error {}

/**
 * How long a batch that starts after a gap waits for the missing batch before answering "resend
 * from": a kiosk sends its next batch while the previous one is applied, and the two may reach
 * the device's lock in either order. A batch really lost costs the kiosk this much, once.
 */
const GAP_WAITS = 25;
/** An HLC as encodeHlc writes it; only such a string may become a device's last_hlc. */
const HLC_SHAPE = /^\d{16}-[0-9a-f]{4}-/;
const GAP_WAIT_MS = 20;

/** `repeated`: a refusal settled by an earlier push, answered again for a resend whose first answer was lost. */
type Settled = MutationOutcome & { writes?: string[]; repeated?: boolean };

const strip = (row: Record<string, unknown>) => {
  const { _version, _hlc, _field_hlc, ...rest } = row;
  void _version;
  void _hlc;
  void _field_hlc;
  return rest;
};

/** Permissions of a person at the transaction's site, from the central copy of roles. */
export async function permissionsOf(trx: CentralTransaction, siteId: string, userId: string): Promise<string[] | null> {
  const row = await trx
    .selectFrom('user_roles as ur')
    .innerJoin('users as u', 'u.id', 'ur.user_id')
    .innerJoin('roles as r', 'r.id', 'ur.role_id')
    .select('r.permissions')
    .where('ur.user_id', '=', userId)
    .where('ur.site_id', '=', siteId)
    .where('ur.deleted_at', 'is', null)
    .where('u.deleted_at', 'is', null)
    .where('u.active', '=', 1)
    .executeTakeFirst();
  if (!row) return null;
  try {
    return JSON.parse(row.permissions) as string[];
  } catch {
    return [];
  }
}

/**
 * Applies a device's pushed mutations exactly once and in order, each re-run with the same
 * mutator the kiosk ran, after checking the acting person's permission at the device's site.
 *
 * One PostgreSQL transaction holds the whole batch and the device's `last_seq`, so a batch is
 * applied entirely or not at all, and a retried batch is acknowledged as duplicates. The fast pass
 * runs the batch straight through (blind inserts gathered into multi-row statements); if any
 * mutator fails it is rolled back and the batch is redone one savepoint per mutation, so one bad
 * mutation is refused (or dead-lettered after repeated unexpected failures) and the rest apply.
 */
export async function applyPush(deps: PushDeps, device: DeviceIdentity, req: PushRequest): Promise<PushResponse> {
  const serverTime = deps.now();
  const clockOffsetMs = req.clientTime - serverTime;
  const mutations = [...req.mutations].sort((a, b) => a.seq - b.seq);
  for (const m of mutations) {
    try {
      if (decodeHlc(m.hlc).wall > serverTime + FUTURE_CLOCK_LIMIT_MS) {
        deps.metrics.inc('shiftdeck_future_timestamps_total');
        deps.log.warn(
          { deviceId: device.deviceId, seq: m.seq, hlc: m.hlc },
          'mutation stamped more than 24 h in the server future; applied and flagged',
        );
      }
    } catch {
      // A malformed hlc is refused below with the mutation.
    }
  }

  // Every mutation must carry the device's signature (shared/sync/mutation-signature.ts): a relay
  // that altered one gets that one refused, the rest apply. Checked in the thread pool, before
  // the device's lock, so the batch before this one keeps writing meanwhile.
  const key = devicePublicKey(device.publicKey);
  if (!key && mutations.length)
    throw new AppError(
      'FORBIDDEN',
      'Shore holds no signing key for this kiosk yet, so none of its changes can be checked; nothing was applied. Update the kiosk: it registers its key on its next push to shore.',
      { reason: 'device_key_missing' },
    );
  const signed = key
    ? await Promise.all(
        mutations.map((m) =>
          verifyMutationAsync(
            key,
            {
              deviceId: device.deviceId,
              siteId: device.siteId,
              seq: m.seq,
              name: m.name,
              version: m.version,
              hlc: m.hlc,
              userId: m.userId,
              args: m.args,
            },
            m.sig,
          ),
        ),
      )
    : [];
  const prechecked = mutations.map((m, i) => precheck(m, signed[i]));

  let repeated: number[] = [];
  let waitForEarlier = GAP_WAITS;
  let taken: ReadonlyMap<string, number> = new Map();
  const runWaitingForEarlier = async (attempt: () => Promise<PushResponse>): Promise<PushResponse> => {
    for (;;) {
      try {
        return await attempt();
      } catch (err) {
        if (!(err instanceof EarlierBatchPending)) throw err;
        deps.metrics.inc('shiftdeck_push_gap_waits_total');
        await new Promise((r) => setTimeout(r, GAP_WAIT_MS));
      }
    }
  };
  const run = (careful: boolean) =>
    inSiteTransaction(deps.db, device.siteId, async (trx) => {
      const dev = await trx
        .selectFrom('devices')
        .select(['last_seq', 'last_hlc', 'revoked_at'])
        .where('id', '=', device.deviceId)
        .forUpdate()
        .executeTakeFirstOrThrow();
      if (dev.revoked_at)
        throw new AppError('UNAUTHENTICATED', 'This device was revoked. Enroll it again with a new code.');
      let lastSeq = dev.last_seq;
      let lastHlc = dev.last_hlc;
      let renumber: { from: number; after: number } | undefined;
      const settledHlc = (m: PushedMutation) => {
        if (HLC_SHAPE.test(m.hlc) && (lastHlc === null || m.hlc > lastHlc)) lastHlc = m.hlc;
      };
      // A batch that starts past the next seq usually overtook the batch before it on another
      // connection (a kiosk keeps two in flight): let that one commit first.
      if (mutations.length && mutations[0].seq > lastSeq + 1 && waitForEarlier-- > 0) throw new EarlierBatchPending();
      const results: Settled[] = [];
      let resendFrom: number | undefined;
      const perms = new Map<string, string[] | null>();
      const overwrites: { m: PushedMutation; change: OverwrittenChange }[] = [];
      const notices: { m: PushedMutation; code: string; message: string }[] = [];
      const lostEdits: { m: PushedMutation; edit: LostEdit }[] = [];
      let current: PushedMutation | null = null;
      // One writer for the batch; it reads the mutation's time from `ws` at each write.
      const ws: PgWriteScope = {
        siteId: device.siteId,
        now: '',
        hlc: '',
        serverTime,
        clockOffsetMs,
        onOverwrite: (change) => void (current && overwrites.push({ m: current, change })),
        onLost: (edit) => void (current && lostEdits.push({ m: current, edit })),
      };
      const writer: PgWriter = createPgWriter(trx, ws);

      for (const [i, m] of mutations.entries()) {
        if (m.seq <= lastSeq) {
          if (lastHlc !== null && HLC_SHAPE.test(m.hlc) && m.hlc > lastHlc) {
            // Newer than anything settled for this device: not a resend but a new mutation on a
            // seq already used, from a kiosk whose database went back to an older copy.
            renumber = { from: m.seq, after: lastSeq };
            break;
          }
          // The first answer was lost on the way back; whatever it was, the kiosk's optimistic rows
          // are replaced by the server's below.
          results.push({ seq: m.seq, status: 'duplicate', writes: m.writes });
          continue;
        }
        if (m.seq !== lastSeq + 1) {
          resendFrom = lastSeq + 1;
          break;
        }
        current = m;
        const checked = prechecked[i];
        const refusal =
          checked instanceof AppError ? checked : await authorise(trx, device, m, checked.def, perms, writer);
        if (refusal || checked instanceof AppError) {
          const r = refusal ?? (checked as AppError);
          results.push({ seq: m.seq, status: 'rejected', code: r.code, message: r.message, writes: m.writes });
          lastSeq = m.seq;
          settledHlc(m);
          continue;
        }
        const { def, args, wall } = checked;
        ws.now = new Date(wall).toISOString();
        ws.hlc = m.hlc;
        ws.computed = def.merge === 'computed';
        const w = def.blind && !careful ? writer.buffered : writer.direct;
        const ctx: MutationContext = {
          userId: m.userId,
          permissions: (m.userId && perms.get(m.userId)) || [],
          siteId: device.siteId,
          deviceId: device.deviceId,
          devicePublicKey: device.publicKey ?? null,
          hlc: m.hlc,
          now: ws.now,
          db: trx as unknown as Kysely<SyncedDatabase>,
          write: w,
          notice: (code, message) => void notices.push({ m, code, message }),
        };
        if (!careful) {
          if (!def.blind) await writer.flush();
          try {
            await applyMutation(def, ctx, args);
          } catch {
            throw new NeedsCarefulPass();
          }
          results.push({ seq: m.seq, status: 'applied', writes: echoed(def, m) });
          lastSeq = m.seq;
          settledHlc(m);
          continue;
        }
        const settled = await runIsolated(trx, def, ctx, args, m, device);
        if (settled.status === 'applied') settled.writes = echoed(def, m);
        results.push(settled);
        lastSeq = m.seq;
        settledHlc(m);
      }
      await writer.flush();
      await answerRefusalsAgain(trx, device, results);

      for (const r of results) {
        if (r.repeated || (r.status !== 'rejected' && r.status !== 'dead')) continue;
        const m = mutations.find((x) => x.seq === r.seq)!;
        await writer.insertServerRow(
          'conflicts',
          conflictRow(
            device,
            m,
            r.status === 'dead' ? 'dead_letter' : 'rejected',
            r.code ?? 'REJECTED',
            r.message ?? '',
            serverTime,
          ),
        );
      }
      for (const { m, change } of overwrites) {
        await writer.insertServerRow('conflicts', {
          ...conflictRow(
            device,
            m,
            'overwritten',
            'OVERWRITTEN',
            `This change to ${change.table} replaced values written later (at ${change.previousHlc}) by another change.`,
            serverTime,
          ),
          args: JSON.stringify({ table: change.table, id: change.id, previous: change.previous }),
        });
      }
      for (const row of await lostEditConflicts(trx, device, results, lostEdits, serverTime))
        await writer.insertServerRow('conflicts', row);
      // Notices of mutations that applied: one that was refused in the end wrote nothing to explain.
      for (const n of notices) {
        if (results.find((r) => r.seq === n.m.seq)?.status !== 'applied') continue;
        await writer.insertServerRow(
          'conflicts',
          conflictRow(device, n.m, 'overwritten', n.code, n.message, serverTime),
        );
      }
      await trx
        .updateTable('devices')
        .set({ last_seq: lastSeq, last_hlc: lastHlc, clock_offset_ms: clockOffsetMs })
        .where('id', '=', device.deviceId)
        .execute();
      const siteVersion = writer.versions.get(device.siteId);
      if (siteVersion !== undefined)
        await sql`SELECT pg_notify('shiftdeck_site', ${`${device.siteId}:${siteVersion}:${device.deviceId}`})`.execute(
          trx,
        );
      if (writer.versions.has('org'))
        await sql`SELECT pg_notify('shiftdeck_site', ${`org:${writer.versions.get('org')}:${device.deviceId}`})`.execute(
          trx,
        );

      taken = writer.versions;
      const revert = await revertRows(trx, device.siteId, results);
      repeated = results.filter((r) => r.repeated).map((r) => r.seq);
      return {
        results: results.map(({ writes, repeated, ...r }) => (void writes, void repeated, r)),
        lastSeq,
        resendFrom,
        renumber,
        lastHlc,
        revert,
        serverTime,
        clockOffsetMs,
      };
    });

  let response: PushResponse;
  try {
    response = await runWaitingForEarlier(() => run(false));
  } catch (err) {
    // Not only a throwing mutator: a blind insert PostgreSQL refuses fails at the multi-row
    // flush, outside any one mutator, and must be isolated the same way. Only a refusal of the
    // whole request (a revoked device) stands.
    if (err instanceof AppError) throw err;
    deps.metrics.inc('shiftdeck_push_careful_passes_total');
    response = await runWaitingForEarlier(() => run(true));
  }
  if (taken.size) deps.onCommitted?.(taken);
  for (const r of response.results)
    deps.metrics.inc('shiftdeck_push_mutations_total', { status: repeated.includes(r.seq) ? 'duplicate' : r.status });
  return response;
}

/**
 * The write set whose server state goes back with an applied mutation. A mutator that reads may
 * have written other values, or nothing, here than on the kiosk (the kiosk ran it on an older
 * view: a role already changed, a name already taken), so its rows come back as the server holds
 * them. A blind one writes the same rows from the same args on both sides: nothing to send.
 */
const echoed = (def: MutationDef, m: PushedMutation) => (def.blind ? undefined : m.writes);

/**
 * A resent mutation the server refused earlier is answered as refused again, with its reason:
 * answered 'duplicate', the kiosk took it for applied (its refusal gone from the outbox, its dead
 * letter from the count) when the first answer was lost on the way back. The conflict record
 * written with the refusal says what it was.
 */
async function answerRefusalsAgain(trx: CentralTransaction, device: DeviceIdentity, results: Settled[]): Promise<void> {
  const seqs = results.filter((r) => r.status === 'duplicate').map((r) => r.seq);
  if (!seqs.length) return;
  const refused = await trx
    .selectFrom('conflicts')
    .select(['seq', 'kind', 'code', 'message'])
    .where('device_id', '=', device.deviceId)
    .where('seq', 'in', seqs)
    .where('kind', 'in', ['rejected', 'dead_letter'])
    .execute();
  for (const c of refused) {
    const r = results.find((x) => x.seq === c.seq && x.status === 'duplicate');
    if (r)
      Object.assign(r, {
        status: c.kind === 'dead_letter' ? 'dead' : 'rejected',
        code: c.code,
        message: c.message,
        repeated: true,
      });
  }
}

/** A mutation that passed the checks needing no database: its definition, validated args and wall time. */
interface Checked {
  def: MutationDef;
  args: unknown;
  wall: number;
}

/**
 * The checks of a mutation that need no database (known mutation, timestamp, args, signature, authority),
 * done before the batch takes the device's lock, so a second batch in flight is validated while
 * the first one writes.
 */
function precheck(m: PushedMutation, signed: boolean): Checked | AppError {
  const def = findMutation(m.name);
  if (!def || def.version !== m.version)
    return new AppError(
      'UNKNOWN_MUTATION',
      `This server does not know ${m.name} v${m.version}. Update the kiosk or the server so they match.`,
    );
  let wall: number;
  try {
    wall = decodeHlc(m.hlc).wall;
  } catch {
    return new AppError(
      'VALIDATION_FAILED',
      `The mutation's timestamp "${m.hlc.slice(0, 40)}" is not a hybrid logical timestamp.`,
    );
  }
  const parsed = def.args.safeParse(m.args);
  if (!parsed.success)
    return new AppError(
      'VALIDATION_FAILED',
      `The details of ${m.name} are not valid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  // After the args' shape, so a change the kiosk itself had to send without its args (too large)
  // is still refused as invalid, not as altered.
  if (!signed)
    return new AppError(
      'SIGNATURE_INVALID',
      `${m.name} (seq ${m.seq}) does not carry this kiosk's signature over what arrived: it was altered on the way, or signed by another key. It was not applied.`,
    );
  if (def.authority === 'system')
    return new AppError('FORBIDDEN', `${m.name} is reserved for set-up and is never accepted from a device.`);
  if (def.authority !== 'device' && !m.userId)
    return new AppError('UNAUTHENTICATED', `${m.name} needs a signed-in person.`);
  return { def, args: parsed.data, wall };
}

/** Whether the acting person may run the mutation at the device's site; a refusal here writes nothing. */
async function authorise(
  trx: CentralTransaction,
  device: DeviceIdentity,
  m: PushedMutation,
  def: MutationDef,
  perms: Map<string, string[] | null>,
  writer: PgWriter,
): Promise<AppError | null> {
  const a = def.authority;
  if (a === 'device' || !m.userId) return null;
  if (!perms.has(m.userId)) {
    await writer.flush();
    perms.set(m.userId, await permissionsOf(trx, device.siteId, m.userId));
  }
  const p = perms.get(m.userId);
  if (!p) return new AppError('FORBIDDEN', `The person behind ${m.name} has no role at this site.`);
  if (a !== 'session' && isPermission(a) && !can(p, a))
    return new AppError('FORBIDDEN', `${m.name} needs "${a}", which this person's role at this site does not have.`);
  return null;
}

/** Runs one mutation in a savepoint: a refusal rolls back only it; an unexpected failure is retried, then dead-lettered. */
async function runIsolated(
  trx: CentralTransaction,
  def: MutationDef,
  ctx: MutationContext,
  args: unknown,
  m: PushedMutation,
  device: DeviceIdentity,
): Promise<Settled> {
  let lastError = '';
  for (let attempt = 1; attempt <= MAX_MUTATION_ATTEMPTS; attempt++) {
    await sql`SAVEPOINT m`.execute(trx);
    try {
      await applyMutation(def, ctx, args);
      await sql`RELEASE SAVEPOINT m`.execute(trx);
      return { seq: m.seq, status: 'applied' };
    } catch (err) {
      await sql`ROLLBACK TO SAVEPOINT m`.execute(trx);
      await sql`RELEASE SAVEPOINT m`.execute(trx);
      if (err instanceof AppError)
        return { seq: m.seq, status: 'rejected', code: err.code, message: err.message, writes: m.writes };
      lastError = err instanceof Error ? err.message : String(err);
      await trx
        .insertInto('mutation_failures')
        .values({ device_id: device.deviceId, seq: m.seq, attempts: 1, last_error: lastError.slice(0, 2000) })
        .onConflict((oc) =>
          oc.columns(['device_id', 'seq']).doUpdateSet((eb) => ({
            attempts: eb('mutation_failures.attempts', '+', 1),
            last_error: lastError.slice(0, 2000),
          })),
        )
        .execute();
    }
  }
  return {
    seq: m.seq,
    status: 'dead',
    code: 'INTERNAL',
    message: `Failed ${MAX_MUTATION_ATTEMPTS} times on the server (${lastError.slice(0, 300)}); set aside for a supervisor.`,
    writes: m.writes,
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The server's current state of the rows in the write sets the results carry (refused,
 * duplicate, and applied mutations that read), one query per table; null for a row the server
 * does not have, which the kiosk then removes.
 */
async function revertRows(trx: CentralTransaction, siteId: string, results: Settled[]) {
  const wanted = new Map<string, Set<string>>();
  const order: { table: string; id: string }[] = [];
  for (const r of results) {
    for (const w of r.writes ?? []) {
      const i = w.indexOf(':');
      const table = w.slice(0, i);
      const id = w.slice(i + 1).toLowerCase();
      if (!(SYNCED_TABLES as readonly string[]).includes(table) || !UUID.test(id)) continue;
      let ids = wanted.get(table);
      if (!ids) wanted.set(table, (ids = new Set()));
      if (ids.has(id)) continue;
      ids.add(id);
      order.push({ table, id });
    }
  }
  const found = new Map<string, Record<string, unknown>>();
  for (const [table, ids] of wanted) {
    const res = await sql<
      Record<string, unknown>
    >`SELECT * FROM ${sql.ref(table as SyncedTable)} WHERE id = ANY(${[...ids]}::uuid[]) AND (site_id = ${siteId} OR site_id IS NULL)`.execute(
      trx,
    );
    for (const row of res.rows) found.set(`${table}:${String(row.id)}`, strip(row));
  }
  return order.map(({ table, id }) => ({ table, id, row: found.get(`${table}:${id}`) ?? null }));
}
