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
  const app = await createSyncServer({ db: t.service, clock: { now: () => now } });
  onTestFinished(() => app.close());
  const code = async () => (await createEnrollmentCode(t.service, siteId, { ttlMinutes: 120 })).code;
  const enrollFrom = (ip: string, c: string) => app.inject({ method: 'POST', url: '/v1/enroll', remoteAddress: ip, payload: { code: c, deviceName: 'Bridge kiosk' } });
  return { app, code, enrollFrom, advance: (ms: number) => void (now += ms) };
}

describe('failed attempts per address', () => {
  it('after ten unknown enrollment codes, refuse even a valid one with 429 and Retry-After until the window passes; another address is not affected', async () => {
    const { app, code, enrollFrom, advance } = await setup();
    for (let i = 0; i < 10; i++) expect((await enrollFrom('203.0.113.7', 'AAAA-BBBB-CCCC')).statusCode).toBe(401);
    const good = await code();
    const limited = await enrollFrom('203.0.113.7', good);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error).toMatchObject({ code: 'RATE_LIMITED', message: expect.stringMatching(/wait \d+ minute/) });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(600);
    // The valid code was not spent by the refused attempt: another address enrolls with it.
    expect((await enrollFrom('198.51.100.4', good)).statusCode).toBe(200);
    expect(app.sync.metrics.get('shiftdeck_rate_limited_total', { route: '/v1/enroll' })).toBe(1);
    advance(10 * 60_000 + 1);
    expect((await enrollFrom('203.0.113.7', await code())).statusCode).toBe(200);
  });

  it('does not count used or expired codes, which are honest mistakes', async () => {
    const { code, enrollFrom } = await setup();
    const used = await code();
    expect((await enrollFrom('203.0.113.8', used)).statusCode).toBe(200);
    for (let i = 0; i < 12; i++) expect((await enrollFrom('203.0.113.8', used)).statusCode).toBe(401);
    expect((await enrollFrom('203.0.113.8', await code())).statusCode).toBe(200);
  });

  it('after thirty unknown device tokens in a minute, refuse that address for the rest of the minute', async () => {
    const { app, code, enrollFrom, advance } = await setup();
    const { token } = (await enrollFrom('198.51.100.9', await code())).json() as { token: string };
    const asDevice = (ip: string, t: string) => app.inject({ method: 'GET', url: '/v1/device', remoteAddress: ip, headers: { authorization: `Bearer ${t}` } });
    const forged = token.slice(0, -4) + (token.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    for (let i = 0; i < 30; i++) expect((await asDevice('203.0.113.9', forged)).statusCode).toBe(401);
    expect((await asDevice('203.0.113.9', token)).statusCode).toBe(429);
    expect((await asDevice('198.51.100.9', token)).statusCode).toBe(200);
    advance(60_001);
    expect((await asDevice('203.0.113.9', token)).statusCode).toBe(200);
  });
});
