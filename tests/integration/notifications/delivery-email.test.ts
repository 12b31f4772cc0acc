import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { describe, expect, it, onTestFinished } from 'vitest';
import { escalationId } from '../../../shared/incidents/escalation.js';
import { notificationId } from '../../../shared/notifications/recipients.js';
import { MAX_ATTEMPTS } from '../../../shared/notifications/delivery-work.js';
import { createEmailChannel } from '../../../server/notifications/channels.js';
import { createDeliveryWorker } from '../../../server/notifications/worker.js';
import { call, demoPerson, signIn } from '../../helpers/kiosk.js';
import { startMailbox } from '../../helpers/mailbox.js';
import { ok, report, SITE, vesselWorld } from '../incidents/world.js';

const LEASE_MS = 5 * 60_000;
const CHILD = fileURLToPath(new URL('../../helpers/delivery-child.ts', import.meta.url));

/**
 * A vessel whose master wants email (with quiet hours and a digest, which urgent alerts ignore),
 * and a kiosk that raises a critical incident's escalation with the link down.
 */
async function escalationOffline(opts: { officerEmail?: boolean } = {}) {
  const w = await vesselWorld();
  const mailbox = await startMailbox();
  // The site's zone decides how dates read in the mail, not the service's (UTC here).
  await sql`UPDATE sites SET timezone = 'Pacific/Auckland' WHERE id = ${SITE}`.execute(w.service.db.admin);
  const bridge = await w.kiosk('Bridge tablet');
  const prefs = (email: string) => ({
    channels: ['kiosk', 'email'],
    email,
    quietStart: '00:00',
    quietEnd: '23:59',
    digest: true,
  });
  await ok(
    call(bridge, 'notifications.setPreferences', prefs('erik@ship.example'), await signIn(bridge, 'master', 'vessel')),
  );
  if (opts.officerEmail)
    await ok(
      call(
        bridge,
        'notifications.setPreferences',
        prefs('maria@ship.example'),
        await signIn(bridge, 'officer', 'vessel'),
      ),
    );
  await bridge.sync!.syncNow();
  // The link is down from here: the kiosk reports and raises on its own.
  const incident = await report(bridge, 'critical', w.now() - 60_000);
  await bridge.notifications.idle();
  await bridge.notifications.check();
  let time = w.now();
  const worker = (owner: string) =>
    createDeliveryWorker({
      db: w.service.db.service,
      channels: { email: createEmailChannel({ smtpUrl: mailbox.url, from: 'Shiftdeck <alerts@shiftdeck.example>' }) },
      clock: { now: () => time },
      owner,
      leaseMs: LEASE_MS,
    });
  const deliveries = async () =>
    (
      await sql<{ address: string; attempt: number; outcome: string; error: string }>`
        SELECT address, attempt, outcome, error FROM notification_deliveries ORDER BY address, attempt`.execute(
        w.service.db.admin,
      )
    ).rows;
  const alertFor = (role: string) =>
    notificationId('incident_escalated', escalationId(incident.id, 1), { role }, 'level-1');
  return { w, bridge, mailbox, worker, deliveries, alertFor, advance: (ms: number) => (time += ms) };
}

