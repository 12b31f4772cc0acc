import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../../electron/core/clock.js';
import type { Kiosk } from '../../../electron/core/kiosk.js';
import { encodeHlc } from '../../../shared/hlc.js';
import { pushResponse } from '../../../shared/sync/protocol.js';
import type { CentralDatabase } from '../../../server/db/central-schema.js';
import { revokeDevice } from '../../../server/devices/enrollment.js';
import { call, codeOf, demoPerson, signIn } from '../../helpers/kiosk.js';
import { deviceTokenOf, enrolledKiosk, rawPush, startService } from '../../helpers/sync.js';
import { makeTempDir } from '../../helpers/tmp.js';
import { readEnrolInput } from '../../../shared/devices/enrol-payload.js';

type Device = {
  id: string;
  name: string;
  self: boolean;
  pending: number;
  reportedAt: string;
  revokedAt: string | null;
};
type Listing = { devices: Device[]; now: string };

async function listAs(kiosk: Kiosk, token: string): Promise<Listing> {
  const r = await call(kiosk, 'devices.list', {}, token);
  if (!r.ok) throw new Error(`${r.error.code} ${r.error.message}`);
  return r.value as Listing;
}

const central = (service: Awaited<ReturnType<typeof startService>>, id: string) =>
  sql<{ name: string; revoked_at: string | null }>`SELECT name, revoked_at FROM devices WHERE id = ${id}`
    .execute(service.db.admin)
    .then((r) => r.rows[0]);

