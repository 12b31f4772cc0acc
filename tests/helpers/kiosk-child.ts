// A kiosk in a process of its own, for tests that kill it (tests/helpers/kiosk-process.ts).
//   node --import tsx tests/helpers/kiosk-child.ts <dataDir> <seed> [migrationsDir]
// The data dir holds an enrolled kiosk. The process writes mutations in a loop and syncs all the
// while. It prints, one line each, synchronously (so a line out is a line the parent gets even if
// killed right after):
//   ready <ms> <ms>             the kiosk is open (ms since start: modules loaded, kiosk open)
//   ack <table>:<id>            a row a mutation wrote, printed after its transaction committed
//   net push|pull sent|answered around each request to the sync service
import { writeSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { hashPin } from '../../electron/core/auth/pin-hash.js';
import { createKiosk } from '../../electron/core/kiosk.js';
import { demoUserId } from '../../shared/demo.js';
import { newId, roleId } from '../../shared/ids.js';
import { recordAuthEvent } from '../../shared/mutations/audit.js';
import { createUser, setUserPin } from '../../shared/mutations/users.js';
import { PERMISSIONS } from '../../shared/permissions.js';

const [dataDir, seedArg = '1', migrationsDir] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: kiosk-child.ts <dataDir> <seed>');
const out = (line: string) => writeSync(1, `${line}\n`);
let seed = Number(seedArg) >>> 0 || 1;
const rand = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const loadedMs = Math.round(performance.now());
const realFetch = globalThis.fetch;
globalThis.fetch = async (input: string | URL | Request, init?: RequestInit) => {
  const url = input instanceof Request ? input.url : String(input);
  const kind = url.includes('/v1/push') ? 'push' : url.includes('/v1/pull') ? 'pull' : 'other';
  out(`net ${kind} sent`);
  const res = await realFetch(input, init);
  out(`net ${kind} answered`);
  return res;
};

const cheapHash = (pin: string) => hashPin(pin, { N: 1024, r: 8, p: 1, keyLength: 32 });
// The address the kiosk was enrolled at: a --server that differs from it would now replace it.
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
  hashPin: cheapHash,
  sync: { serverUrl: enrolledAt, manual: true, deviceReports: false },
});
out(`ready ${loadedMs} ${Math.round(performance.now())}`);

const admin = { userId: demoUserId('restaurant', 'Sophie Laurent'), permissions: [...PERMISSIONS] };
const device = { userId: null, permissions: [] };

async function writeOne(n: number) {
  const roll = rand();
  const auditId = newId();
  if (roll < 0.8) {
    await kiosk.runner.run(
      recordAuthEvent,
      { id: auditId, action: 'auth.sign_in', subjectUserId: null, detail: { n } },
      device,
    );
    out(`ack audit_log:${auditId}`);
  } else if (roll < 0.9) {
    const id = newId();
    await kiosk.runner.run(
      createUser,
      {
        id,
        auditId,
        displayName: `Crew ${seedArg}.${n}`,
        locale: 'en',
        pinHash: await cheapHash('2468'),
        roleId: roleId('waiter'),
      },
      admin,
    );
    out(`ack users:${id}`);
    out(`ack audit_log:${auditId}`);
  } else {
    await kiosk.runner.run(
      setUserPin,
      { userId: demoUserId('restaurant', 'Hugo Moreau'), pinHash: await cheapHash(String(1000 + (n % 9000))), auditId },
      admin,
    );
    out(`ack audit_log:${auditId}`);
  }
}

const writing = (async () => {
  for (let n = 0; ; n++) {
    await writeOne(n);
    if (rand() < 0.3) await sleep(1 + rand() * 4);
  }
})();
const syncing = (async () => {
  for (;;) {
    await kiosk.sync!.syncNow();
    await sleep(rand() * 8);
  }
})();
await Promise.race([writing, syncing]);
