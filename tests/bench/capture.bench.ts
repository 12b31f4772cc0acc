// Capture cost: inserting rows through the mutation layer (validation, write gate, outbox entry,
// HLC) against a plain prepared better-sqlite3 insert of the same rows into the same table (its
// indexes included), measured in one run. Run with `npm run bench`. Three goal figures:
// single-row mutations in one batch and one per transaction, and a mutation that writes 100 rows
// (one per transaction) against the plain insert of those 100 rows in one transaction. Reported
// beside them: the same against the bare table of earlier runs (no index), and a 100-row mutation
// that carries all its rows in its args.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { z } from 'zod';
import { newId } from '../../shared/ids.js';
import { recordAuthEvent } from '../../shared/mutations/audit.js';
import { defineMutation } from '../../shared/mutations/define.js';
import { createKiosk } from '../../electron/core/kiosk.js';
import { hashPin } from '../../electron/core/auth/pin-hash.js';
import { localMigrationsDir } from '../../electron/core/paths.js';
import { clocked, median, type Figure } from './bench-kit.js';

const N = Number(process.env.BENCH_ROWS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

/**
 * The audit table as the kiosk creates it: the CREATE TABLE of migration 0001 and its indexes.
 * The indexes are the application's, not the capture layer's: a plain insert into the same table
 * maintains them too. `withIndexes: false` gives the bare table of earlier runs (reported only).
 */
const auditTableSql = (withIndexes: boolean) => {
  const sql = readFileSync(join(localMigrationsDir, '0001_init.sql'), 'utf8');
  const table = /CREATE TABLE audit_log \([\s\S]*?\) STRICT;/.exec(sql)![0];
  const indexes = sql.match(/CREATE INDEX [a-z_]+ ON audit_log \([^)]*\);/g) ?? [];
  if (withIndexes && !indexes.length) throw new Error('migration 0001 lost the audit_log indexes this bench reads');
  return [table, ...(withIndexes ? indexes : [])].join('\n');
};

