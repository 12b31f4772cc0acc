import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createEmailChannel, createWebhookChannel } from '../../../server/notifications/channels.js';
import { createDeliveryWorker } from '../../../server/notifications/worker.js';
import { call, codeOf, signIn } from '../../helpers/kiosk.js';
import { startMailbox, startWebhookReceiver } from '../../helpers/mailbox.js';
import { ok, report, vesselWorld } from '../incidents/world.js';

const SECRET = 'a-webhook-secret-shared-with-the-gateway';

/** Two critical incidents on a vessel: the master wants email and the webhook, the officer email. */
async function twoEscalations() {
  const w = await vesselWorld();
  const mailbox = await startMailbox();
  const receiver = await startWebhookReceiver(SECRET);
  const bridge = await w.kiosk('Bridge tablet');
  const set = async (role: string, channels: string[], email: string) =>
    ok(
      call(
        bridge,
        'notifications.setPreferences',
        { channels, email, quietStart: null, quietEnd: null, digest: false },
        await signIn(bridge, role, 'vessel'),
      ),
    );
  await set('master', ['kiosk', 'email', 'webhook'], 'erik@ship.example');
  await set('officer', ['kiosk', 'email'], 'maria@ship.example');
  await report(bridge, 'critical', w.now() - 120_000);
  await report(bridge, 'critical', w.now() - 60_000);
  await bridge.notifications.idle();
  await bridge.notifications.check();
  await bridge.sync!.syncNow();
  const worker = (owner: string, secret = SECRET, onPicked?: () => Promise<void>) =>
    createDeliveryWorker({
      onPicked,
      db: w.service.db.service,
      channels: {
        email: createEmailChannel({ smtpUrl: mailbox.url, from: 'alerts@shiftdeck.example' }),
        webhook: createWebhookChannel({ url: receiver.url, secret }),
      },
      clock: { now: () => w.now() },
      owner,
    });
  return { w, bridge, mailbox, receiver, worker };
}

describe('the delivery worker with several service instances on one database', () => {
  it('three instances at once send every email and webhook once, and the receiver finds each signature good', async () => {
    const { w, mailbox, receiver, worker } = await twoEscalations();
    // Each instance's first claim waits, its row picked, until all three have picked one: the
    // moment two instances would both take the same row if the claim did not lock and skip.
    let waiting = 0;
    let release = () => {};
    const lined = new Promise<void>((r) => (release = r));
    const lineUp = async () => {
      if (++waiting === 3) release();
      if (waiting <= 3) await lined;
    };
    const instances = ['a', 'b', 'c'].map((o) => worker(o, SECRET, lineUp));
    expect(await instances[0]!.plan()).toBe(6);
    const passes = await Promise.all(instances.map((i) => i.runOnce()));
    expect(passes.reduce((n, p) => n + p.sent, 0)).toBe(6);
    expect((await Promise.all(instances.map((i) => i.runOnce()))).every((p) => p.sent === 0)).toBe(true);

    expect(mailbox.mails).toHaveLength(4);
    expect(new Set(mailbox.mails.map((m) => m.messageId)).size).toBe(4);
    expect(mailbox.mails.map((m) => m.to[0]).sort()).toEqual([
      'erik@ship.example',
      'erik@ship.example',
      'maria@ship.example',
      'maria@ship.example',
    ]);
    expect(receiver.refused).toHaveLength(0);
    expect(receiver.accepted).toHaveLength(2);
    const bodies = receiver.accepted.map(
      (h) => JSON.parse(h.body) as { delivery: string; recipient: { name: string }; notifications: { kind: string }[] },
    );
    expect(bodies.map((b) => b.recipient.name)).toEqual(['Erik Hansen', 'Erik Hansen']);
    expect(bodies.map((b) => b.notifications[0]!.kind)).toEqual(['incident_escalated', 'incident_escalated']);
    expect(receiver.accepted.map((h) => h.headers['x-shiftdeck-delivery'])).toEqual(bodies.map((b) => b.delivery));
    const outcomes = await sql<{ outcome: string; n: number }>`
      SELECT outcome, count(*)::int AS n FROM notification_deliveries GROUP BY outcome`.execute(w.service.db.admin);
    expect(outcomes.rows).toEqual([{ outcome: 'sent', n: 6 }]);
  });

  it('a webhook signed with the wrong secret is refused by the receiver: a failed attempt, retried later', async () => {
    const { w, bridge, receiver, worker } = await twoEscalations();
    await worker('a', 'not-the-gateways-secret').runOnce();
    expect(receiver.accepted).toHaveLength(0);
    expect(receiver.refused).toHaveLength(2);
    const failed = await sql<{ error: string; next_attempt_at: string | null }>`
      SELECT error, next_attempt_at FROM notification_deliveries WHERE channel = 'webhook'`.execute(w.service.db.admin);
    expect(failed.rows).toEqual([
      { error: 'The webhook answered HTTP 401.', next_attempt_at: new Date(w.now() + 30_000).toISOString() },
      { error: 'The webhook answered HTTP 401.', next_attempt_at: new Date(w.now() + 30_000).toISOString() },
    ]);
    // The failures come down to the vessel: its administrators see them on the on-call screen.
    await bridge.sync!.syncNow();
    const master = await signIn(bridge, 'master', 'vessel');
    const seen = await ok<
      {
        channel: string;
        address: string;
        attempt: number;
        error: string;
        nextAttemptAt: string | null;
        notification: { kind: string };
      }[]
    >(call(bridge, 'notifications.deliveryFailures', {}, master));
    expect(seen.map((f) => [f.channel, f.address, f.attempt, f.error, f.notification.kind])).toEqual([
      ['webhook', receiver.url, 1, 'The webhook answered HTTP 401.', 'incident_escalated'],
      ['webhook', receiver.url, 1, 'The webhook answered HTTP 401.', 'incident_escalated'],
    ]);
    const crew = await signIn(bridge, 'crew', 'vessel');
    expect(codeOf(await call(bridge, 'notifications.deliveryFailures', {}, crew))).toBe('FORBIDDEN');
  });
});
