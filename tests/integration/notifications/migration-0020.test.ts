import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { inSiteTransaction } from '../../../server/db/site-tx.js';
import { makeKiosk, openSecondConnection } from '../../helpers/kiosk.js';
import { createTestDatabase } from '../../helpers/postgres.js';

const SITE = '0190a6f0-0000-7000-8000-00000000c0de';

describe('migrations local 0020 / central 0020 (notification deliveries)', () => {
  it("on the kiosk: the rebuilt table keeps its columns, takes 'skipped', and is behind the write gate again", async () => {
    const { kiosk, dataDir } = await makeKiosk();
    const cols = (
      kiosk.store.raw.prepare('PRAGMA table_info(notification_deliveries)').all() as { name: string }[]
    ).map((c) => c.name);
    expect(cols).toEqual([
      'id',
      'site_id',
      'notification_id',
      'channel',
      'address',
      'attempt',
      'outcome',
      'error',
      'message_id',
      'at',
      'next_attempt_at',
      'created_at',
      'updated_at',
    ]);
    const shell = openSecondConnection(dataDir);
    expect(() =>
      shell
        .prepare(
          "INSERT INTO notification_deliveries VALUES ('d', 's', 'n', 'email', 'a', 1, 'skipped', '', 'm', 't', NULL, 't', 't')",
        )
        .run(),
    ).toThrow();
    const check = (
      kiosk.store.raw.prepare("SELECT sql FROM sqlite_master WHERE name = 'notification_deliveries'").get() as {
        sql: string;
      }
    ).sql;
    expect(check).toContain("outcome = 'skipped'");
  });

  it('on the central database: a new notification queues for planning once, a re-push does not, and the queues are granted to the service', async () => {
    const db = await createTestDatabase();
    const insert = (id: string) =>
      inSiteTransaction(db.service, SITE, (trx) =>
        sql`INSERT INTO notifications (id, site_id, kind, subject_kind, subject_id, recipient_role, urgency, params, period,
              raised_at, device_id, created_at, updated_at, _version)
            VALUES (${id}, ${SITE}, 'incident_escalated', 'x', gen_random_uuid(), 'master', 'urgent', '{}', 'p', now(),
              gen_random_uuid(), now(), now(), 1)
            ON CONFLICT (id) DO NOTHING`.execute(trx),
      );
    const id = '0190a6f0-0000-7000-8000-0000000000a1';
    await insert(id);
    await insert(id);
    const queued = await sql<{ notification_id: string; site_id: string }>`
      SELECT notification_id, site_id FROM notification_plan_queue`.execute(db.service);
    expect(queued.rows).toEqual([{ notification_id: id, site_id: SITE }]);
    // 'skipped' is a recorded outcome now; anything else still is not.
    const attempt = (outcome: string) =>
      inSiteTransaction(db.service, SITE, (trx) =>
        sql`INSERT INTO notification_deliveries (id, site_id, notification_id, channel, address, attempt, outcome, error,
              message_id, at, created_at, updated_at, _version)
            VALUES (gen_random_uuid(), ${SITE}, ${id}, 'email', 'a@b.example', 1, ${outcome}, '', 'm', now(), now(), now(), 1)`.execute(
          trx,
        ),
      );
    await expect(attempt('skipped')).resolves.toBeDefined();
    await expect(attempt('lost')).rejects.toThrow(/check/);
    const grants = await sql<{ table_name: string; privilege_type: string }>`
      SELECT table_name, privilege_type FROM information_schema.role_table_grants
      WHERE grantee = 'shiftdeck_service' AND table_name IN ('notification_sends', 'notification_plan_queue')
      ORDER BY table_name, privilege_type`.execute(db.admin);
    expect(grants.rows.map((g) => `${g.table_name}:${g.privilege_type}`)).toEqual([
      'notification_plan_queue:DELETE',
      'notification_plan_queue:INSERT',
      'notification_plan_queue:SELECT',
      'notification_plan_queue:UPDATE',
      'notification_sends:INSERT',
      'notification_sends:SELECT',
      'notification_sends:UPDATE',
    ]);
  });
});
