// Push throughput: N audit entries queued on a kiosk and pushed through the sync service (gzip,
// HTTP, zod, device auth, the exactly-once seq check, the shared mutator under the service role and
// row-level security, multi-row inserts, settling the outbox) against a raw multi-row INSERT of
// the same rows (1000 a statement, one transaction) into the same PostgreSQL table.
// Run with `npm run bench -- push`.
import { sql } from 'kysely';
import { recordAuthEvent } from '../../shared/mutations/audit.js';
import { encodeHlc } from '../../shared/hlc.js';
import { newId } from '../../shared/ids.js';
import { demoSiteId } from '../../shared/demo.js';
import type { Figure } from './bench-kit.js';
import { startCentral, watchFetch } from './central.js';

const N = Number(process.env.BENCH_PUSH_ROWS ?? 20_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function run(): Promise<Figure[]> {
  const central = await startCentral();
  try {
    const site = demoSiteId('restaurant');
    const ours: number[] = [];
    const raw: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      const kiosk = await central.kiosk('restaurant');
      await kiosk.runner.runBatch(
        Array.from({ length: N }, (_, i) => ({
          def: recordAuthEvent,
          args: {
            id: newId(),
            action: 'auth.sign_in' as const,
            subjectUserId: null,
            detail: { terminal: 'bar', attempt: i % 5 },
          },
        })),
        { userId: null, permissions: [] },
      );
      // The push phase of one sync cycle: from its start until it turns to pulling.
      const t0 = performance.now();
      const { value: report, calls } = await watchFetch(() => kiosk.sync!.syncNow());
      const firstPull = calls.find((c) => c.path === '/v1/pull');
      if (!report || report.pushed !== N || !firstPull)
        throw new Error(`expected ${N} mutations pushed, got ${report?.pushed}`);
      ours.push(firstPull.sentAt - t0);

      // The same rows, as the server wrote them, inserted raw: 1000 a statement, one transaction.
      const v = 1_000_000 + r;
      const rows = Array.from({ length: N }, (_, i) => {
        const now = new Date().toISOString();
        return {
          id: newId(),
          site_id: site,
          action: 'auth.sign_in',
          actor_user_id: null,
          subject_user_id: null,
          device_id: kiosk.deviceId,
          hlc: encodeHlc({ wall: Date.now(), counter: i % 65535, node: kiosk.deviceId }),
          detail: JSON.stringify({ terminal: 'bar', attempt: i % 5 }),
          created_at: now,
          updated_at: now,
          _version: v,
        };
      });
      const t1 = performance.now();
      await central.admin.transaction().execute(async (trx) => {
        for (let i = 0; i < rows.length; i += 1000)
          await trx
            .insertInto('audit_log')
            .values(rows.slice(i, i + 1000))
            .execute();
      });
      raw.push(performance.now() - t1);
      const count = await sql<{
        n: number;
      }>`SELECT count(*)::int AS n FROM audit_log WHERE device_id = ${kiosk.deviceId}`.execute(central.admin);
      if (count.rows[0].n !== 2 * N) throw new Error(`expected ${2 * N} rows of the device, found ${count.rows[0].n}`);
    }
    const oursRate = (N / median(ours)) * 1000;
    const rawRate = (N / median(raw)) * 1000;
    const ratio = oursRate / rawRate;
    return [
      {
        name: `push ${N / 1000}k audit mutations through the service`,
        value: oursRate,
        unit: 'rows/s',
        baseline: rawRate,
        ratio,
        goal: 'throughput ratio >= 0.5',
        met: ratio >= 0.5,
      },
    ];
  } finally {
    await central.stop();
  }
}
