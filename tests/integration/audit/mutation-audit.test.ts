import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../../electron/core/clock.js';
import type { Kiosk } from '../../../electron/core/kiosk.js';
import { mutationAuditId } from '../../../shared/audit/mutation-audit.js';
import { defaultPlaceId } from '../../../shared/incidents/places.js';
import { call, codeOf, demoPerson, signIn } from '../../helpers/kiosk.js';
import { replicaDiff, syncAll } from '../../helpers/replicas.js';
import { enrolledKiosk, restaurantOfficeAndFloor, siteOf, startService } from '../../helpers/sync.js';

const SITE = siteOf('restaurant');

interface Entry {
  id: string;
  action: string;
  area: string;
  actorName: string | null;
  subjectName: string | null;
  deviceId: string;
  deviceName: string | null;
  self: boolean;
  createdAt: string;
  detail: Record<string, unknown>;
}

async function list(kiosk: Kiosk, token: string, filters: Record<string, unknown> = {}): Promise<Entry[]> {
  const r = await call(kiosk, 'audit.list', { limit: 500, ...filters }, token);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as Entry[];
}

const ids = (entries: Entry[]) => entries.map((e) => e.id);

describe('the audit log tells the whole story', () => {
  it('every applied change is one entry (who, what, when, which kiosk), the same row on the kiosk that made it, at shore and on the other kiosk', async () => {
    const { clock, service, office, floor } = await restaurantOfficeAndFloor();

    // Emma (staff) reports an incident on the floor; Sophie (admin) changes the screen lock at the office.
    const emma = await signIn(floor, 'staff');
    const reported = await call(
      floor,
      'incidents.report',
      {
        type: 'injury',
        severity: 'high',
        placeId: defaultPlaceId(SITE, 'kitchen'),
        occurredAt: '2026-11-22T08:55:00.000Z',
        whatHappened: 'Cut on the hand while slicing',
        peopleInvolved: 'Emma Dubois',
        immediateActions: 'First aid, glove',
        confidential: false,
      },
      emma,
    );
    expect(codeOf(reported)).toBe('OK');
    clock.advance(60_000);
    const sophie = await signIn(office, 'admin');
    expect(codeOf(await call(office, 'admin.setIdleLock', { seconds: 300 }, sophie))).toBe('OK');
    const camilleOnFloor = await signIn(floor, 'manager');
    await syncAll([floor, office]);

    // The office sees the floor's entry, in words the screen can put together.
    const all = await list(office, sophie);
    const report = all.filter((e) => e.action === 'incidents.report');
    expect(report).toHaveLength(1);
    expect(report[0]).toMatchObject({
      area: 'incidents',
      actorName: 'Emma Dubois',
      deviceId: floor.deviceId,
      deviceName: 'Floor kiosk',
      self: false,
      createdAt: '2026-11-22T09:00:00.000Z',
      detail: { type: 'injury', severity: 'high', confidential: false },
    });
    // Free text of the record (what happened, who was involved) never goes into the audit log.
    expect(JSON.stringify(report[0].detail)).not.toMatch(/slicing|Dubois|glove/);
    const lock = all.filter((e) => e.action === 'sites.setIdleLock');
    expect(lock).toMatchObject([
      {
        area: 'settings',
        actorName: 'Sophie Laurent',
        deviceName: 'Back office',
        self: true,
        detail: { seconds: 300 },
      },
    ]);

    // One row per mutation, with the id every replica derives: the kiosk's, shore's and the other kiosk's agree.
    const hlcOf = (k: Kiosk, id: string) =>
      (k.store.raw.prepare('SELECT hlc FROM audit_log WHERE id = ?').get(id) as { hlc: string }).hlc;
    expect(report[0].id).toBe(mutationAuditId(floor.deviceId, hlcOf(floor, report[0].id)));
    const central = await sql<{ id: string; action: string; device_id: string }>`
      SELECT id, action, device_id FROM audit_log
      WHERE site_id = ${SITE} AND action IN ('incidents.report', 'sites.setIdleLock') ORDER BY action`.execute(
      service.db.admin,
    );
    expect(central.rows.map((r) => [r.action, r.id, r.device_id])).toEqual([
      ['incidents.report', report[0].id, floor.deviceId],
      ['sites.setIdleLock', lock[0].id, office.deviceId],
    ]);
    const onFloor = await list(floor, camilleOnFloor, { area: 'settings' });
    expect(ids(onFloor)).toContain(lock[0].id);
    expect(await replicaDiff(floor, service.db.admin)).toEqual([]);
    expect(await replicaDiff(office, service.db.admin)).toEqual([]);

    // The kiosks' own reports are telemetry with a table of their own: no entry each quarter-hour.
    expect(all.some((e) => e.action === 'devices.report')).toBe(false);
  });

  it('filters by who acted, by area and by the site’s days, and pages through everything once', async () => {
    // 23:30 UTC on 22 November is already 23 November in Paris, the restaurant's zone.
    const clock = createManualClock(Date.parse('2026-11-22T20:00:00Z'));
    const service = await startService({ clock });
    const { kiosk } = await enrolledKiosk(service, 'restaurant', { clock, deviceName: 'Back office' });
    const sophie = await signIn(kiosk, 'admin');
    expect(codeOf(await call(kiosk, 'admin.setIdleLock', { seconds: 200 }, sophie))).toBe('OK');
    clock.advance(3.5 * 3_600_000);
    const sophieAgain = await signIn(kiosk, 'admin');
    expect(codeOf(await call(kiosk, 'admin.setIdleLock', { seconds: 240 }, sophieAgain))).toBe('OK');
    const emma = demoPerson('staff');
    expect(codeOf(await call(kiosk, 'people.unlock', { userId: emma.id }, sophieAgain))).toBe('OK');
    const camilleAgain = await signIn(kiosk, 'manager');
    await kiosk.sync!.syncNow();

    const everything = await list(kiosk, camilleAgain);
    expect(everything.length).toBeGreaterThan(4);
    const bySophie = await list(kiosk, camilleAgain, { actorUserId: demoPerson('admin').id });
    expect(bySophie.length).toBeGreaterThan(0);
    expect(bySophie.every((e) => e.actorName === 'Sophie Laurent')).toBe(true);
    expect(bySophie.map((e) => e.action)).toEqual(
      expect.arrayContaining(['sites.setIdleLock', 'sites.setIdleLock', 'auth.unlock', 'auth.sign_in']),
    );

    const settings = await list(kiosk, camilleAgain, { area: 'settings' });
    expect(settings.map((e) => e.detail.seconds)).toEqual([240, 200]);
    const people = await list(kiosk, camilleAgain, { area: 'people' });
    expect(people.every((e) => e.area === 'people')).toBe(true);
    const signIns = await list(kiosk, camilleAgain, { area: 'signIn' });
    expect(signIns.map((e) => e.action)).toEqual(expect.arrayContaining(['auth.sign_in', 'auth.unlock']));
    expect(signIns.every((e) => e.action.startsWith('auth.'))).toBe(true);

    // Days are the site's: the second change (23:30 UTC) is on 23 November in Paris.
    const on22 = await list(kiosk, camilleAgain, { area: 'settings', from: '2026-11-22', to: '2026-11-22' });
    expect(on22.map((e) => e.detail.seconds)).toEqual([200]);
    const from23 = await list(kiosk, camilleAgain, { area: 'settings', from: '2026-11-23' });
    expect(from23.map((e) => e.detail.seconds)).toEqual([240]);

    // Pages of two walk every entry exactly once, newest first.
    const walked: Entry[] = [];
    for (let page = await list(kiosk, camilleAgain, { limit: 2 }); page.length;) {
      walked.push(...page);
      const last = page.at(-1)!;
      page = await list(kiosk, camilleAgain, { limit: 2, before: last.createdAt, beforeId: last.id });
    }
    expect(ids(walked)).toEqual(ids(everything));

    // A bad filter is refused in words, naming the field.
    const swapped = await call(kiosk, 'audit.list', { from: '2026-11-23', to: '2026-11-22' }, camilleAgain);
    expect(swapped).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(JSON.stringify(swapped)).toContain('to');
    const notADay = await call(kiosk, 'audit.list', { from: '23/11/2026' }, camilleAgain);
    expect(notADay).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    // Staff may not read it.
    const emmaToken = await signIn(kiosk, 'staff');
    expect(codeOf(await call(kiosk, 'audit.list', {}, emmaToken))).toBe('FORBIDDEN');
  });
});
