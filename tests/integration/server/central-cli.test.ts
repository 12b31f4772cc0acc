import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { describe, expect, it, inject } from 'vitest';
import { newId } from '../../../shared/ids.js';
import { openCentral } from '../../../server/central.js';
import { createCentralSite } from '../../../server/db/sites.js';
import { authenticateDevice, enroll } from '../../../server/devices/enrollment.js';
import { createTestDatabase } from '../../helpers/postgres.js';

const run = promisify(execFile);

describe('openCentral with DATABASE_URL', () => {
  it('migrates an empty database, seeds the roles and connects the service as the walled role', async () => {
    const t = await createTestDatabase({ empty: true });
    const central = await openCentral({
      env: { DATABASE_URL: t.adminUrl, SHIFTDECK_SERVICE_PASSWORD: inject('pgServicePassword') },
    });
    try {
      expect(central.migrations.applied.length).toBeGreaterThan(0);
      expect(await central.service.selectFrom('roles').select('id').execute()).not.toHaveLength(0);
      const me = await sql<{ u: string }>`SELECT current_user AS u`.execute(central.service);
      expect(me.rows[0].u).toBe('shiftdeck_service');
    } finally {
      await central.close();
    }
    // A second start finds nothing to do.
    const again = await openCentral({
      env: { DATABASE_URL: t.adminUrl, SHIFTDECK_SERVICE_PASSWORD: inject('pgServicePassword') },
    });
    expect(again.migrations.applied).toEqual([]);
    await again.close();
  });

  it('asks for SHIFTDECK_SERVICE_PASSWORD rather than inventing one per instance', async () => {
    await expect(openCentral({ env: { DATABASE_URL: 'postgres://x@127.0.0.1:1/x' } })).rejects.toThrow(
      /SHIFTDECK_SERVICE_PASSWORD/,
    );
  });
});

describe('server/cli.ts', () => {
  it('enroll-code prints a code that enrolls a kiosk at that site; revoke refuses its token', async () => {
    const t = await createTestDatabase();
    const siteId = newId();
    await createCentralSite(t.service, { id: siteId, kind: 'vessel', name: 'MV Aurora', timezone: 'UTC' });
    const env = { ...process.env, DATABASE_URL: t.adminUrl, SHIFTDECK_SERVICE_PASSWORD: inject('pgServicePassword') };
    const cli = (...args: string[]) =>
      run(process.execPath, ['--import', 'tsx', 'server/cli.ts', ...args], { env, timeout: 60_000 });

    const { stdout } = await cli('enroll-code', '--site', siteId, '--ttl-minutes', '5');
    const code = stdout.trim();
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const device = await enroll(t.service, code, 'Bridge kiosk');
    expect(device.siteId).toBe(siteId);

    await cli('revoke', '--device', device.deviceId);
    await expect(authenticateDevice(t.service, device.token)).rejects.toMatchObject({
      details: { reason: 'device_revoked' },
    });
  });
});
