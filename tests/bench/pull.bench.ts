// Pull apply rate: M audit rows written centrally (transactions of 100 rows, one site version
// each, as many devices' pushes would) pulled by a fresh kiosk and applied (HTTP, the REPEATABLE
// READ page query, gzip, zod, one SQLite transaction per page with its cursor) against a raw
// prepared better-sqlite3 INSERT of the same rows into the same table shape in one transaction.
// Also the compressed bytes a pulled row costs on the wire. Run with `npm run bench -- pull`.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { localMigrationsDir } from '../../electron/core/paths.js';
import { inSiteTransaction } from '../../server/db/site-tx.js';
import { nextSiteVersion } from '../../server/db/site-versions.js';
import { demoSiteId } from '../../shared/demo.js';
import { encodeHlc } from '../../shared/hlc.js';
import { newId } from '../../shared/ids.js';
import type { Figure } from './bench-kit.js';
import { startCentral } from './central.js';

const M = Number(process.env.BENCH_PULL_ROWS ?? 20_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const PER_TRANSACTION = 100;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const auditTableSql = () =>
  /CREATE TABLE audit_log \([\s\S]*?\) STRICT;/.exec(
    readFileSync(join(localMigrationsDir, '0001_init.sql'), 'utf8'),
  )![0];

export async function run(): Promise<Figure[]> {
  const central = await startCentral();
  const site = demoSiteId('restaurant');
  const device = newId();
  try {
    const ours: number[] = [];
    const raw: number[] = [];
    let bytesDown = 0;
    let rawJson = 0;
    for (let r = 0; r < RUNS; r++) {
      // A fresh kiosk, enrolled and caught up; then M new rows arrive centrally.
      const kiosk = await central.kiosk('restaurant');
      const rows: Record<string, unknown>[] = [];
      for (let i = 0; i < M; i += PER_TRANSACTION) {
        await inSiteTransaction(central.admin, site, async (trx) => {
          const v = await nextSiteVersion(trx, site);
          const batch = Array.from({ length: Math.min(PER_TRANSACTION, M - i) }, (_, k) => {
            const now = new Date().toISOString();
            return {
              id: newId(),
              site_id: site,
              action: 'auth.sign_in',
              actor_user_id: null,
              subject_user_id: null,
              device_id: device,
              hlc: encodeHlc({ wall: Date.now(), counter: k, node: device }),
              detail: JSON.stringify({ terminal: 'bar', attempt: k % 5 }),
              created_at: now,
              updated_at: now,
              _version: v,
            };
          });
          rows.push(...batch);
          await trx.insertInto('audit_log').values(batch).execute();
        });
      }
      const t0 = performance.now();
      const report = await kiosk.sync!.syncNow();
      ours.push(performance.now() - t0);
      if (!report || report.pulled !== M) throw new Error(`expected ${M} rows pulled, got ${report?.pulled}`);
      bytesDown = report.bytesDown;
      rawJson =
        rows.reduce((n, { _version, ...row }) => (void _version, n + JSON.stringify(row).length), 0) / rows.length;

      const dir = mkdtempSync(join(tmpdir(), 'sd-bench-pull-'));
      const db = new Database(join(dir, 'plain.db'));
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.exec(auditTableSql());
      const cols = [
        'id',
        'site_id',
        'action',
        'actor_user_id',
        'subject_user_id',
        'device_id',
        'hlc',
        'detail',
        'created_at',
        'updated_at',
      ];
      const insert = db.prepare(
        `INSERT INTO audit_log (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`,
      );
      const t1 = performance.now();
      db.transaction(() => {
        for (const row of rows) insert.run(cols.map((c) => row[c] as never));
      })();
      raw.push(performance.now() - t1);
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
    const oursRate = (M / median(ours)) * 1000;
    const rawRate = (M / median(raw)) * 1000;
    return [
      {
        name: `pull ${M / 1000}k rows applied into a kiosk`,
        value: oursRate,
        unit: 'rows/s',
        baseline: rawRate,
        ratio: oursRate / rawRate,
        goal: '>= 20k rows/s',
        met: oursRate >= 20_000,
      },
      {
        name: 'pull gzip bytes on the wire per row',
        value: bytesDown / M,
        unit: 'bytes',
        baseline: rawJson,
        ratio: bytesDown / M / rawJson,
        goal: 'reported (vs the row as raw JSON)',
        met: true,
      },
    ];
  } finally {
    await central.stop();
  }
}
