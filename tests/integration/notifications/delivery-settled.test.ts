import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { raiseAnomaly } from '../../../shared/fuel/anomaly-mutations.js';
import { createEmailChannel } from '../../../server/notifications/channels.js';
import { createDeliveryWorker } from '../../../server/notifications/worker.js';
import { call, signIn } from '../../helpers/kiosk.js';
import { startMailbox } from '../../helpers/mailbox.js';
import { ok, vesselWorld } from '../incidents/world.js';

const minute = (ms: number) => new Date(Math.floor(ms / 60_000) * 60_000).toISOString();

describe('notifications ashore whose subject was dealt with on board', () => {
  it('a fuel anomaly taken up before the mail went is not sent; one still open is, once', async () => {
    const w = await vesselWorld();
    const mailbox = await startMailbox();
    const bridge = await w.kiosk('Bridge tablet');
    const officer = await signIn(bridge, 'officer', 'vessel');
    await ok(
      call(
        bridge,
        'notifications.setPreferences',
        { channels: ['kiosk', 'email'], email: 'maria@ship.example', quietStart: null, quietEnd: null, digest: false },
        officer,
      ),
    );
    const raise = (sensor: string, minutesAgo: number) =>
      bridge.runner.run(
        raiseAnomaly,
        {
          kind: 'excessive_consumption',
          sensor,
          engine: 1,
          expected: 800,
          seen: 900,
          unit: 'kg/h',
          since: minute(w.now() - minutesAgo * 60_000),
          detectedAt: minute(w.now()),
        },
        { userId: null, permissions: [] },
      );
    await raise('fuel_rate#1', 40);
    await raise('fuel_rate#2', 30);
    await bridge.notifications.idle();
    await bridge.notifications.check();
    await bridge.sync!.syncNow();

    const shore = createDeliveryWorker({
      db: w.service.db.service,
      channels: { email: createEmailChannel({ smtpUrl: mailbox.url, from: 'Shiftdeck <alerts@shiftdeck.example>' }) },
      clock: { now: () => w.now() },
      owner: 'instance-a',
      leaseMs: 5 * 60_000,
    });
    expect(await shore.plan()).toBe(2);

    // Before the service sends, the officer takes up the first anomaly on the bridge.
    const list = await ok<{ id: string; sensor: string }[]>(
      call(bridge, 'fuel.anomalies', {}, await signIn(bridge, 'officer', 'vessel')),
    );
    const first = list.find((a) => a.sensor === 'fuel_rate#1')!;
    await ok(
      call(
        bridge,
        'fuel.investigate',
        { id: first.id, status: 'investigating', rootCause: 'Flow meter check', resolution: null },
        await signIn(bridge, 'officer', 'vessel'),
      ),
    );
    await bridge.sync!.syncNow();

    await shore.runOnce();
    await shore.runOnce();
    expect(await shore.runOnce()).toEqual({ planned: 0, sent: 0, failed: 0 });
    expect(mailbox.mails).toHaveLength(1);
    expect(mailbox.mails[0]!.text).toContain('fuel_rate#2');
    const rows = await sql<{ outcome: string; error: string }>`
      SELECT outcome, error FROM notification_deliveries ORDER BY outcome`.execute(w.service.db.admin);
    expect(rows.rows).toEqual([
      { outcome: 'sent', error: '' },
      { outcome: 'skipped', error: 'skipped: done' },
    ]);
  });
});
