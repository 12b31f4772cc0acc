// A waiter's kiosk taking payments in a process of its own, for the SIGKILL payment test
// (tests/integration/tables/payments-sigkill.test.ts), started like kiosk-child.ts:
//   node --import tsx tests/helpers/payment-child.ts <dataDir> <seed> [migrationsDir]
// The data dir holds an enrolled kiosk whose tables are open with their orders sent. The process
// goes round the tables paying each equal share (tip included) and starts again from the first,
// so a share already paid is paid again: a retry, as after a lost answer. It syncs all the while
// and prints, synchronously:
//   ready                      the kiosk is open
//   ack payments:<id>          a payment's transaction committed
//   net push|pull sent|answered around each request to the sync service
import { writeSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import Database from 'better-sqlite3';
import { hashPin } from '../../electron/core/auth/pin-hash.js';
import { createKiosk } from '../../electron/core/kiosk.js';
import type { SyncedDatabase } from '../../shared/schema.js';
import { billLineOf, sessionLines } from '../../shared/tables/bill-rows.js';
import { recordPayment } from '../../shared/tables/payment-mutations.js';
import { splitBill } from '../../shared/tables/split.js';
import { paymentId, tableSessionId } from '../../shared/tables/table-ids.js';
import { demoSiteId } from '../../shared/demo.js';
import { FIXTURE, PAID_TABLES, paymentKeyOf, tablesActors, waysOf } from './tables-fixture.js';

const [dataDir, seedArg = '1', migrationsDir] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: payment-child.ts <dataDir> <seed>');
const out = (line: string) => writeSync(1, `${line}\n`);
let seed = Number(seedArg) >>> 0 || 1;
const rand = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const realFetch = globalThis.fetch;
globalThis.fetch = async (input: string | URL | Request, init?: RequestInit) => {
  const url = input instanceof Request ? input.url : String(input);
  const kind = url.includes('/v1/push') ? 'push' : url.includes('/v1/pull') ? 'pull' : 'other';
  out(`net ${kind} sent`);
  const res = await realFetch(input, init);
  out(`net ${kind} answered`);
  return res;
};

const enrolledAt = (() => {
  const db = new Database(join(dataDir, 'shiftdeck.db'), { readonly: true });
  try {
    return (db.prepare("SELECT value FROM meta WHERE key = 'sync.server'").get() as { value: string }).value;
  } finally {
    db.close();
  }
})();
const kiosk = await createKiosk({
  dataDir,
  migrationsDir,
  hashPin: (pin) => hashPin(pin, { N: 1024, r: 8, p: 1, keyLength: 32 }),
  sync: { serverUrl: enrolledAt, manual: true, deviceReports: false },
});
out('ready');
const db = kiosk.store.db as unknown as Kysely<SyncedDatabase>;
const site = demoSiteId('restaurant');

const paying = (async () => {
  for (;;) {
    for (const table of PAID_TABLES) {
      const sessionId = tableSessionId(FIXTURE.table(table), 0);
      const lines = (await sessionLines(db, site, sessionId)).map(billLineOf);
      for (const share of splitBill(lines, { mode: 'equal', ways: waysOf(table) })) {
        const paymentKey = paymentKeyOf(sessionId, share.key);
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
          tablesActors.waiter,
        );
        out(`ack payments:${paymentId(sessionId, paymentKey)}`);
        await sleep(1 + rand() * 10);
      }
    }
  }
})();
const syncing = (async () => {
  for (;;) {
    await kiosk.sync!.syncNow();
    await sleep(rand() * 8);
  }
})();
await Promise.race([paying, syncing]);
