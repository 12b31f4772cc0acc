// Student CSV import, the real path: the `classes.importCommit` API method of a kiosk (preview,
// validation, one batch of `classes.createStudent` mutations that generate each student's
// classes), signed in as a manager. 500 students with two weekly slots from a start date a few
// weeks back give about 4,000 classes. Baseline, same run: plain prepared inserts of exactly the
// rows the import wrote (students, classes, logs), into the same tables in a plain database.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createKiosk } from '../../electron/core/kiosk.js';
import { createManualClock } from '../../electron/core/clock.js';
import { hashPin } from '../../electron/core/auth/pin-hash.js';
import { demoSite, demoUserId } from '../../shared/demo.js';
import { clocked, median, type Figure } from './bench-kit.js';

const STUDENTS = 500;
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const GOAL_MS = 1000;
const TABLES = ['students', 'classes', 'class_generation_logs'] as const;

/** 500 distinct students, each on Mondays and Thursdays since 16 Nov 2026 (the clock: 22 Nov). */
export function studentsCsv(n = STUDENTS): string {
  const lines = ['first_name,last_name,course,start_date,end_date,schedule'];
  for (let i = 0; i < n; i++)
    lines.push(
      `Student${i},Family${i % 37},Course ${i % 9},2026-11-16,,Mon ${String(8 + (i % 10)).padStart(2, '0')}:00 60; jeu 18:30 90`,
    );
  return `${lines.join('\n')}\n`;
}

/** Copies the rows the import wrote into a plain database with the same tables, timed. */
async function plainInsertMs(kioskDb: Database.Database, dir: string, cpu: number[]): Promise<number> {
  const plain = new Database(join(dir, 'plain.db'));
  plain.pragma('journal_mode = WAL');
  plain.pragma('synchronous = NORMAL');
  const work = TABLES.map((t) => {
    plain.exec(
      (kioskDb.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?").get(t) as { sql: string })
        .sql,
    );
    const rows = kioskDb.prepare(`SELECT * FROM "${t}"`).raw().all() as unknown[][];
    const cols = rows.length ? rows[0].length : 0;
    return {
      rows,
      insert: plain.prepare(`INSERT INTO "${t}" VALUES (${Array.from({ length: cols }, () => '?').join(', ')})`),
    };
  });
  const took = await clocked(cpu, () =>
    plain.transaction(() => {
      for (const w of work) for (const r of w.rows) w.insert.run(r);
    })(),
  );
  plain.close();
  return took;
}

export async function run(): Promise<Figure[]> {
  const csv = studentsCsv();
  const ours: number[] = [];
  const plain: number[] = [];
  const oursCpu: number[] = [];
  const plainCpu: number[] = [];
  let classes = 0;
  for (let r = 0; r < RUNS; r++) {
    const dir = mkdtempSync(join(tmpdir(), 'sd-bench-import-'));
    const kiosk = await createKiosk({
      dataDir: join(dir, 'kiosk'),
      demo: true,
      siteKey: 'restaurant',
      clock: createManualClock(),
      hashPin: (p) => hashPin(p, { N: 1024, r: 8, p: 1, keyLength: 32 }),
    });
    try {
      const manager = demoSite('restaurant').people.find((p) => p.role === 'manager')!;
      const signIn = await kiosk.dispatcher.dispatch(
        'auth.signIn',
        { userId: demoUserId('restaurant', manager.name), pin: manager.pin },
        null,
      );
      if (!signIn.ok) throw new Error(`sign-in failed: ${signIn.error.message}`);
      const token = (signIn.value as { token: string }).token;
      let result: Awaited<ReturnType<typeof kiosk.dispatcher.dispatch>> | undefined;
      ours.push(
        await clocked(
          oursCpu,
          async () => (result = await kiosk.dispatcher.dispatch('classes.importCommit', { csv, mode: 'all' }, token)),
        ),
      );
      if (!result?.ok) throw new Error(`import failed: ${result && !result.ok ? result.error.message : '?'}`);
      const count = (t: string) =>
        (kiosk.store.raw.prepare(`SELECT COUNT(*) AS c FROM "${t}"`).get() as { c: number }).c;
      if (count('students') !== STUDENTS) throw new Error(`expected ${STUDENTS} students, found ${count('students')}`);
      classes = count('classes');
      plain.push(await plainInsertMs(kiosk.store.raw, dir, plainCpu));
    } finally {
      await kiosk.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  ours.sort((a, b) => a - b);
  plain.sort((a, b) => a - b);
  const ms = ours[Math.floor(RUNS / 2)];
  const base = plain[Math.floor(RUNS / 2)];
  const cpuMs = median(oursCpu);
  console.log(
    `  import of ${STUDENTS} students, ${classes} classes: wall ${ours.map((t) => t.toFixed(0)).join(', ')} ms, plain inserts ${plain.map((t) => t.toFixed(0)).join(', ')} ms; CPU ${oursCpu.map((t) => t.toFixed(0)).join(', ')} ms, plain ${plainCpu.map((t) => t.toFixed(0)).join(', ')} ms`,
  );
  return [
    {
      name: `capture import ${STUDENTS} students (${classes} classes)`,
      value: ms,
      unit: 'ms',
      baseline: base,
      ratio: ms / base,
      goal: `< ${GOAL_MS} ms`,
      met: ms < GOAL_MS,
    },
    {
      name: `capture import ${STUDENTS} students (${classes} classes), CPU time`,
      value: cpuMs,
      unit: 'ms',
      baseline: median(plainCpu),
      ratio: cpuMs / median(plainCpu),
      goal: `< ${GOAL_MS} ms`,
      met: cpuMs < GOAL_MS,
    },
  ];
}
