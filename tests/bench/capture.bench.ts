// Capture cost: inserting rows through the mutation layer (validation, write gate, outbox entry,
// HLC) against a plain prepared better-sqlite3 insert of the same rows into the same table shape,
// measured in one run. Run with `npm run bench`. Three figures: single-row mutations in one batch
// and one per transaction, and one mutation that writes 100 rows (one per transaction) against
// the plain insert of those 100 rows in one transaction.
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

const auditTableSql = () => {
  const sql = readFileSync(join(localMigrationsDir, '0001_init.sql'), 'utf8');
  return /CREATE TABLE audit_log \([\s\S]*?\) STRICT;/.exec(sql)![0];
};

function plainDb(dir: string) {
  const db = new Database(join(dir, 'plain.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(auditTableSql());
  return db;
}

const ROWS_PER_MUTATION = 100;

/**
 * A mutation that writes 100 audit rows, defined here because no shipped mutation writes many rows
 * without domain work of its own (a student's classes need dates, zones and derived ids): this
 * measures what the capture layer adds per row. Its args are validated like any mutation's.
 */
const recordManyAuthEvents = defineMutation({
  name: 'bench.recordManyAuthEvents',
  version: 1,
  authority: 'device',
  args: z.object({ events: z.array(recordAuthEvent.args).max(ROWS_PER_MUTATION) }).strict(),
  async run(ctx, a) {
    for (const e of a.events) await recordAuthEvent.run(ctx, e);
  },
});

const makeRows = (siteId: string, deviceId: string) =>
  Array.from({ length: N }, (_, i) => ({
    id: newId(),
    action: 'auth.sign_in' as const,
    subjectUserId: null,
    detail: { i },
    siteId,
    deviceId,
  }));

/** The baseline: a plain prepared INSERT of one row of the same shape, no gate, no outbox. */
function plainInsert(db: Database.Database) {
  const now = new Date().toISOString();
  const insert = db.prepare(
    'INSERT INTO audit_log (id, site_id, action, actor_user_id, subject_user_id, device_id, hlc, detail, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  return (row: ReturnType<typeof makeRows>[number]) =>
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

export async function run(): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const mode of ['batched', 'one-per-transaction'] as const) {
    const n = mode === 'batched' ? N : Math.min(N, 100_000);
    let oursMs = 0;
    let plainMs = 0;
    const oursTimes: number[] = [];
    const plainTimes: number[] = [];
    const oursCpu: number[] = [];
    const plainCpu: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      const dir = mkdtempSync(join(tmpdir(), 'sd-bench-'));
      const kiosk = await createKiosk({
        dataDir: join(dir, 'kiosk'),
        demo: true,
        siteKey: 'restaurant',
        hashPin: (p) => hashPin(p, { N: 1024, r: 8, p: 1, keyLength: 32 }),
      });
      const rows = makeRows(kiosk.siteId, kiosk.deviceId).slice(0, n);
      const db = plainDb(dir);
      const plainOne = plainInsert(db);
      const actor = { userId: null, permissions: [] };
      const argsOf = (row: (typeof rows)[number]) => ({
        id: row.id,
        action: row.action,
        subjectUserId: row.subjectUserId,
        detail: row.detail,
      });
      if (mode === 'batched') {
        plainTimes.push(await clocked(plainCpu, () => db.transaction(() => rows.forEach(plainOne))()));
        oursTimes.push(
          await clocked(oursCpu, () =>
            kiosk.runner.runBatch(
              rows.map((row) => ({ def: recordAuthEvent, args: argsOf(row) })),
              actor,
            ),
          ),
        );
      } else {
        plainTimes.push(await clocked(plainCpu, () => rows.forEach((row) => db.transaction(plainOne)(row))));
        oursTimes.push(
          await clocked(oursCpu, async () => {
            for (const row of rows) await kiosk.runner.run(recordAuthEvent, argsOf(row), actor);
          }),
        );
      }
      const count = (
        kiosk.store.raw.prepare("SELECT COUNT(*) AS c FROM audit_log WHERE action = 'auth.sign_in'").get() as {
          c: number;
        }
      ).c;
      if (count !== n) throw new Error(`expected ${n} rows through the mutation layer, found ${count}`);
      db.close();
      await kiosk.close();
      rmSync(dir, { recursive: true, force: true });
    }
    oursTimes.sort((a, b) => a - b);
    plainTimes.sort((a, b) => a - b);
    oursMs = oursTimes[Math.floor(RUNS / 2)];
    plainMs = plainTimes[Math.floor(RUNS / 2)];
    const ratio = oursMs / plainMs;
    const goal = mode === 'batched' ? 2.0 : 1.5;
    figures.push({
      name: `capture ${n / 1000}k rows, ${mode}`,
      value: (n / oursMs) * 1000,
      unit: 'rows/s',
      baseline: (n / plainMs) * 1000,
      ratio,
      goal: `time ratio <= ${goal}`,
      met: ratio <= goal,
    });
    figures.push(cpuFigure(`capture ${n / 1000}k rows, ${mode}`, n, oursCpu, plainCpu, goal));
    console.log(
      `  ${mode}: wall ours ${oursTimes.map((t) => t.toFixed(0)).join(', ')} ms, plain ${plainTimes.map((t) => t.toFixed(0)).join(', ')} ms; CPU ours ${oursCpu.map((t) => t.toFixed(0)).join(', ')} ms, plain ${plainCpu.map((t) => t.toFixed(0)).join(', ')} ms`,
    );
  }
  figures.push(...(await manyRowsFigures()));
  return figures;
}

/** The same figure from the process's CPU time (median of the runs): what the load of a shared machine moves least. */
function cpuFigure(name: string, rows: number, oursCpu: number[], plainCpu: number[], goal: number): Figure {
  const ratio = median(oursCpu) / median(plainCpu);
  return {
    name: `${name}, CPU time`,
    value: (rows / median(oursCpu)) * 1000,
    unit: 'rows/s',
    baseline: (rows / median(plainCpu)) * 1000,
    ratio,
    goal: `CPU time ratio <= ${goal}`,
    met: ratio <= goal,
  };
}

/** N rows as N/100 mutations of 100 rows, each in its own transaction, against N/100 plain transactions of 100 inserts. */
async function manyRowsFigures(): Promise<Figure[]> {
  const oursTimes: number[] = [];
  const plainTimes: number[] = [];
  const oursCpu: number[] = [];
  const plainCpu: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const dir = mkdtempSync(join(tmpdir(), 'sd-bench-'));
    const kiosk = await createKiosk({
      dataDir: join(dir, 'kiosk'),
      demo: true,
      siteKey: 'restaurant',
      hashPin: (p) => hashPin(p, { N: 1024, r: 8, p: 1, keyLength: 32 }),
    });
    const rows = makeRows(kiosk.siteId, kiosk.deviceId);
    const chunks: (typeof rows)[] = [];
    for (let i = 0; i < rows.length; i += ROWS_PER_MUTATION) chunks.push(rows.slice(i, i + ROWS_PER_MUTATION));
    const db = plainDb(dir);
    const plainOne = plainInsert(db);
    const plainChunk = db.transaction((chunk: typeof rows) => {
      for (const row of chunk) plainOne(row);
    });
    const actor = { userId: null, permissions: [] };
    plainTimes.push(await clocked(plainCpu, () => chunks.forEach((c) => plainChunk(c))));
    oursTimes.push(
      await clocked(oursCpu, async () => {
        for (const c of chunks)
          await kiosk.runner.run(
            recordManyAuthEvents,
            {
              events: c.map((row) => ({
                id: row.id,
                action: row.action,
                subjectUserId: row.subjectUserId,
                detail: row.detail,
              })),
            },
            actor,
          );
      }),
    );
    const count = (
      kiosk.store.raw.prepare("SELECT COUNT(*) AS c FROM audit_log WHERE action = 'auth.sign_in'").get() as {
        c: number;
      }
    ).c;
    const entries = (
      kiosk.store.raw.prepare("SELECT COUNT(*) AS c FROM outbox WHERE name = 'bench.recordManyAuthEvents'").get() as {
        c: number;
      }
    ).c;
    if (count !== rows.length || entries !== chunks.length)
      throw new Error(`expected ${rows.length} rows in ${chunks.length} outbox entries, found ${count} in ${entries}`);
    db.close();
    await kiosk.close();
    rmSync(dir, { recursive: true, force: true });
  }
  oursTimes.sort((a, b) => a - b);
  plainTimes.sort((a, b) => a - b);
  const oursMs = oursTimes[Math.floor(RUNS / 2)];
  const plainMs = plainTimes[Math.floor(RUNS / 2)];
  console.log(
    `  ${ROWS_PER_MUTATION} rows a mutation: wall ours ${oursTimes.map((t) => t.toFixed(0)).join(', ')} ms, plain ${plainTimes.map((t) => t.toFixed(0)).join(', ')} ms; CPU ours ${oursCpu.map((t) => t.toFixed(0)).join(', ')} ms, plain ${plainCpu.map((t) => t.toFixed(0)).join(', ')} ms`,
  );
  const ratio = oursMs / plainMs;
  const name = `capture ${N / 1000}k rows, ${ROWS_PER_MUTATION} rows a mutation`;
  return [
    {
      name,
      value: (N / oursMs) * 1000,
      unit: 'rows/s',
      baseline: (N / plainMs) * 1000,
      ratio,
      goal: 'time ratio <= 1.3',
      met: ratio <= 1.3,
    },
    cpuFigure(name, N, oursCpu, plainCpu, 1.3),
  ];
}
