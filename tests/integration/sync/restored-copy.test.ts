import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Kiosk } from '../../../electron/core/kiosk.js';
import { newId } from '../../../shared/ids.js';
import { recordAuthEvent } from '../../../shared/mutations/audit.js';
import { outboxCounts, replicaDiff } from '../../helpers/replicas.js';
import { enrolledKiosk, startService } from '../../helpers/sync.js';
import { makeTempDir } from '../../helpers/tmp.js';

const device = { userId: null, permissions: [] };

async function write(kiosk: Kiosk, n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const id = newId();
    await kiosk.runner.run(recordAuthEvent, { id, action: 'auth.sign_in', subjectUserId: null, detail: { i } }, device);
    ids.push(id);
  }
  return ids;
}

describe('a kiosk whose database went back to an older copy', () => {
  it('renumbers the changes it makes after the restore instead of having them taken for duplicates and lost', async () => {
    const service = await startService();
    const first = await enrolledKiosk(service, 'restaurant');
    const before = await write(first.kiosk, 5);
    await first.kiosk.sync!.syncNow();
    await first.kiosk.close();
    // A copy of the data folder, as a backup taken now would be.
    const copy = join(makeTempDir('shiftdeck-restored-'), 'data');
    cpSync(first.dataDir, copy, { recursive: true });

    // The kiosk goes on: more changes reach the server under the next seqs.
    const again = await enrolledKiosk(service, 'restaurant', { dataDir: first.dataDir });
    const later = await write(again.kiosk, 5);
    await again.kiosk.sync!.syncNow();
    await again.kiosk.close();
    const seqBefore = (
      await service.db.admin
        .selectFrom('devices')
        .select('last_seq')
        .where('id', '=', again.kiosk.deviceId)
        .executeTakeFirstOrThrow()
    ).last_seq;

    // Then its disk is replaced by the copy, and the crew records three more events offline:
    // their seqs are the ones the server already holds for the five above.
    const restored = await enrolledKiosk(service, 'restaurant', { dataDir: copy });
    expect(restored.kiosk.deviceId).toBe(again.kiosk.deviceId);
    const afterRestore = await write(restored.kiosk, 3);
    await restored.kiosk.sync!.syncNow();
    await restored.kiosk.sync!.syncNow();

    const all = [...before, ...later, ...afterRestore];
    const central = await sql<{
      id: string;
      n: number;
    }>`SELECT id::text, count(*)::int AS n FROM audit_log WHERE id = ANY(${all}::uuid[]) GROUP BY id`.execute(
      service.db.admin,
    );
    expect(central.rows.filter((r) => r.n !== 1)).toEqual([]);
    expect(central.rows.map((r) => r.id).sort()).toEqual([...all].sort());
    const dev = await service.db.admin
      .selectFrom('devices')
      .select('last_seq')
      .where('id', '=', restored.kiosk.deviceId)
      .executeTakeFirstOrThrow();
    expect(dev.last_seq).toBe(seqBefore + 3);
    expect(outboxCounts(restored.kiosk).pending ?? 0).toBe(0);
    // The restored kiosk also receives what it had sent before the restore.
    expect(await replicaDiff(restored.kiosk, service.db.admin)).toEqual([]);
  });

  it('still acknowledges a real resend (its answer lost) as a duplicate', async () => {
    const service = await startService();
    const { kiosk } = await enrolledKiosk(service, 'restaurant');
    const ids = await write(kiosk, 4);
    await kiosk.sync!.syncNow();
    // As if the answer had been lost: the same entries pending again.
    kiosk.store.raw.prepare("UPDATE outbox SET status = 'pending'").run();
    await kiosk.sync!.syncNow();
    expect(service.app.sync.metrics.get('shiftdeck_push_mutations_total', { status: 'duplicate' })).toBeGreaterThan(0);
    const central = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM audit_log WHERE id = ANY(${ids}::uuid[])`.execute(service.db.admin);
    expect(central.rows[0].n).toBe(4);
    expect(outboxCounts(kiosk).pending ?? 0).toBe(0);
  });
});
