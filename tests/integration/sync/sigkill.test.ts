import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { demoUserId } from '../../../shared/demo.js';
import { newId } from '../../../shared/ids.js';
import { recordAuthEvent } from '../../../shared/mutations/audit.js';
import { setUserPin } from '../../../shared/mutations/users.js';
import { PERMISSIONS } from '../../../shared/permissions.js';
import { cheapHashPin } from '../../helpers/kiosk.js';
import { spawnKioskProcess } from '../../helpers/kiosk-process.js';
import { outboxCounts, replicaDiff, syncAll } from '../../helpers/replicas.js';
import { enrolledKiosk, startService } from '../../helpers/sync.js';

// Each restart loads the kiosk's modules (about a second on an idle machine, several on a busy
// one), so the test has more time than the others; it usually takes 20 to 40 s.
const KILLS = 16;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('a kiosk process killed with SIGKILL again and again', () => {
  it(
    'loses nothing it acknowledged, applies it once, and converges with the other kiosk',
    { timeout: 150_000 },
    async () => {
      const service = await startService();
      const enrolled = await enrolledKiosk(service, 'restaurant');
      const dataDir = enrolled.dataDir;
      await enrolled.kiosk.close();

      // Another kiosk of the site keeps writing, so the killed one's pulls carry rows to apply.
      const { kiosk: other } = await enrolledKiosk(service, 'restaurant');
      const admin = { userId: demoUserId('restaurant', 'Sophie Laurent'), permissions: [...PERMISSIONS] };
      let busy = true;
      const otherWrites = (async () => {
        for (let n = 0; busy; n++) {
          await other.runner.runBatch(
            Array.from({ length: 40 }, () => ({
              def: recordAuthEvent,
              args: { id: newId(), action: 'auth.sign_out' as const, subjectUserId: null, detail: { n } },
            })),
            { userId: null, permissions: [] },
          );
          if (n % 3 === 0)
            await other.runner.run(
              setUserPin,
              {
                userId: demoUserId('restaurant', 'Hugo Moreau'),
                pinHash: await cheapHashPin(String(5000 + n)),
                auditId: newId(),
              },
              admin,
            );
          await other.sync!.syncNow();
          await sleep(40);
        }
      })();

      const acked = new Set<string>();
      const where: Record<string, number> = {};
      let seed = 11;
      const rand = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
      try {
        for (let k = 0; k < KILLS; k++) {
          const t0 = Date.now();
          const p = await spawnKioskProcess(dataDir, 1000 + k);
          await p.next(/^ready /);
          const t1 = Date.now();
          // Aim at a push in flight, a push answered but not yet settled, a pull in flight, a pull
          // being applied, or anywhere.
          const target = ['net push sent', 'net push answered', 'net pull sent', 'net pull answered', 'anywhere'][
            k % 5
          ];
          if (target === 'anywhere') await sleep(20 + rand() * 150);
          else {
            await sleep(rand() * 60);
            await p.next(target);
            await sleep(rand() * 6);
          }
          await p.kill();
          if (process.env.SIGKILL_DEBUG)
            console.log(
              `kill ${k} ${target}: ready in ${t1 - t0} ms (${p.lines.find((l) => l.startsWith('ready'))}), killed after ${Date.now() - t1} ms, ${p.acked.length} acked`,
            );
          where[target] = (where[target] ?? 0) + 1;
          for (const a of p.acked) {
            expect(acked.has(a), `${a} acknowledged twice`).toBe(false);
            acked.add(a);
          }
        }
      } finally {
        busy = false;
        await otherWrites;
      }

      // The kiosk opened once more, cleanly, and synced until quiet.
      const { kiosk } = await enrolledKiosk(service, 'restaurant', { dataDir });
      await syncAll([kiosk, other], 3);
      console.log(
        `[sigkill] ${KILLS} kills (${JSON.stringify(where)}), ${acked.size} rows acknowledged, last seq ${JSON.stringify(kiosk.store.raw.prepare('SELECT MAX(seq) AS s FROM outbox').get())}`,
      );
      expect(acked.size).toBeGreaterThan(KILLS * 5);

      const byTable = new Map<string, string[]>();
      for (const a of acked) {
        const [table, id] = a.split(':');
        byTable.set(table, [...(byTable.get(table) ?? []), id]);
      }
      for (const [table, ids] of byTable) {
        const central = await sql<{
          id: string;
          n: number;
        }>`SELECT id::text AS id, count(*)::int AS n FROM ${sql.ref(table)} WHERE id = ANY(${ids}::uuid[]) GROUP BY id`.execute(
          service.db.admin,
        );
        expect(central.rows.length, `${table} rows acknowledged but missing centrally`).toBe(ids.length);
        expect(central.rows.filter((r) => r.n !== 1)).toEqual([]);
        const local = kiosk.store.raw
          .prepare(`SELECT COUNT(*) AS n FROM "${table}" WHERE id IN (SELECT value FROM json_each(?))`)
          .get(JSON.stringify(ids)) as { n: number };
        expect(local.n, `${table} rows acknowledged but missing on the kiosk`).toBe(ids.length);
      }

      // Applied once: the server settled every seq exactly once and none failed or was refused.
      const lastSeq = (kiosk.store.raw.prepare('SELECT MAX(seq) AS s FROM outbox').get() as { s: number }).s;
      const dev = await service.db.admin
        .selectFrom('devices')
        .select('last_seq')
        .where('id', '=', kiosk.deviceId)
        .executeTakeFirstOrThrow();
      expect(dev.last_seq).toBe(lastSeq);
      const m = service.app.sync.metrics;
      expect(
        m.get('shiftdeck_push_mutations_total', { status: 'rejected' }) +
          m.get('shiftdeck_push_mutations_total', { status: 'dead' }),
      ).toBe(0);
      const failures = await sql<{ n: number }>`SELECT count(*)::int AS n FROM mutation_failures`.execute(
        service.db.admin,
      );
      expect(failures.rows[0].n).toBe(0);
      const conflicts = await sql<{ kind: string }>`SELECT kind FROM conflicts WHERE kind <> 'overwritten'`.execute(
        service.db.admin,
      );
      expect(conflicts.rows).toEqual([]);

      for (const k of [kiosk, other]) {
        expect(outboxCounts(k)).not.toHaveProperty('pending');
        expect(await replicaDiff(k, service.db.admin)).toEqual([]);
      }
    },
  );
});
