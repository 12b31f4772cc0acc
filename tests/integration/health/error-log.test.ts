import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../../electron/core/clock.js';
import type { Kiosk } from '../../../electron/core/kiosk.js';
import { inSiteTransaction } from '../../../server/db/site-tx.js';
import { call, codeOf, signIn } from '../../helpers/kiosk.js';
import { enrolledKiosk, siteOf, startService } from '../../helpers/sync.js';
import { makeTempDir } from '../../helpers/tmp.js';

const MIN = 60_000;
const DAY = 86_400_000;
const site = siteOf('restaurant');

/** The kiosk backs up once, then its drive is pulled out: from then on the backup job fails. */
async function pullTheDrive(kiosk: Kiosk, clock: ReturnType<typeof createManualClock>) {
  const drive = join(makeTempDir('shiftdeck-usb-'), 'stick');
  await kiosk.backups.setFolder(drive);
  clock.advance(15 * MIN);
  await kiosk.jobs.idle();
  rmSync(drive, { recursive: true });
  writeFileSync(drive, 'not a folder');
}

const centralErrors = (service: Awaited<ReturnType<typeof startService>>) =>
  inSiteTransaction(service.db.service, site, (trx) =>
    trx.selectFrom('error_log').selectAll().orderBy('occurred_at').execute(),
  );

describe('error log', () => {
  it('records a failing job by code and place only, counts it in the error rate, and reaches shore insert-only', async () => {
    const clock = createManualClock(Date.parse('2026-11-22T09:01:00Z'));
    const service = await startService({ clock });
    const { kiosk } = await enrolledKiosk(service, 'restaurant', { clock });
    await pullTheDrive(kiosk, clock);
    clock.advance(15 * MIN);
    await kiosk.jobs.idle();
    clock.advance(15 * MIN);
    await kiosk.jobs.idle();

    const admin = await signIn(kiosk, 'admin');
    const list = await call(kiosk, 'health.errors', {}, admin);
    if (!list.ok) throw new Error(JSON.stringify(list.error));
    const entries = (list.value as { entries: Record<string, string>[]; lastHour: number }).entries;
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({ code: 'VALIDATION_FAILED', place: 'job:backups.quarter-hour' });
    // Nothing of the error's message (which names the folder) is kept anywhere in the row.
    expect(JSON.stringify(entries)).not.toContain('stick');
    const health = await call(kiosk, 'health.get', {}, admin);
    if (!health.ok) throw new Error(JSON.stringify(health.error));
    const rate = (health.value as { checks: { id: string; value: number }[] }).checks.find(
      (c) => c.id === 'error_rate',
    );
    expect(rate?.value).toBe(2);
    // The list is for administrators: a manager reads health, not the error log.
    expect(codeOf(await call(kiosk, 'health.errors', {}, await signIn(kiosk, 'manager')))).toBe('FORBIDDEN');

    await kiosk.sync!.syncNow();
    const rows = await centralErrors(service);
    expect(rows.map((r) => [r.code, r.place, r.device_id])).toEqual([
      ['VALIDATION_FAILED', 'job:backups.quarter-hour', kiosk.deviceId],
      ['VALIDATION_FAILED', 'job:backups.quarter-hour', kiosk.deviceId],
    ]);
    // Insert-only at shore, even for the database owner: no edit, no delete; only retention's soft delete.
    await expect(
      sql`UPDATE error_log SET code = 'Other' WHERE id = ${rows[0].id}`.execute(service.db.admin),
    ).rejects.toThrow(/never edited/);
    await expect(sql`DELETE FROM error_log WHERE id = ${rows[0].id}`.execute(service.db.admin)).rejects.toThrow(
      /never edited/,
    );
  });

  it('is kept as many days as the site setting says, on the kiosk and at shore; a bad setting names its field', async () => {
    const clock = createManualClock(Date.parse('2026-11-22T09:01:00Z'));
    const service = await startService({ clock });
    const { kiosk } = await enrolledKiosk(service, 'restaurant', { clock });
    await pullTheDrive(kiosk, clock);
    clock.advance(15 * MIN); // 09:31: one failure recorded
    await kiosk.jobs.idle();
    await kiosk.backups.setFolder(makeTempDir('shiftdeck-usb-again-')); // a new drive: no more failures
    const admin = await signIn(kiosk, 'admin');

    const bad = await call(kiosk, 'health.setRetention', { kind: 'error_log', days: 3 }, admin);
    expect(codeOf(bad)).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(bad)).toContain('days');
    const kept = await call(kiosk, 'health.retention', {}, admin);
    expect(kept.ok && (kept.value as { settings: { kind: string; days: number }[] }).settings).toContainEqual(
      expect.objectContaining({ kind: 'error_log', days: 90 }),
    );
    expect(codeOf(await call(kiosk, 'health.setRetention', { kind: 'error_log', days: 10 }, admin))).toBe('OK');
    await kiosk.sync!.syncNow();

    const live = () => kiosk.store.db.selectFrom('error_log').select('id').where('deleted_at', 'is', null).execute();
    // Nine days on, the nightly retention keeps it (10 days)...
    for (let d = 0; d < 9; d++) {
      clock.advance(DAY);
      await kiosk.jobs.idle();
    }
    expect(await live()).toHaveLength(1);
    // ...and on the eleventh night it is gone, here and, once synced, at shore.
    clock.advance(2 * DAY);
    await kiosk.jobs.idle();
    expect(await live()).toHaveLength(0);
    await kiosk.sync!.syncNow();
    const rows = await centralErrors(service);
    expect(rows).toHaveLength(1);
    expect(rows[0].deleted_at).not.toBeNull();
    const setting = await inSiteTransaction(service.db.service, site, (trx) =>
      trx.selectFrom('retention_settings').select(['kind', 'days']).execute(),
    );
    expect(setting).toEqual([{ kind: 'error_log', days: 10 }]);
  });
});
