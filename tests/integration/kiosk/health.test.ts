import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../../electron/core/clock.js';
import type { Kiosk } from '../../../electron/core/kiosk.js';
import { newId } from '../../../shared/ids.js';
import { recordAuthEvent } from '../../../shared/mutations/audit.js';
import { call, signIn } from '../../helpers/kiosk.js';
import { enrolledKiosk, startService } from '../../helpers/sync.js';
import { makeTempDir } from '../../helpers/tmp.js';

// Signed in afresh each time: hours pass on the test clock between readings, and the screen locks.
async function health(kiosk: Kiosk) {
  const r = await call(kiosk, 'health.get', {}, await signIn(kiosk, 'manager'));
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  const v = r.value as { worst: string; checks: { id: string; value: number | null; level: string }[] };
  return { worst: v.worst, of: (id: string) => v.checks.find((c) => c.id === id)! };
}

describe('kiosk health', () => {
  it('rates outbox, sync, clock and backup age against their thresholds; a lost backup drive turns critical', async () => {
    // Shore reads the same clock, so the offset it measures is the kiosk's real one (none).
    const clock = createManualClock(Date.parse('2026-11-22T09:01:00Z'));
    const service = await startService({ clock });
    const { kiosk } = await enrolledKiosk(service, 'restaurant', { clock });

    let h = await health(kiosk);
    expect(h.of('backup_age').level).toBe('unknown'); // never backed up is not healthy
    expect(h.of('database_size').value).toBeGreaterThan(0);
    expect(h.of('free_disk').value).toBeGreaterThan(0);

    await kiosk.runner.run(
      recordAuthEvent,
      { id: newId(), action: 'auth.sign_in', subjectUserId: null, detail: {} },
      {
        userId: null,
        permissions: [],
      },
    );
    await kiosk.sync!.syncNow();
    const drive = join(makeTempDir('shiftdeck-usb-'), 'stick');
    await kiosk.backups.setFolder(drive);
    clock.advance(14 * 60_000); // 09:15: the job backs up
    await kiosk.jobs.idle();
    h = await health(kiosk);
    expect(h.of('backup_age').level).toBe('ok');
    expect(h.of('clock_offset').level).toBe('ok');
    expect(h.of('outbox_depth').level).toBe('ok');

    // The drive is pulled out (a file now sits where the folder was): backups fail, their age grows.
    rmSync(drive, { recursive: true });
    writeFileSync(drive, 'not a folder');
    for (let i = 0; i < 3; i++) {
      await kiosk.runner.run(
        recordAuthEvent,
        { id: newId(), action: 'auth.sign_in', subjectUserId: null, detail: { i } },
        {
          userId: null,
          permissions: [],
        },
      );
    }
    clock.advance(45 * 60_000);
    await kiosk.jobs.idle();
    h = await health(kiosk);
    expect(h.of('backup_age')).toMatchObject({ value: 45, level: 'warning' });
    expect(h.of('outbox_depth').value).toBeGreaterThanOrEqual(3); // and the sign-ins' audit rows
    expect(h.of('oldest_pending').level).toBe('ok');
    expect(h.worst).toBe('warning');

    clock.advance(2 * 60 * 60_000);
    await kiosk.jobs.idle();
    h = await health(kiosk);
    expect(h.of('backup_age').level).toBe('critical');
    expect(h.of('oldest_pending').level).toBe('warning');
    expect(h.of('last_sync').level).toBe('warning');
    expect(h.worst).toBe('critical');
  });

  it('is for supervisors only', async () => {
    const service = await startService();
    const { kiosk } = await enrolledKiosk(service, 'restaurant');
    const staff = await signIn(kiosk, 'staff');
    const r = await call(kiosk, 'health.get', {}, staff);
    expect(r.ok ? 'OK' : r.error.code).toBe('FORBIDDEN');
  });
});
