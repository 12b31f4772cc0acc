import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Kiosk } from '../../../electron/core/kiosk.js';
import { encodeHlc } from '../../../shared/hlc.js';
import { pushResponse } from '../../../shared/sync/protocol.js';
import { rolloutBucket } from '../../../shared/updates/plan.js';
import { DEFAULT_UPDATE_POLICY } from '../../../shared/updates/policy.js';
import { call, codeOf, demoPerson, signIn } from '../../helpers/kiosk.js';
import { syncAll } from '../../helpers/replicas.js';
import { enrolledKiosk, rawPush, restaurantOfficeAndFloor, siteOf, startService } from '../../helpers/sync.js';

const FEED = 'http://onprem.local/shiftdeck/';

const centralPolicy = async (service: Awaited<ReturnType<typeof startService>>) =>
  (
    await sql<{ update_ring: string; update_percent: number; update_pinned_version: string | null }>`
      SELECT update_ring, update_percent, update_pinned_version FROM sites WHERE id = ${siteOf('restaurant')}`.execute(
      service.db.admin,
    )
  ).rows[0];

describe('staged updates: the site’s policy', () => {
  it('set at one kiosk, reaches shore and the other kiosks, whose updaters follow it: a ring, a share, then a version to go back to', async () => {
    const { service, office, floor } = await restaurantOfficeAndFloor();
    // A site that never set one: every kiosk follows the broad builds, at night.
    expect(await floor.updatePlan(FEED)).toEqual({
      check: true,
      feedUrl: `${FEED}broad/`,
      allowDowngrade: false,
      window: { start: '02:00', end: '05:00' },
      timeZone: 'Europe/Paris',
    });

    const sophie = await signIn(office, 'admin');
    const read = await call(office, 'updates.policy', {}, sophie);
    expect(read).toMatchObject({ ok: true, value: { policy: DEFAULT_UPDATE_POLICY } });
    const share = rolloutBucket(floor.deviceId) + 1; // just enough to take the floor kiosk in
    const pilot = { ring: 'pilot', percent: share, pinnedVersion: null, windowStart: '01:00', windowEnd: '04:00' };
    expect(codeOf(await call(office, 'updates.setPolicy', pilot, sophie))).toBe('OK');
    await syncAll([office, floor]);
    expect(await centralPolicy(service)).toEqual({
      update_ring: 'pilot',
      update_percent: share,
      update_pinned_version: null,
    });
    expect(await floor.updatePlan(FEED)).toMatchObject({
      check: true,
      feedUrl: `${FEED}pilot/`,
      window: { start: '01:00', end: '04:00' },
    });

    // One point less and the floor kiosk waits, checking nothing.
    expect(codeOf(await call(office, 'updates.setPolicy', { ...pilot, percent: share - 1 }, sophie))).toBe('OK');
    await syncAll([office, floor]);
    expect(await floor.updatePlan(FEED)).toEqual({ check: false, reason: 'not_in_share', timeZone: 'Europe/Paris' });

    // Going back: a pinned version applies to every kiosk at once, older builds allowed.
    const back = { ...pilot, percent: 0, pinnedVersion: '1.3.0' };
    expect(codeOf(await call(office, 'updates.setPolicy', back, sophie))).toBe('OK');
    await syncAll([office, floor]);
    for (const k of [office, floor])
      expect(await k.updatePlan(FEED)).toMatchObject({
        check: true,
        feedUrl: `${FEED}versions/1.3.0/`,
        allowDowngrade: true,
      });
    expect(await centralPolicy(service)).toMatchObject({ update_pinned_version: '1.3.0' });

    // The panel lists the versions the kiosks report, and the audit log has each change.
    const after = await call(office, 'updates.policy', {}, sophie);
    expect(after).toMatchObject({ ok: true, value: { policy: back, versions: [{ count: 2 }] } });
    const camille = await signIn(floor, 'manager');
    const audit = await call(floor, 'audit.list', { area: 'settings' }, camille);
    const changes = (audit.ok ? (audit.value as { action: string; detail: Record<string, unknown> }[]) : []).filter(
      (e) => e.action === 'sites.setUpdatePolicy',
    );
    expect(changes.map((e) => e.detail.percent)).toEqual([0, share - 1, share]);
    expect(changes[0].detail).toMatchObject({ ring: 'pilot', pinnedVersion: '1.3.0' });
  });

  it('refuses a bad policy in words naming the field, and anyone without settings.manage, on the kiosk and at shore', async () => {
    const service = await startService();
    const { kiosk } = await enrolledKiosk(service, 'restaurant');
    await kiosk.sync!.syncNow();
    const sophie = await signIn(kiosk, 'admin');
    const bad = await call(
      kiosk,
      'updates.setPolicy',
      { ...DEFAULT_UPDATE_POLICY, pinnedVersion: '../../etc/passwd' },
      sophie,
    );
    expect(bad.ok ? null : [bad.error.code, JSON.stringify(bad.error.details)]).toEqual([
      'VALIDATION_FAILED',
      expect.stringContaining('pinnedVersion'),
    ]);
    const late = await call(kiosk, 'updates.setPolicy', { ...DEFAULT_UPDATE_POLICY, windowEnd: '24:30' }, sophie);
    expect(codeOf(late)).toBe('VALIDATION_FAILED');
    const camille = await signIn(kiosk, 'manager');
    expect(codeOf(await call(kiosk, 'updates.setPolicy', DEFAULT_UPDATE_POLICY, camille))).toBe('FORBIDDEN');
    expect(codeOf(await call(kiosk, 'updates.policy', {}, camille))).toBe('FORBIDDEN');
    expect(await kiosk.updatePlan(FEED)).toMatchObject({ feedUrl: `${FEED}broad/` });

    // A kiosk pushing the change in a manager's name anyway: shore refuses it and keeps its policy.
    const last = await sql<{ n: string }>`SELECT last_seq AS n FROM devices WHERE id = ${kiosk.deviceId}`.execute(
      service.db.admin,
    );
    const pushed = pushResponse.parse(
      (
        await rawPush(service, kiosk as Kiosk, [
          {
            seq: Number(last.rows[0]!.n) + 1,
            name: 'sites.setUpdatePolicy',
            version: 1,
            args: { ...DEFAULT_UPDATE_POLICY, ring: 'pilot' },
            hlc: encodeHlc({ wall: Date.now(), counter: 1, node: 'tampered' }),
            userId: demoPerson('manager').id,
          },
        ])
      ).body,
    ).results[0];
    expect(pushed).toMatchObject({ status: 'rejected', code: 'FORBIDDEN' });
    expect(await centralPolicy(service)).toMatchObject({ update_ring: 'broad' });
  });
});