describe('devices of a site', () => {
  it('each kiosk reports itself under its enrolment name; an administrator renames one and revokes another, and shore follows', async () => {
    const clock = createManualClock(Date.parse('2026-11-22T09:00:00Z'));
    const service = await startService({ clock });
    const { kiosk: office } = await enrolledKiosk(service, 'restaurant', {
      clock,
      deviceName: 'Back office',
      deviceReports: true,
    });
    const { kiosk: bar } = await enrolledKiosk(service, 'restaurant', {
      clock,
      deviceName: 'Bar kiosk',
      deviceReports: true,
    });
    const { kiosk: terrace } = await enrolledKiosk(service, 'restaurant', {
      clock,
      deviceName: 'Terrace kiosk',
      deviceReports: true,
    });
    for (const k of [bar, terrace, office]) await k.sync!.syncNow();

    const admin = await signIn(office, 'admin');
    const listed = await listAs(office, admin);
    expect(listed.devices.map((d) => [d.name, d.self])).toEqual([
      ['Back office', true],
      ['Bar kiosk', false],
      ['Terrace kiosk', false],
    ]);
    expect(listed.devices.every((d) => d.reportedAt === '2026-11-22T09:00:00.000Z')).toBe(true);

    // Rename the bar's kiosk: the row, shore's enrolment and the bar itself agree.
    const renamed = await call(
      office,
      'devices.rename',
      { deviceId: bar.deviceId, name: '  Bar, by the door ' },
      admin,
    );
    expect(codeOf(renamed)).toBe('OK');
    await office.sync!.syncNow();
    expect((await central(service, bar.deviceId))?.name).toBe('Bar, by the door');

    // A quarter of an hour later the bar reports again: its state changes, the name it was given stays.
    clock.advance(15 * 60_000);
    await bar.jobs.idle();
    await bar.sync!.syncNow();
    const barRow = bar.store.raw.prepare('SELECT name, reported_at FROM device_status WHERE id = ?').get(bar.deviceId);
    expect(barRow).toEqual({ name: 'Bar, by the door', reported_at: '2026-11-22T09:15:00.000Z' });

    // Revoke the terrace kiosk (lost): shore refuses its token from then on, and its work stays on it.
    const again = await signIn(office, 'admin');
    expect(codeOf(await call(office, 'devices.revoke', { deviceId: terrace.deviceId }, again))).toBe('OK');
    expect((await central(service, terrace.deviceId))?.revoked_at).toBeNull();
    await office.sync!.syncNow();
    expect((await central(service, terrace.deviceId))?.revoked_at).toBe('2026-11-22T09:15:00.000Z');
    expect(await terrace.sync!.syncNow()).toBeUndefined();
    expect(terrace.sync!.unknownToShore).toBe(true);
    // The terrace says it was revoked (not that shore forgot it), and stops queueing its reports.
    const status = await call(terrace, 'status.get', {});
    // "Ago" texts count from the kiosk's clock, which it sends with the status.
    expect(status).toMatchObject({
      ok: true,
      value: { deviceUnknown: true, deviceRevoked: true, now: new Date(clock.now()).toISOString() },
    });
    const reports = () =>
      (
        terrace.store.raw
          .prepare("SELECT COUNT(*) AS n FROM outbox WHERE name = 'devices.report' AND status = 'pending'")
          .get() as { n: number }
      ).n;
    const queued = reports();
    clock.advance(45 * 60_000);
    await terrace.tick();
    await terrace.jobs.idle();
    expect(reports()).toBe(queued);
    const after = await listAs(office, await signIn(office, 'admin'));
    expect(after.devices.map((d) => [d.name, d.revokedAt !== null])).toEqual([
      ['Back office', false],
      ['Bar, by the door', false],
      ['Terrace kiosk', true],
    ]);
  });

  it('refuses revoking the kiosk one stands at, a device of no one, a second revocation, and anyone without devices.manage', async () => {
    const service = await startService();
    const { kiosk: a } = await enrolledKiosk(service, 'restaurant', { deviceReports: true });
    const { kiosk: b } = await enrolledKiosk(service, 'restaurant', { deviceReports: true });
    await b.sync!.syncNow();
    await a.sync!.syncNow();
    const admin = await signIn(a, 'admin');
    const own = await call(a, 'devices.revoke', { deviceId: a.deviceId }, admin);
    expect(own.ok ? null : [own.error.code, own.error.details?.reason]).toEqual(['CONFLICT', 'own_device']);
    const nobody = await call(
      a,
      'devices.rename',
      { deviceId: '00000000-0000-4000-8000-000000000001', name: 'X' },
      admin,
    );
    expect(nobody.ok ? null : [nobody.error.code, nobody.error.details?.field]).toEqual(['NOT_FOUND', 'deviceId']);
    const blank = await call(a, 'devices.rename', { deviceId: b.deviceId, name: '   ' }, admin);
    expect(codeOf(blank)).toBe('VALIDATION_FAILED');
    expect(codeOf(await call(a, 'devices.revoke', { deviceId: b.deviceId }, admin))).toBe('OK');
    const twice = await call(a, 'devices.revoke', { deviceId: b.deviceId }, admin);
    expect(twice.ok ? null : [twice.error.code, twice.error.details?.reason]).toEqual(['CONFLICT', 'device_revoked']);
    // A manager runs the floor, not the devices.
    const manager = await signIn(a, 'manager');
    expect(codeOf(await call(a, 'devices.list', {}, manager))).toBe('FORBIDDEN');
    expect(a.store.raw.prepare('SELECT COUNT(*) AS n FROM device_status WHERE revoked_at IS NOT NULL').get()).toEqual({
      n: 1,
    });
  });

  it('at shore, a revocation in a person without devices.manage, or of another site’s device, is refused and revokes nothing', async () => {
    const service = await startService();
    const { kiosk: restaurant } = await enrolledKiosk(service, 'restaurant', { deviceReports: true });
    const { kiosk: vessel } = await enrolledKiosk(service, 'vessel', { deviceReports: true });
    const { kiosk: vessel2 } = await enrolledKiosk(service, 'vessel', { deviceReports: true });
    for (const k of [restaurant, vessel, vessel2]) await k.sync!.syncNow();
    // The next seq after what shore applied for the device.
    const pendingSeq = async (k: Kiosk) =>
      Number(
        (await sql<{ n: string }>`SELECT last_seq AS n FROM devices WHERE id = ${k.deviceId}`.execute(service.db.admin))
          .rows[0]!.n,
      );
    const push = async (k: Kiosk, deviceId: string, role: string, siteKey: 'restaurant' | 'vessel') =>
      pushResponse.parse(
        (
          await rawPush(service, k, [
            {
              seq: (await pendingSeq(k)) + 1,
              name: 'devices.revoke',
              version: 1,
              args: { deviceId },
              hlc: encodeHlc({ wall: Date.now(), counter: 1, node: 'tampered' }),
              userId: demoPerson(role, siteKey).id,
            },
          ])
        ).body,
      ).results[0];
    // The crew member's kiosk asks shore to revoke the master's second kiosk: refused.
    expect(await push(vessel, vessel2.deviceId, 'crew', 'vessel')).toMatchObject({ status: 'rejected' });
    // The vessel's administrator reaches for the restaurant's kiosk: shore has no such device at the vessel.
    expect(await push(vessel, restaurant.deviceId, 'admin', 'vessel')).toMatchObject({ status: 'rejected' });
    expect((await central(service, restaurant.deviceId))?.revoked_at).toBeNull();
    expect((await central(service, vessel2.deviceId))?.revoked_at).toBeNull();
    expect(await restaurant.sync!.syncNow()).not.toBeUndefined();
  });
  it('an administrator makes a code on a kiosk; a new kiosk enrols with the text of its QR code, once, and a manager gets none', async () => {
    const service = await startService();
    const { kiosk: office } = await enrolledKiosk(service, 'restaurant', { deviceReports: true });
    await office.sync!.syncNow();
    const admin = await signIn(office, 'admin');
    const made = await call(office, 'devices.newCode', { ttlMinutes: 30 }, admin);
    if (!made.ok) throw new Error(`${made.error.code} ${made.error.message}`);
    const { code, payload, qr } = made.value as { code: string; payload: string; qr: string };
    expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);

    // The QR code, read by a real decoder, holds the service's address and the code.
    const png = join(makeTempDir('shiftdeck-enrol-qr-'), 'qr.png');
    writeFileSync(png, Buffer.from(qr.replace(/^data:image\/png;base64,/, ''), 'base64'));
    const scanned = execFileSync('zbarimg', ['--quiet', '--raw', png], { encoding: 'utf8' }).trim();
    expect(scanned).toBe(payload);
    expect(readEnrolInput(scanned)).toEqual({ code, server: service.url.replace(/\/$/, '') });

    const { server, code: read } = readEnrolInput(scanned);
    const { kiosk: fresh } = await enrolledKiosk({ url: server!, code: async () => read }, 'restaurant', {
      deviceReports: true,
      deviceName: 'Pass kiosk',
    });
    await fresh.sync!.syncNow();
    await office.sync!.syncNow();
    expect((await listAs(office, admin)).devices.map((d) => d.name)).toContain('Pass kiosk');
    // The code was used: a second kiosk gets nowhere with it.
    await expect(enrolledKiosk({ url: server!, code: async () => read }, 'restaurant')).rejects.toThrow(/already used/);

    // Shore checks the person again: a manager's kiosk call is refused before it reaches shore, and
    // a request in a manager's name straight to shore is refused there.
    expect(codeOf(await call(office, 'devices.newCode', {}, await signIn(office, 'manager')))).toBe('FORBIDDEN');
    const forged = await fetch(`${service.url}/v1/enrollment-codes`, {
      method: 'POST',
      headers: { authorization: `Bearer ${deviceTokenOf(office)}`, 'content-type': 'application/json' },
      body: JSON.stringify({ userId: demoPerson('manager').id }),
    });
    expect(forged.status).toBe(403);
    const bad = await fetch(`${service.url}/v1/enrollment-codes`, {
      method: 'POST',
      headers: { authorization: `Bearer ${deviceTokenOf(office)}`, 'content-type': 'application/json' },
      body: JSON.stringify({ userId: 'not-a-person' }),
    });
    expect(bad.status).toBe(400);
    const anonymous = await fetch(`${service.url}/v1/enrollment-codes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId: demoPerson('admin').id }),
    });
    expect(anonymous.status).toBe(401);
  });

  it('a kiosk with no link to shore says a code needs shore, in words, and nothing is made', async () => {
    const service = await startService();
    const { kiosk } = await enrolledKiosk(service, 'restaurant');
    await service.close();
    const r = await call(kiosk, 'devices.newCode', {}, await signIn(kiosk, 'admin'));
    expect(r.ok ? null : [r.error.code, r.error.details?.reason]).toEqual(['INTERNAL', 'unreachable']);
  });
  it('a device revoked from the shore office’s command shows as revoked on the site’s kiosks too', async () => {
    const service = await startService();
    const { kiosk: office } = await enrolledKiosk(service, 'restaurant', { deviceReports: true });
    const { kiosk: lost } = await enrolledKiosk(service, 'restaurant', { deviceReports: true });
    await lost.sync!.syncNow();
    await office.sync!.syncNow();
    const { revokedAt } = await revokeDevice(service.db.service as Kysely<CentralDatabase>, lost.deviceId);
    await office.sync!.syncNow();
    const listed = (await listAs(office, await signIn(office, 'admin'))).devices.find((d) => d.id === lost.deviceId);
    expect(listed?.revokedAt).toBe(new Date(revokedAt).toISOString());
    expect(await lost.sync!.syncNow()).toBeUndefined();
  });
});
