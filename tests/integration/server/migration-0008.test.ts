import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { newId } from '../../../shared/ids.js';
import { newSigningKey } from '../../../shared/training/certificate-signing.js';
import { createCentralSite } from '../../../server/db/sites.js';
import { createEnrollmentCode, enroll } from '../../../server/devices/enrollment.js';
import { createTestDatabase } from '../../helpers/postgres.js';

describe('central migration 0008 (device keys)', () => {
  it('keeps the public key a device enrolled with, and takes nothing but a raw Ed25519 key in base64url', async () => {
    const t = await createTestDatabase();
    const siteId = newId();
    await createCentralSite(t.service, { id: siteId, kind: 'vessel', name: 'MV Aurora', timezone: 'UTC' });
    const key = newSigningKey().publicKey;
    const withKey = await enroll(
      t.service,
      (await createEnrollmentCode(t.service, siteId, { ttlMinutes: 5 })).code,
      'Bridge',
      {
        publicKey: key,
        now: Date.parse('2026-11-22T09:00:00Z'),
      },
    );
    const without = await enroll(
      t.service,
      (await createEnrollmentCode(t.service, siteId, { ttlMinutes: 5 })).code,
      'Galley',
    );
    const rows = await t.admin
      .selectFrom('devices')
      .select(['id', 'public_key', 'key_registered_at'])
      .where('id', 'in', [withKey.deviceId, without.deviceId])
      .execute();
    expect(rows.find((r) => r.id === withKey.deviceId)).toMatchObject({
      public_key: key,
      key_registered_at: '2026-11-22T09:00:00.000Z',
    });
    expect(rows.find((r) => r.id === without.deviceId)).toMatchObject({ public_key: null, key_registered_at: null });
    await expect(
      sql`UPDATE devices SET public_key = ${'not a key'} WHERE id = ${without.deviceId}`.execute(t.admin),
    ).rejects.toThrow(/check constraint/);
  });
});
