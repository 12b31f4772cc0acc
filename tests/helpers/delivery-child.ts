// A sync-service instance's delivery worker in a process of its own, for tests that kill it with
// SIGKILL right after it claimed a delivery (before sending or recording anything).
// Env: SERVICE_DB_URL, SMTP_URL, NOW (ms since the epoch, the worker's clock), LEASE_MS.
import { createCentralDb } from '../../server/db/connect.js';
import { createEmailChannel } from '../../server/notifications/channels.js';
import { createDeliveryWorker } from '../../server/notifications/worker.js';

const env = process.env;
const db = createCentralDb({ url: env.SERVICE_DB_URL!, max: 2 });
const worker = createDeliveryWorker({
  db,
  channels: { email: createEmailChannel({ smtpUrl: env.SMTP_URL!, from: 'alerts@shiftdeck.example' }) },
  clock: { now: () => Number(env.NOW) },
  owner: 'child-instance',
  leaseMs: Number(env.LEASE_MS),
});
await worker.plan();
const claimed = await worker.claim();
console.log(`claimed ${claimed?.message.to ?? 'nothing'}`);
// Stays up, holding nothing but its lease in the database, until the test kills it.
setInterval(() => undefined, 60_000);
