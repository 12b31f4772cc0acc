import { describe, expect, it, onTestFinished } from 'vitest';
import { newId } from '../../../shared/ids.js';
import { createSyncServer } from '../../../server/app.js';
import { createCentralSite } from '../../../server/db/sites.js';
import { createEnrollmentCode } from '../../../server/devices/enrollment.js';
import { createTestDatabase } from '../../helpers/postgres.js';

/** A sync service on a test database with a clock the test moves. */
async function setup() {
  const t = await createTestDatabase();
  const siteId = newId();
  await createCentralSite(t.service, { id: siteId, kind: 'vessel', name: 'MV Aurora', timezone: 'UTC' });
  let now = Date.parse('2026-11-22T10:00:00Z');
  // The wait before a refusal over the limit is recorded, not slept: no test waits on time.
  const penalties: number[] = [];
  const app = await createSyncServer({
    db: t.service,
    clock: { now: () => now },
    penalty: async (ms) => void penalties.push(ms),
  });
  onTestFinished(() => app.close());
  const code = async () => (await createEnrollmentCode(t.service, siteId, { ttlMinutes: 120 })).code;
  const enrollFrom = (ip: string, c: string) =>
    app.inject({
      method: 'POST',
      url: '/v1/enroll',
      remoteAddress: ip,
      payload: { code: c, deviceName: 'Bridge kiosk' },
    });
  return { app, code, enrollFrom, penalties, advance: (ms: number) => void (now += ms) };
}

describe('failed attempts per address', () => {
  it('after ten unknown enrollment codes, slows and refuses the next unknown ones with 429 and Retry-After, yet a valid code from the same address enrolls', async () => {
    const { app, code, enrollFrom, penalties, advance } = await setup();
    for (let i = 0; i < 10; i++) expect((await enrollFrom('203.0.113.7', 'AAAA-BBBB-CCCC')).statusCode).toBe(401);
    expect(penalties).toEqual([]);
    const limited = await enrollFrom('203.0.113.7', 'AAAA-BBBB-CCCD');
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error).toMatchObject({
      code: 'RATE_LIMITED',
      message: expect.stringMatching(/wait \d+ minute/),
    });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(600);
    expect(penalties).toEqual([1000]);
    // Someone guessing from this address does not stop a real kiosk behind it.
    const good = await enrollFrom('203.0.113.7', await code());
    expect(good.statusCode).toBe(200);
    expect(good.json()).toMatchObject({ token: expect.any(String) });
    // Guessing stays slow: every wrong code is still refused and waited on, over and over.
    for (let i = 0; i < 5; i++) expect((await enrollFrom('203.0.113.7', 'AAAA-BBBB-CCCE')).statusCode).toBe(429);
    expect(penalties).toHaveLength(6);
    expect(app.sync.metrics.get('shiftdeck_rate_limited_total', { route: '/v1/enroll' })).toBe(6);
    // Another address is not affected, and the window passes.
    expect((await enrollFrom('198.51.100.4', 'AAAA-BBBB-CCCC')).statusCode).toBe(401);
    advance(10 * 60_000 + 1);
    expect((await enrollFrom('203.0.113.7', 'AAAA-BBBB-CCCC')).statusCode).toBe(401);
  });

  it('does not count used or expired codes, which are honest mistakes', async () => {
    const { code, enrollFrom } = await setup();
    const used = await code();
    expect((await enrollFrom('203.0.113.8', used)).statusCode).toBe(200);
    for (let i = 0; i < 12; i++) expect((await enrollFrom('203.0.113.8', used)).statusCode).toBe(401);
    expect((await enrollFrom('203.0.113.8', await code())).statusCode).toBe(200);
  });

  it('after thirty unknown device tokens in a minute, refuses the unknown tokens of that address, never a valid token from the same address', async () => {
    const { app, code, enrollFrom, penalties, advance } = await setup();
    const { token } = (await enrollFrom('203.0.113.9', await code())).json() as { token: string };
    const asDevice = (ip: string, t: string) =>
      app.inject({ method: 'GET', url: '/v1/device', remoteAddress: ip, headers: { authorization: `Bearer ${t}` } });
    const forged = token.slice(0, -4) + (token.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    // Junk from one address behind the ship's NAT, again and again: the enrolled kiosk there keeps syncing.
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 30; i++) expect((await asDevice('203.0.113.9', forged)).statusCode).toBeOneOf([401, 429]);
      expect((await asDevice('203.0.113.9', forged)).statusCode).toBe(429);
      expect((await asDevice('203.0.113.9', token)).statusCode).toBe(200);
    }
    expect(penalties.length).toBeGreaterThanOrEqual(60);
    expect(app.sync.metrics.get('shiftdeck_rate_limited_total', { route: 'device' })).toBe(penalties.length);
    advance(60_001);
    expect((await asDevice('203.0.113.9', forged)).statusCode).toBe(401);
  });
});
