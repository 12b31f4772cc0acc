import { sql } from 'kysely';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { newId } from '../../../shared/ids.js';
import { recordAuthEvent } from '../../../shared/mutations/audit.js';
import { defineMutation } from '../../../shared/mutations/define.js';
import { enrolledKiosk, startService } from '../../helpers/sync.js';
import { startTcpProxy } from '../../helpers/tcp-proxy.js';

const device = { userId: null, permissions: [] };

describe('a sync cycle that runs while a batch of mutations is still being written', () => {
  it('pushes nothing of the open batch: a batch that then rolls back never reaches shore, and the next change is not lost', async () => {
    const service = await startService();
    const proxy = await startTcpProxy(service.url);
    const { kiosk } = await enrolledKiosk(service, 'restaurant', { serverUrl: proxy.url });
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let reached!: () => void;
    const waiting = new Promise<void>((r) => (reached = r));
    // A mutator that waits (as any mutator awaiting a read does) and then fails: the whole batch,
    // the audit row written before it included, rolls back.
    const failsLater = defineMutation({
      name: 'test.failsLater',
      version: 1,
      authority: 'device',
      args: z.object({}).strict(),
      async run() {
        reached();
        await held;
        throw new Error('the second mutation of the batch fails');
      },
    });
    const rolledBack = newId();
    const batch = kiosk.runner.runBatch(
      [
        { def: recordAuthEvent, args: { id: rolledBack, action: 'auth.sign_in', subjectUserId: null, detail: {} } },
        { def: failsLater, args: {} },
      ],
      device,
    );
    const outcome = batch.then(
      () => 'committed',
      (err: unknown) => (err instanceof Error ? err.message : String(err)),
    );
    await waiting;
    // The batch's transaction is open, its first outbox entry written but not committed. A cycle
    // starts now: it signs what is queued in the writers' queue (so it waits for the batch) and
    // reads only committed entries. Give it up to 2 s to reach shore if it would (it pushed the
    // uncommitted entry at once before either protection), then let the batch fail.
    const requests = () => proxy.count('pass', '/v1/push') + proxy.count('pass', '/v1/pull');
    const before = requests();
    const cycle = kiosk.sync!.syncNow();
    for (let i = 0; i < 80 && requests() === before; i++) await new Promise((r) => setTimeout(r, 25));
    release();
    await cycle;
    expect(await outcome).toBe('the second mutation of the batch fails');

    const kept = newId();
    await kiosk.runner.run(
      recordAuthEvent,
      { id: kept, action: 'auth.sign_in', subjectUserId: null, detail: {} },
      device,
    );
    await kiosk.sync!.syncNow();
    const central = await sql<{
      id: string;
    }>`SELECT id FROM audit_log WHERE id = ANY(${[rolledBack, kept]}::uuid[])`.execute(service.db.admin);
    expect(central.rows.map((r) => r.id)).toEqual([kept]);
    expect(kiosk.store.raw.prepare('SELECT 1 FROM audit_log WHERE id = ?').get(rolledBack)).toBeUndefined();
  });
});
