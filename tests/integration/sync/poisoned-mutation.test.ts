import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Kiosk } from '../../../electron/core/kiosk.js';
import { demoUserId } from '../../../shared/demo.js';
import { encodeHlc } from '../../../shared/hlc.js';
import { derivedId, newId, roleId } from '../../../shared/ids.js';
import { recordAuthEvent } from '../../../shared/mutations/audit.js';
import { createUser } from '../../../shared/mutations/users.js';
import { PERMISSIONS } from '../../../shared/permissions.js';
import { cheapHashPin } from '../../helpers/kiosk.js';
import { replicaDiff, statusOf } from '../../helpers/replicas.js';
import { enrolledKiosk, startService, type TestService } from '../../helpers/sync.js';

const DEVICE = { userId: null, permissions: [] };
const event = (id: string) => ({
  def: recordAuthEvent,
  args: { id, action: 'auth.sign_in' as const, subjectUserId: null, detail: { n: id.slice(-4) } },
});
const newIds = (n: number) => Array.from({ length: n }, () => newId());

async function centralCount(service: TestService, ids: string[]): Promise<number> {
  const res = await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_log WHERE id = ANY(${ids}::uuid[])`.execute(
    service.db.admin,
  );
  return res.rows[0].n;
}

const outboxRow = (kiosk: Kiosk, seq: number) =>
  kiosk.store.raw.prepare('SELECT status, last_error FROM outbox WHERE seq = ?').get(seq) as
    { status: string; last_error: string | null } | undefined;
const pendingCount = (kiosk: Kiosk) =>
  (kiosk.store.raw.prepare("SELECT COUNT(*) AS n FROM outbox WHERE status = 'pending'").get() as { n: number }).n;

const lastError = async (kiosk: Kiosk) => (await statusOf(kiosk)).lastError;
const conflictCount = async (kiosk: Kiosk) => (await statusOf(kiosk)).conflictCount;

describe('one poisoned mutation among 1,000', () => {
  it('a blind insert the server cannot apply (its id is taken) is set aside; the other 999 apply in the same sync', async () => {
    const service = await startService();
    const { kiosk } = await enrolledKiosk(service, 'restaurant');
    const before = newIds(499);
    const after = newIds(500);
    await kiosk.runner.runBatch(before.map(event), DEVICE);
    // A queued entry that passes every check on the kiosk but whose insert fails in PostgreSQL:
    // an audit entry with the id of one the server already holds (as a kiosk restored from an old
    // backup would send). The outbox is not a synced table, so it can be written directly.
    const taken = derivedId('demo-audit', 'restaurant', 'Sophie Laurent');
    const hlc = encodeHlc({ wall: Date.now(), counter: 0, node: kiosk.deviceId });
    const badSeq = await kiosk.store.transaction(async () =>
      Number(
        kiosk.store.raw
          .prepare('INSERT INTO outbox (name, version, args, hlc, user_id, rows) VALUES (?, ?, ?, ?, ?, ?)')
          .run(
            recordAuthEvent.name,
            recordAuthEvent.version,
            JSON.stringify({ id: taken, action: 'auth.sign_in', subjectUserId: null, detail: {} }),
            hlc,
            null,
            '',
          ).lastInsertRowid,
      ),
    );
    await kiosk.runner.runBatch(after.map(event), DEVICE);

    const report = await kiosk.sync!.syncNow();
    expect(report, `the sync cycle failed: ${await lastError(kiosk)}`).toBeDefined();
    expect(report!.pushed).toBe(999);
    expect(await centralCount(service, [...before, ...after])).toBe(999);
    expect(pendingCount(kiosk)).toBe(0);
    expect(['rejected', 'dead']).toContain(outboxRow(kiosk, badSeq)?.status);
    expect(await conflictCount(kiosk)).toBeGreaterThanOrEqual(1);
    const conflict = kiosk.store.raw.prepare('SELECT kind, mutation FROM conflicts WHERE seq = ?').get(badSeq);
    expect(conflict).toMatchObject({ mutation: 'audit.recordAuthEvent' });
    expect(await replicaDiff(kiosk, service.db.admin)).toEqual([]);
  });

  it('a mutator that throws in PostgreSQL (a NUL in a name) is dead-lettered and undone on the kiosk; the other 999 apply in the same sync', async () => {
    const service = await startService();
    const { kiosk } = await enrolledKiosk(service, 'restaurant');
    const admin = { userId: demoUserId('restaurant', 'Sophie Laurent'), permissions: [...PERMISSIONS] };
    const before = newIds(600);
    const after = newIds(399);
    await kiosk.runner.runBatch(before.map(event), DEVICE);
    // SQLite stores a NUL inside text; PostgreSQL refuses it (22021), an error that is no AppError.
    const userId = newId();
    const badSeq = await kiosk.runner.run(
      createUser,
      {
        id: userId,
        auditId: newId(),
        displayName: 'Zoé\u0000Martin',
        locale: 'fr',
        pinHash: await cheapHashPin('4321'),
        roleId: roleId('waiter'),
      },
      admin,
    );
    expect(kiosk.store.raw.prepare('SELECT id FROM users WHERE id = ?').get(userId)).toBeDefined();
    await kiosk.runner.runBatch(after.map(event), DEVICE);

    const report = await kiosk.sync!.syncNow();
    expect(report, `the sync cycle failed: ${await lastError(kiosk)}`).toBeDefined();
    expect(report!.pushed).toBe(999);
    expect(await centralCount(service, [...before, ...after])).toBe(999);
    expect(pendingCount(kiosk)).toBe(0);
    expect(outboxRow(kiosk, badSeq)?.status).toBe('dead');
    const conflict = kiosk.store.raw.prepare('SELECT kind, code, mutation FROM conflicts WHERE seq = ?').get(badSeq);
    expect(conflict).toMatchObject({ kind: 'dead_letter', mutation: 'users.create' });
    expect(await conflictCount(kiosk)).toBe(1);
    expect((await statusOf(kiosk)).deadLetterCount).toBe(1);
    // The person the server never accepted is gone from the kiosk too, with their role and audit entry.
    expect(kiosk.store.raw.prepare('SELECT id FROM users WHERE id = ?').get(userId)).toBeUndefined();
    expect(await replicaDiff(kiosk, service.db.admin)).toEqual([]);
  });
});