describe('notifications ashore by email (real SMTP server on loopback, real service and PostgreSQL)', () => {
  it('emails an escalation once, after the kiosk that raised it is back online, in the site zone; one acknowledged on board is skipped', async () => {
    const { bridge, mailbox, worker, deliveries, alertFor } = await escalationOffline({ officerEmail: true });
    const shore = worker('instance-a');
    expect(await shore.runOnce()).toEqual({ planned: 0, sent: 0, failed: 0 });
    expect(mailbox.mails).toHaveLength(0);

    await bridge.sync!.syncNow(); // the link is back
    expect(await shore.plan()).toBe(2);
    // Before the service sends, the officer acknowledges the alert on board with her PIN.
    const officer = demoPerson('officer', 'vessel');
    await ok(
      call(bridge, 'notifications.acknowledge', {
        notificationId: alertFor('officer'),
        userId: officer.id,
        pin: officer.pin,
      }),
    );
    await bridge.sync!.syncNow();

    expect(await shore.runOnce()).toMatchObject({ sent: 1, failed: 0 });
    expect(await shore.runOnce()).toEqual({ planned: 0, sent: 0, failed: 0 });
    expect(mailbox.mails).toHaveLength(1);
    const [mail] = mailbox.mails;
    expect(mail!.to).toEqual(['erik@ship.example']);
    expect(mail!.subject).toBe('Incident escalated to Officer of the watch');
    expect(mail!.text).toContain('Critical · fire: Smoke from the generator switchboard');
    // Raised at 09:00 UTC on 22 November: 22:00 in Auckland (UTC+13 in summer); the Date header is the worker's clock.
    expect(mail!.text).toContain('Raised 22 Nov 2026, 22:00 (Pacific/Auckland).');
    expect(Date.parse(mail!.headers.date!)).toBe(Date.parse('2026-11-22T09:00:00Z'));
    expect(await deliveries()).toEqual([
      { address: 'erik@ship.example', attempt: 1, outcome: 'sent', error: '' },
      { address: 'maria@ship.example', attempt: 1, outcome: 'skipped', error: 'skipped: acknowledged' },
    ]);
    // The record comes down to the kiosk like any site row.
    await bridge.sync!.syncNow();
    expect(bridge.store.raw.prepare('SELECT outcome FROM notification_deliveries ORDER BY outcome').all()).toEqual([
      { outcome: 'sent' },
      { outcome: 'skipped' },
    ]);
  });

  it('an instance killed after its claim and before sending: nobody else sends until the lease ends, then one mail goes', async () => {
    const { bridge, mailbox, worker, deliveries, advance } = await escalationOffline();
    await bridge.sync!.syncNow();
    const a = worker('instance-a');
    await a.plan();
    const claimed = await a.claim();
    expect(claimed?.message.to).toBe('erik@ship.example');
    // Instance A dies here: it never sends, never records. Instance B starts on the same database.
    const b = worker('instance-b');
    expect(await b.runOnce()).toMatchObject({ sent: 0 });
    advance(LEASE_MS - 1000);
    expect(await b.runOnce()).toMatchObject({ sent: 0 });
    expect(mailbox.mails).toHaveLength(0);
    advance(2000);
    expect(await b.runOnce()).toMatchObject({ sent: 1 });
    advance(LEASE_MS * 3);
    expect(await b.runOnce()).toMatchObject({ sent: 0 });
    expect(mailbox.mails).toHaveLength(1);
    expect(await deliveries()).toEqual([
      {
        address: 'erik@ship.example',
        attempt: 1,
        outcome: 'failed',
        error:
          'The service instance sending this stopped before recording the outcome; its lease ran out and it is sent again.',
      },
      { address: 'erik@ship.example', attempt: 2, outcome: 'sent', error: '' },
    ]);
    // A's late answer, had it come back to life, changes no work row: the lease is B's now.
    await a.deliver(claimed!);
    expect(mailbox.mails).toHaveLength(2);
    expect(mailbox.mails[0]!.messageId).toBe(mailbox.mails[1]!.messageId);
  });

  it('an instance process SIGKILLed right after its claim: the next instance sends once the lease ends', async () => {
    const { w, bridge, mailbox, worker, deliveries, advance } = await escalationOffline();
    await bridge.sync!.syncNow();
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
      env: {
        ...process.env,
        SERVICE_DB_URL: w.service.db.serviceUrl,
        SMTP_URL: mailbox.url,
        NOW: String(w.now()),
        LEASE_MS: String(LEASE_MS),
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    onTestFinished(() => {
      child.kill('SIGKILL');
    });
    const [line] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string];
    expect(line).toBe('claimed erik@ship.example');
    child.kill('SIGKILL');
    await exited;
    const b = worker('instance-b');
    expect(await b.runOnce()).toMatchObject({ sent: 0 });
    advance(LEASE_MS);
    expect(await b.runOnce()).toMatchObject({ sent: 1 });
    expect(await b.runOnce()).toMatchObject({ sent: 0 });
    expect(mailbox.mails).toHaveLength(1);
    expect((await deliveries()).map((d) => [d.attempt, d.outcome])).toEqual([
      [1, 'failed'],
      [2, 'sent'],
    ]);
  });

  it('a relay refusing: retried with exponential backoff, then given up after six attempts and left failed', async () => {
    const { w, bridge, mailbox, worker, advance } = await escalationOffline();
    await bridge.sync!.syncNow();
    const shore = worker('instance-a');
    mailbox.failNext(MAX_ATTEMPTS);
    expect(await shore.runOnce()).toMatchObject({ sent: 0, failed: 1 });
    advance(29_000);
    expect(await shore.runOnce()).toMatchObject({ failed: 0 }); // backoff: 30 s after the first
    advance(1_000);
    expect(await shore.runOnce()).toMatchObject({ failed: 1 });
    for (let i = 3; i <= MAX_ATTEMPTS + 1; i++) {
      advance(3_600_000);
      await shore.runOnce();
    }
    expect(mailbox.mails).toHaveLength(0);
    const rows = await sql<{ attempt: number; outcome: string; error: string; next_attempt_at: string | null }>`
      SELECT attempt, outcome, error, next_attempt_at FROM notification_deliveries ORDER BY attempt`.execute(
      w.service.db.admin,
    );
    expect(rows.rows.map((r) => [r.attempt, r.outcome])).toEqual(
      Array.from({ length: MAX_ATTEMPTS }, (_, i) => [i + 1, 'failed']),
    );
    expect(rows.rows[0]!.error).toMatch(/451/);
    expect(rows.rows.at(-1)!.next_attempt_at).toBeNull();
    const state = await sql<{ state: string }>`SELECT state FROM notification_sends`.execute(w.service.db.admin);
    expect(state.rows).toEqual([{ state: 'gave_up' }]);
  });
});
