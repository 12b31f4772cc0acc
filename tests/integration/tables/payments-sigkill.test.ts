import { sql, type Kysely } from 'kysely';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { demoSiteId } from '../../../shared/demo.js';
import { newId } from '../../../shared/ids.js';
import type { SyncedDatabase } from '../../../shared/schema.js';
import { billLineOf, sessionLines } from '../../../shared/tables/bill-rows.js';
import { billTotalCents } from '../../../shared/tables/money.js';
import { addLine, sendOrder } from '../../../shared/tables/order-mutations.js';
import { recordPayment } from '../../../shared/tables/payment-mutations.js';
import { closeSession, openSession } from '../../../shared/tables/session-mutations.js';
import { splitBill } from '../../../shared/tables/split.js';
import { paymentId, tableSessionId } from '../../../shared/tables/table-ids.js';
import { spawnKioskProcess } from '../../helpers/kiosk-process.js';
import { outboxCounts, replicaDiff, syncAll } from '../../helpers/replicas.js';
import { enrolledKiosk, startService } from '../../helpers/sync.js';
import {
  FIXTURE,
  PAID_TABLES,
  paymentKeyOf,
  seedTablesFixture,
  tablesActors as who,
  waysOf,
} from '../../helpers/tables-fixture.js';

const CHILD = fileURLToPath(new URL('../../helpers/payment-child.ts', import.meta.url));
const KILLS = 8;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('a waiter kiosk killed with SIGKILL while it takes payments', () => {
  it(
    'has every payment in PostgreSQL exactly once, and every bill balances to the cent',
    { timeout: 150_000 },
    async () => {
      const service = await startService();
      const enrolled = await enrolledKiosk(service, 'restaurant');
      const k0 = enrolled.kiosk;
      await seedTablesFixture(k0.runner);
      for (const table of PAID_TABLES) {
        const sessionId = tableSessionId(FIXTURE.table(table), 0);
        await k0.runner.run(
          openSession,
          { id: sessionId, tableId: FIXTURE.table(table), guests: 4, waiterId: who.waiter.userId },
          who.waiter,
        );
        for (const [itemId, seat, mods] of [
          [FIXTURE.soup, 1, []],
          [FIXTURE.steak, 2, [FIXTURE.sauce]],
          [FIXTURE.wine, 3, []],
          [FIXTURE.wine, 4, []],
        ] as const)
          await k0.runner.run(
            addLine,
            { id: newId(), sessionId, itemId, seat, quantity: table, modifierIds: [...mods], note: null, course: 1 },
            who.waiter,
          );
        await k0.runner.run(sendOrder, { sessionId, sendId: newId() }, who.waiter);
      }
      await k0.sync!.syncNow();
      await k0.close();

      const acked = new Set<string>();
      const where: Record<string, number> = {};
      for (let k = 0; k < KILLS; k++) {
        const p = await spawnKioskProcess(enrolled.dataDir, 500 + k, CHILD);
        await p.next('ready');
        // Kill it with a push in flight, a push answered but not settled, or just after a payment committed.
        const target = ['net push sent', 'net push answered', /^ack payments:/][k % 3]!;
        await p.next(target);
        await sleep(k % 2);
        await p.kill();
        where[String(target)] = (where[String(target)] ?? 0) + 1;
        for (const a of p.acked) acked.add(a.slice('payments:'.length));
      }
      expect(acked.size).toBeGreaterThan(0);

      // Opened again cleanly: the waiter pays what is left (the same share keys), closes, syncs.
      const { kiosk } = await enrolledKiosk(service, 'restaurant', { dataDir: enrolled.dataDir });
      const db = kiosk.store.db as unknown as Kysely<SyncedDatabase>;
      const site = demoSiteId('restaurant');
      const expected = new Map<string, { sessionId: string; cents: number }>();
      for (const table of PAID_TABLES) {
        const sessionId = tableSessionId(FIXTURE.table(table), 0);
        const lines = (await sessionLines(db, site, sessionId)).map(billLineOf);
        for (const share of splitBill(lines, { mode: 'equal', ways: waysOf(table) })) {
          const paymentKey = paymentKeyOf(sessionId, share.key);
          expected.set(paymentId(sessionId, paymentKey), { sessionId, cents: share.amountCents });
          await kiosk.runner.run(
            recordPayment,
            {
              sessionId,
              paymentKey,
              shareKey: share.key,
              amountCents: share.amountCents,
              tipCents: 50 * table,
              method: (['cash', 'card', 'voucher'] as const)[table % 3]!,
              reference: table % 3 === 2 ? `V-${table}` : null,
            },
            who.waiter,
          );
        }
        await kiosk.runner.run(closeSession, { sessionId }, who.waiter);
      }
      await syncAll([kiosk], 3);
      console.log(
        `[payments-sigkill] ${KILLS} kills (${JSON.stringify(where)}), ${acked.size} payments acknowledged before a kill`,
      );

      // Every payment acknowledged before a kill is among the expected ones, and in PostgreSQL once.
      for (const id of acked) expect(expected.has(id), `${id} is no share of a bill`).toBe(true);
      const central = await sql<{ id: string; session_id: string; amount_cents: number; tip_cents: number }>`
        SELECT id::text AS id, session_id::text AS session_id, amount_cents, tip_cents FROM payments`.execute(
        service.db.admin,
      );
      expect(central.rows.map((r) => r.id).sort()).toEqual([...expected.keys()].sort());
      for (const table of PAID_TABLES) {
        const sessionId = tableSessionId(FIXTURE.table(table), 0);
        const bill = billTotalCents((await sessionLines(db, site, sessionId)).map(billLineOf));
        const rows = central.rows.filter((r) => r.session_id === sessionId);
        expect(rows).toHaveLength(waysOf(table));
        expect(
          rows.reduce((s, r) => s + r.amount_cents, 0),
          `table ${table}`,
        ).toBe(bill);
        expect(rows.reduce((s, r) => s + r.tip_cents, 0)).toBe(50 * table * waysOf(table));
      }
      const closed = await service.db.admin.selectFrom('table_sessions').select('status').execute();
      expect(closed.map((s) => s.status)).toEqual(PAID_TABLES.map(() => 'closed'));

      // Nothing refused or given up on, the outbox settled, and the kiosk holds what shore holds.
      const m = service.app.sync.metrics;
      expect(
        m.get('shiftdeck_push_mutations_total', { status: 'rejected' }) +
          m.get('shiftdeck_push_mutations_total', { status: 'dead' }),
      ).toBe(0);
      expect(outboxCounts(kiosk)).not.toHaveProperty('pending');
      expect(await replicaDiff(kiosk, service.db.admin)).toEqual([]);
    },
  );
});
