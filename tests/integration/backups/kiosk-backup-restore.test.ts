import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { checkIntegrity } from '../../../electron/core/backups/kiosk-backups.js';
import { createManualClock } from '../../../electron/core/clock.js';
import type { Kiosk } from '../../../electron/core/kiosk.js';
import { BACKUP_EVERY_MINUTES } from '../../../shared/backups/retention.js';
import { newId } from '../../../shared/ids.js';
import { recordAuthEvent } from '../../../shared/mutations/audit.js';
import { outboxCounts, replicaDiff } from '../../helpers/replicas.js';
import { enrolledKiosk, startService } from '../../helpers/sync.js';

const device = { userId: null, permissions: [] };

async function write(kiosk: Kiosk, n: number, tag: string): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const id = newId();
    await kiosk.runner.run(
      recordAuthEvent,
      { id, action: 'auth.sign_in', subjectUserId: null, detail: { tag, i } },
      device,
    );
    ids.push(id);
  }
  return ids;
}

const localIds = (kiosk: Kiosk, ids: string[]) =>
  (kiosk.store.raw.prepare('SELECT id FROM audit_log').all() as { id: string }[])
    .map((r) => r.id)
    .filter((id) => ids.includes(id));

describe('kiosk backups', () => {
  it('backs up every quarter-hour under writes, and a restore loses nothing that reached shore', async () => {
    const service = await startService();
    const clock = createManualClock(Date.parse('2026-11-22T09:07:00Z'));
    const { kiosk, dataDir } = await enrolledKiosk(service, 'restaurant', { clock });
    const reachedShore = await write(kiosk, 20, 'before');
    await kiosk.sync!.syncNow();

    // The job falls due at 09:15; writes go on while it copies.
    clock.advance(8 * 60_000);
    const during = write(kiosk, 200, 'during');
    await kiosk.jobs.idle();
    const duringIds = await during;
    const [backup] = kiosk.backups.list();
    expect(backup.takenAt).toBe('2026-11-22T09:15:00.000Z');
    const backupPath = join(kiosk.backups.folder(), backup.file);
    expect(checkIntegrity(backupPath)).toBe('ok');
    // A single self-contained file: no WAL beside it.
    expect(existsSync(`${backupPath}-wal`)).toBe(false);

    // After the backup: some changes reach shore, the last ones do not before the disk fails.
    await kiosk.sync!.syncNow();
    const sentAfter = await write(kiosk, 5, 'sent-after');
    await kiosk.sync!.syncNow();
    clock.advance(10 * 60_000);
    const atRisk = await write(kiosk, 3, 'at-risk');
    const riskWindowMs = clock.now() - Date.parse(backup.takenAt);

    const started = performance.now();
    const restored = await kiosk.backups.restore(backup.file);
    await kiosk.sync!.syncNow();
    await kiosk.sync!.syncNow();
    const rtoMs = performance.now() - started;

    expect(existsSync(join(kiosk.backups.folder(), restored.safetyCopy))).toBe(true);
    expect(checkIntegrity(join(dataDir, 'shiftdeck.db'))).toBe('ok');
    const everythingShoreHad = [...reachedShore, ...duringIds, ...sentAfter];
    expect(localIds(kiosk, everythingShoreHad).sort()).toEqual([...everythingShoreHad].sort());
    // Only the changes made since the last backup and never sent are lost: at most one quarter-hour.
    expect(localIds(kiosk, atRisk)).toEqual([]);
    expect(riskWindowMs).toBeLessThanOrEqual(BACKUP_EVERY_MINUTES * 60_000);

    // Work after the restore reuses seqs shore already holds: it is renumbered, not taken for duplicates.
    const afterRestore = await write(kiosk, 4, 'after-restore');
    await kiosk.sync!.syncNow();
    await kiosk.sync!.syncNow();
    const all = [...everythingShoreHad, ...afterRestore];
    const central = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM audit_log WHERE id = ANY(${all}::uuid[])`.execute(service.db.admin);
    expect(central.rows[0].n).toBe(all.length);
    expect(outboxCounts(kiosk).pending ?? 0).toBe(0);
    expect(await replicaDiff(kiosk, service.db.admin)).toEqual([]);
    console.log(
      `kiosk restore drill: RPO ${riskWindowMs / 60_000} min of local changes at risk (${atRisk.length} lost, 0 of shore's), RTO ${rtoMs.toFixed(0)} ms (restore + reconcile)`,
    );
  });

  it('refuses a damaged backup and leaves the database as it was', async () => {
    const service = await startService();
    const { kiosk } = await enrolledKiosk(service, 'restaurant');
    const before = await write(kiosk, 3, 'x');
    const made = await kiosk.backups.takeNow();
    const { writeFileSync, readFileSync } = await import('node:fs');
    const path = join(kiosk.backups.folder(), made.file);
    const bytes = readFileSync(path);
    bytes.fill(0x55, 4096, 8192);
    writeFileSync(path, bytes);
    await expect(kiosk.backups.restore(made.file)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(localIds(kiosk, before).sort()).toEqual([...before].sort());
    await expect(kiosk.backups.restore('../shiftdeck.db')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