function plainDb(dir: string, withIndexes = true) {
  const db = new Database(join(dir, withIndexes ? 'plain.db' : 'bare.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(auditTableSql(withIndexes));
  return db;
}

const ROWS_PER_MUTATION = 100;

/**
 * A mutation that writes 100 audit rows given in its args, defined here because no shipped
 * mutation writes many rows without domain work of its own. Its outbox entry repeats every row:
 * reported, to show what a mutation that carries its rows costs.
 */
const recordManyAuthEvents = defineMutation({
  name: 'bench.recordManyAuthEvents',
  audit: 'own',
  version: 1,
  authority: 'device',
  args: z.object({ events: z.array(recordAuthEvent.args).max(ROWS_PER_MUTATION) }).strict(),
  async run(ctx, a) {
    for (const e of a.events) await recordAuthEvent.run(ctx, e);
  },
});

/** Row `i` of a run: the first id with its last three hex digits replaced by `i`. */
const runRowId = (firstId: string, i: number) => firstId.slice(0, 33) + i.toString(16).padStart(3, '0');

/**
 * A mutation that derives 100 audit rows from small args, as class generation derives a term of
 * classes from a schedule: the goal figure, what the capture layer adds per written row.
 */
const recordAuthEventRun = defineMutation({
  name: 'bench.recordAuthEventRun',
  audit: 'own',
  version: 1,
  authority: 'device',
  args: z.object({ firstId: z.uuid(), count: z.number().int().min(1).max(ROWS_PER_MUTATION) }).strict(),
  async run(ctx, a) {
    for (let i = 0; i < a.count; i++) {
      await ctx.write.insert('audit_log', {
        id: runRowId(a.firstId, i),
        site_id: ctx.siteId,
        action: 'auth.sign_in',
        actor_user_id: ctx.userId,
        subject_user_id: null,
        device_id: ctx.deviceId,
        hlc: ctx.hlc,
        detail: JSON.stringify({ i }),
      });
    }
  },
});

interface Row {
  id: string;
  action: 'auth.sign_in';
  subjectUserId: null;
  detail: { i: number };
  siteId: string;
  deviceId: string;
}

const makeRows = (siteId: string, deviceId: string): Row[] =>
  Array.from({ length: N }, (_, i) => ({
    id: newId(),
    action: 'auth.sign_in' as const,
    subjectUserId: null,
    detail: { i },
    siteId,
    deviceId,
  }));

/** N rows as runs of 100 with derived ids, as `recordAuthEventRun` writes them. */
const makeRuns = (siteId: string, deviceId: string): Row[][] => {
  const runs: Row[][] = [];
  for (let r = 0; r < N / ROWS_PER_MUTATION; r++) {
    const firstId = newId();
    runs.push(
      Array.from({ length: ROWS_PER_MUTATION }, (_, i) => ({
        id: runRowId(firstId, i),
        action: 'auth.sign_in' as const,
        subjectUserId: null,
        detail: { i },
        siteId,
        deviceId,
      })),
    );
  }
  return runs;
};

/** The baseline: a plain prepared INSERT of one row of the same shape, no gate, no outbox. */
function plainInsert(db: Database.Database) {
  const now = new Date().toISOString();
  const insert = db.prepare(
    'INSERT INTO audit_log (id, site_id, action, actor_user_id, subject_user_id, device_id, hlc, detail, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  return (row: Row) =>
    insert.run(
      row.id,
      row.siteId,
      row.action,
      null,
      row.subjectUserId,
      row.deviceId,
      now,
      JSON.stringify(row.detail),
      now,
      now,
    );
}

type Kiosk = Awaited<ReturnType<typeof createKiosk>>;
const actor = { userId: null, permissions: [] };
const argsOf = (row: Row) => ({ id: row.id, action: row.action, subjectUserId: row.subjectUserId, detail: row.detail });
const chunked = (rows: Row[]) => {
  const chunks: Row[][] = [];
  for (let i = 0; i < rows.length; i += ROWS_PER_MUTATION) chunks.push(rows.slice(i, i + ROWS_PER_MUTATION));
  return chunks;
};

/** One way of writing N rows: the plain inserts (given a database) and ours (given a kiosk). */
interface Scenario {
  name: string;
  goal: number;
  /** The rows, made once per run so both sides write the same ones. */
  rows(kiosk: Kiosk): Row[][];
  plain(db: Database.Database, rows: Row[][]): void;
  ours(kiosk: Kiosk, rows: Row[][]): Promise<unknown>;
  /** Outbox entries the kiosk must hold afterwards (a check that ours really ran). */
  entries: number;
}

const scenarios: Scenario[] = [
  {
    name: 'batched',
    goal: 2.0,
    rows: (k) => [makeRows(k.siteId, k.deviceId)],
    plain: (db, [rows]) => {
      const one = plainInsert(db);
      db.transaction(() => rows.forEach(one))();
    },
    ours: (k, [rows]) =>
      k.runner.runBatch(
        rows.map((row) => ({ def: recordAuthEvent, args: argsOf(row) })),
        actor,
      ),
    entries: N,
  },
  {
    name: 'one-per-transaction',
    goal: 1.5,
    rows: (k) => [makeRows(k.siteId, k.deviceId)],
    plain: (db, [rows]) => {
      const one = db.transaction(plainInsert(db));
      rows.forEach((row) => one(row));
    },
    ours: async (k, [rows]) => {
      for (const row of rows) await k.runner.run(recordAuthEvent, argsOf(row), actor);
    },
    entries: N,
  },
  {
    name: `${ROWS_PER_MUTATION} rows a mutation`,
    goal: 1.3,
    rows: (k) => makeRuns(k.siteId, k.deviceId),
    plain: (db, runs) => {
      const one = plainInsert(db);
      const chunk = db.transaction((rows: Row[]) => rows.forEach(one));
      runs.forEach((rows) => chunk(rows));
    },
    ours: async (k, runs) => {
      for (const rows of runs)
        await k.runner.run(recordAuthEventRun, { firstId: rows[0].id, count: rows.length }, actor);
    },
    entries: N / ROWS_PER_MUTATION,
  },
  {
    name: `${ROWS_PER_MUTATION} rows a mutation, the rows in its args`,
    goal: 0,
    rows: (k) => chunked(makeRows(k.siteId, k.deviceId)),
    plain: (db, chunks) => {
      const one = plainInsert(db);
      const chunk = db.transaction((rows: Row[]) => rows.forEach(one));
      chunks.forEach((rows) => chunk(rows));
    },
    ours: async (k, chunks) => {
      for (const rows of chunks) await k.runner.run(recordManyAuthEvents, { events: rows.map(argsOf) }, actor);
    },
    entries: N / ROWS_PER_MUTATION,
  },
];

interface Timings {
  wall: number[];
  cpu: number[];
}
const timings = (): Timings => ({ wall: [], cpu: [] });

async function measure(sc: Scenario) {
  const ours = timings();
  const plain = timings();
  const bare = timings();
  for (let r = 0; r < RUNS; r++) {
    const dir = mkdtempSync(join(tmpdir(), 'sd-bench-'));
    const kiosk = await createKiosk({
      dataDir: join(dir, 'kiosk'),
      demo: true,
      siteKey: 'restaurant',
      hashPin: (p) => hashPin(p, { N: 1024, r: 8, p: 1, keyLength: 32 }),
    });
    const before = kiosk.store.raw.prepare('SELECT COUNT(*) FROM outbox').pluck().get() as number;
    const rows = sc.rows(kiosk);
    const db = plainDb(dir, true);
    const bareDb = plainDb(dir, false);
    plain.wall.push(await clocked(plain.cpu, () => sc.plain(db, rows)));
    bare.wall.push(await clocked(bare.cpu, () => sc.plain(bareDb, rows)));
    ours.wall.push(await clocked(ours.cpu, () => sc.ours(kiosk, rows)));
    const count = kiosk.store.raw
      .prepare("SELECT COUNT(*) FROM audit_log WHERE action = 'auth.sign_in'")
      .pluck()
      .get() as number;
    const entries = (kiosk.store.raw.prepare('SELECT COUNT(*) FROM outbox').pluck().get() as number) - before;
    if (count !== N || entries !== sc.entries)
      throw new Error(`${sc.name}: expected ${N} rows in ${sc.entries} outbox entries, found ${count} in ${entries}`);
    db.close();
    bareDb.close();
    await kiosk.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const ms = (xs: number[]) => xs.map((t) => t.toFixed(0)).join(', ');
  console.log(
    `  ${sc.name}: wall ours ${ms(ours.wall)} ms, plain ${ms(plain.wall)} ms, bare table ${ms(bare.wall)} ms; CPU ours ${ms(ours.cpu)} ms, plain ${ms(plain.cpu)} ms, bare table ${ms(bare.cpu)} ms`,
  );
  return { ours, plain, bare };
}

function figure(name: string, kind: 'time' | 'CPU time', ours: number[], base: number[], goal: number): Figure {
  const ratio = median(ours) / median(base);
  return {
    name: kind === 'time' ? name : `${name}, CPU time`,
    value: (N / median(ours)) * 1000,
    unit: 'rows/s',
    baseline: (N / median(base)) * 1000,
    ratio,
    goal: goal ? `${kind} ratio <= ${goal}` : 'reported',
    met: goal ? ratio <= goal : true,
  };
}

export async function run(): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const sc of scenarios) {
    const { ours, plain, bare } = await measure(sc);
    const name = `capture ${N / 1000}k rows, ${sc.name}`;
    figures.push(figure(name, 'time', ours.wall, plain.wall, sc.goal));
    figures.push(figure(name, 'CPU time', ours.cpu, plain.cpu, sc.goal));
    figures.push(figure(`${name}, against the bare table (no index)`, 'CPU time', ours.cpu, bare.cpu, 0));
  }
  return figures;
}
