import { describe, expect, it } from 'vitest';
import { newId } from '../../../shared/ids.js';
import { createCentralSite } from '../../../server/db/sites.js';
import {
  authenticateDevice,
  createEnrollmentCode,
  enroll,
  normaliseCode,
  revokeDevice,
  sha256,
} from '../../../server/devices/enrollment.js';
import { createTestDatabase, type TestDatabase } from '../../helpers/postgres.js';

const site = async (t: TestDatabase, name = 'MV Aurora') => {
  const id = newId();
  await createCentralSite(t.service, { id, kind: 'vessel', name, timezone: 'UTC' });
  return id;
};

describe('enrollment codes', () => {
  it('are typable (XXXX-XXXX-XXXX, no 0/O/1/I/L) and stored only as a hash', async () => {
    const t = await createTestDatabase();
    const siteId = await site(t);
    const made = await Promise.all(
      Array.from({ length: 20 }, () => createEnrollmentCode(t.service, siteId, { ttlMinutes: 60 })),
    );
    for (const { code } of made) expect(code).toMatch(/^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/);
    expect(new Set(made.map((m) => m.code)).size).toBe(20);
    const rows = await t.admin.selectFrom('enrollment_codes').selectAll().execute();
    for (const { code, id } of made) {
      const row = rows.find((r) => r.id === id)!;
      expect(row.code_hash).toBe(sha256(normaliseCode(code)));
      expect(JSON.stringify(row)).not.toContain(code.replace(/-/g, ''));
      expect(JSON.stringify(row)).not.toContain(code);
    }
  });

  it('are refused for a site the central database does not have', async () => {
    const t = await createTestDatabase();
    await expect(createEnrollmentCode(t.service, newId(), { ttlMinutes: 60 })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(createEnrollmentCode(t.service, await site(t), { ttlMinutes: 0 })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });

  it("enroll a device once, for the code's site; typed in lower case with spaces works too", async () => {
    const t = await createTestDatabase();
    const siteId = await site(t);
    const { code } = await createEnrollmentCode(t.service, siteId, { ttlMinutes: 60 });
    const typed = ` ${code.toLowerCase().replace(/-/g, ' ')} `;
    const device = await enroll(t.service, typed, '  Galley kiosk ');
    expect(device.siteId).toBe(siteId);
    expect(await authenticateDevice(t.service, device.token)).toEqual({ deviceId: device.deviceId, siteId });
    await expect(enroll(t.service, code, 'Second kiosk')).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      details: { reason: 'code_used' },
    });
    expect(await t.admin.selectFrom('devices').select(['id', 'name', 'site_id']).execute()).toEqual([
      { id: device.deviceId, name: 'Galley kiosk', site_id: siteId },
    ]);
    const used = await t.admin
      .selectFrom('enrollment_codes')
      .select(['used_at', 'device_id'])
      .executeTakeFirstOrThrow();
    expect(used.device_id).toBe(device.deviceId);
    expect(used.used_at).not.toBeNull();
  });

  it('racing kiosks with one code: exactly one gets in', async () => {
    const t = await createTestDatabase();
    const { code } = await createEnrollmentCode(t.service, await site(t), { ttlMinutes: 60 });
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, (_, i) => enroll(t.service, code, `Kiosk ${i}`)),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await t.admin.selectFrom('devices').select('id').execute()).toHaveLength(1);
  });

  it('refuse an expired code (and leave it unused), and an unknown one', async () => {
    const t = await createTestDatabase();
    const siteId = await site(t);
    const issuedAt = Date.parse('2026-11-22T09:00:00Z');
    const { code } = await createEnrollmentCode(t.service, siteId, { ttlMinutes: 30, now: issuedAt });
    await expect(enroll(t.service, code, 'Late kiosk', { now: issuedAt + 30 * 60_000 })).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      details: { reason: 'code_expired' },
    });
    expect(
      (await t.admin.selectFrom('enrollment_codes').select('used_at').executeTakeFirstOrThrow()).used_at,
    ).toBeNull();
    expect(await t.admin.selectFrom('devices').select('id').execute()).toEqual([]);
    // One minute earlier it was still good.
    await expect(enroll(t.service, code, 'Punctual kiosk', { now: issuedAt + 29 * 60_000 })).resolves.toMatchObject({
      siteId,
    });
    await expect(enroll(t.service, 'AAAA-BBBB-CCCC', 'Guessing kiosk')).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      details: { reason: 'code_unknown' },
    });
  });
});

describe('device tokens', () => {
  it('are 256-bit, stored only as their SHA-256, never in clear anywhere in the database', async () => {
    const t = await createTestDatabase();
    const { code } = await createEnrollmentCode(t.service, await site(t), { ttlMinutes: 60 });
    const { token, deviceId } = await enroll(t.service, code, 'Bridge kiosk');
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    const row = await t.admin.selectFrom('devices').selectAll().where('id', '=', deviceId).executeTakeFirstOrThrow();
    expect(row.token_hash).toBe(sha256(token));
    const everything = await t.admin.selectFrom('devices').selectAll().execute();
    const codes = await t.admin.selectFrom('enrollment_codes').selectAll().execute();
    expect(JSON.stringify([everything, codes])).not.toContain(token);
  });

  it('name the device and site they were issued for; a token of another site stays with its own site', async () => {
    const t = await createTestDatabase();
    const a = await site(t, 'A');
    const b = await site(t, 'B');
    const da = await enroll(t.service, (await createEnrollmentCode(t.service, a, { ttlMinutes: 60 })).code, 'A1');
    const db = await enroll(t.service, (await createEnrollmentCode(t.service, b, { ttlMinutes: 60 })).code, 'B1');
    expect(await authenticateDevice(t.service, da.token)).toEqual({ deviceId: da.deviceId, siteId: a });
    expect(await authenticateDevice(t.service, db.token)).toEqual({ deviceId: db.deviceId, siteId: b });
  });

  it('are refused at once after revocation, and revoking twice keeps the first time', async () => {
    const t = await createTestDatabase();
    const { code } = await createEnrollmentCode(t.service, await site(t), { ttlMinutes: 60 });
    const { token, deviceId } = await enroll(t.service, code, 'Mess kiosk');
    await authenticateDevice(t.service, token);
    const first = await revokeDevice(t.service, deviceId, { now: Date.parse('2026-11-22T10:00:00Z') });
    await expect(authenticateDevice(t.service, token)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      details: { reason: 'device_revoked' },
    });
    expect(first.revokedAt).toBe('2026-11-22T10:00:00.000Z');
    expect(await revokeDevice(t.service, deviceId)).toEqual(first);
    await expect(revokeDevice(t.service, newId())).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuse unknown and malformed tokens', async () => {
    const t = await createTestDatabase();
    await expect(authenticateDevice(t.service, 'A'.repeat(43))).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      details: { reason: 'token_unknown' },
    });
    await expect(authenticateDevice(t.service, "' OR 1=1 --")).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      details: { reason: 'token_invalid' },
    });
  });
});
