import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import { describe, expect, it, onTestFinished } from 'vitest';
import WebSocket from 'ws';
import { newId } from '../../../shared/ids.js';
import { enrollResponse } from '../../../shared/sync/protocol.js';
import { createSyncServer, deviceOf } from '../../../server/app.js';
import { createCentralDb } from '../../../server/db/connect.js';
import { createCentralSite } from '../../../server/db/sites.js';
import { inSiteTransaction } from '../../../server/db/site-tx.js';
import { createEnrollmentCode, revokeDevice } from '../../../server/devices/enrollment.js';
import { createTestDatabase, type TestDatabase } from '../../helpers/postgres.js';

async function setup(plugins: FastifyPluginAsync[] = [], publicPlugins: FastifyPluginAsync[] = []) {
  const t = await createTestDatabase();
  const siteA = newId();
  const siteB = newId();
  await createCentralSite(t.service, { id: siteA, kind: 'restaurant', name: 'A', timezone: 'Europe/Paris' });
  await createCentralSite(t.service, { id: siteB, kind: 'vessel', name: 'B', timezone: 'UTC' });
  const app = await createSyncServer({ db: t.service, adminDb: t.admin, plugins, publicPlugins });
  onTestFinished(() => app.close());
  const enrollIn = async (siteId: string, name = 'Kiosk') => {
    const { code } = await createEnrollmentCode(t.service, siteId, { ttlMinutes: 10 });
    const res = await app.inject({ method: 'POST', url: '/v1/enroll', payload: { code, deviceName: name } });
    expect(res.statusCode).toBe(200);
    return enrollResponse.parse(res.json());
  };
  return { t, app, siteA, siteB, enrollIn };
}

const auth = (token: string) => ({ authorization: `Bearer ${token}` });

/** A route the way server/sync/routes.ts adds them: it reads the site from the token only. */
const echoSite: FastifyPluginAsync = async (app) => {
  app.post('/v1/echo', async (req) => {
    const { siteId } = deviceOf(req);
    const names = await inSiteTransaction(app.sync.db, siteId, (trx) =>
      trx.selectFrom('sites').select('name').execute(),
    );
    return { device: req.device, names, body: req.body };
  });
};

describe('POST /v1/enroll', () => {
  it('trades a code for a token once; the answer matches the protocol', async () => {
    const { t, app, siteA } = await setup();
    const { code } = await createEnrollmentCode(t.service, siteA, { ttlMinutes: 10 });
    const res = await app.inject({ method: 'POST', url: '/v1/enroll', payload: { code, deviceName: 'Bar kiosk' } });
    expect(res.statusCode).toBe(200);
    expect(enrollResponse.parse(res.json()).siteId).toBe(siteA);
    const again = await app.inject({ method: 'POST', url: '/v1/enroll', payload: { code, deviceName: 'Bar kiosk' } });
    expect(again.statusCode).toBe(401);
    expect(again.json()).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED', details: { reason: 'code_used' } },
    });
  });

  it('answers 400 VALIDATION_FAILED to a body that is not {code, deviceName}', async () => {
    const { app } = await setup();
    for (const payload of [
      {},
      { code: 'ABCD-EFGH-JKMN' },
      { code: 'ABCD-EFGH-JKMN', deviceName: 'x', siteId: newId() },
    ]) {
      const res = await app.inject({ method: 'POST', url: '/v1/enroll', payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
    }
    const notJson = await app.inject({
      method: 'POST',
      url: '/v1/enroll',
      headers: { 'content-type': 'application/json' },
      payload: '{"code":',
    });
    expect(notJson.statusCode).toBe(400);
    expect(notJson.json().error.code).toBe('VALIDATION_FAILED');
  });
});

describe('device authentication', () => {
  it("puts the token's device and site on the request; a site named in the request changes nothing", async () => {
    const { app, siteA, enrollIn } = await setup([echoSite]);
    const dev = await enrollIn(siteA);
    const me = await app.inject({ method: 'GET', url: '/v1/device', headers: auth(dev.token) });
    expect(me.json()).toEqual({ deviceId: dev.deviceId, siteId: siteA });
    const res = await app.inject({
      method: 'POST',
      url: '/v1/echo?siteId=' + newId(),
      headers: auth(dev.token),
      payload: { siteId: newId() },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ device: { deviceId: dev.deviceId, siteId: siteA }, names: [{ name: 'A' }] });
  });

  it('refuses a request without a valid token with 401, before reading its body', async () => {
    const { app } = await setup([echoSite]);
    for (const headers of [{}, { authorization: 'Basic Zm9vOmJhcg==' }, auth('x'.repeat(43)), auth('')]) {
      const res = await app.inject({
        method: 'POST',
        url: '/v1/echo',
        headers: { ...headers, 'content-type': 'application/json' },
        payload: '{"not json',
      });
      expect(res.statusCode, JSON.stringify(headers)).toBe(401);
      expect(res.json()).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    }
  });

  it('refuses a revoked device at once, on every route behind authentication', async () => {
    const { t, app, siteA, enrollIn } = await setup([echoSite]);
    const dev = await enrollIn(siteA);
    expect(
      (await app.inject({ method: 'POST', url: '/v1/echo', headers: auth(dev.token), payload: {} })).statusCode,
    ).toBe(200);
    await revokeDevice(t.service, dev.deviceId);
    for (const url of ['/v1/echo', '/v1/device']) {
      const res = await app.inject({
        method: url === '/v1/echo' ? 'POST' : 'GET',
        url,
        headers: auth(dev.token),
        payload: url === '/v1/echo' ? {} : undefined,
      });
      expect(res.statusCode, url).toBe(401);
      expect(res.json().error.details.reason).toBe('device_revoked');
    }
  });

  it("gives two sites' devices each their own site only", async () => {
    const { app, siteA, siteB, enrollIn } = await setup([echoSite]);
    const a = await enrollIn(siteA, 'A');
    const b = await enrollIn(siteB, 'B');
    expect(
      (await app.inject({ method: 'POST', url: '/v1/echo', headers: auth(a.token), payload: {} })).json().names,
    ).toEqual([{ name: 'A' }]);
    expect(
      (await app.inject({ method: 'POST', url: '/v1/echo', headers: auth(b.token), payload: {} })).json().names,
    ).toEqual([{ name: 'B' }]);
  });

  it('records when a device was last seen', async () => {
    const { t, app, siteA, enrollIn } = await setup();
    const dev = await enrollIn(siteA);
    await app.inject({ method: 'GET', url: '/v1/device', headers: auth(dev.token) });
    await expect
      .poll(
        async () => (await t.admin.selectFrom('devices').select('last_seen_at').executeTakeFirstOrThrow()).last_seen_at,
      )
      .not.toBeNull();
  });

  it('guards WebSocket routes of the plugins the same way', async () => {
    const live: FastifyPluginAsync = async (app) => {
      app.get('/v1/live', { websocket: true }, (socket, req) => socket.send(JSON.stringify(deviceOf(req))));
    };
    const { app, siteA, enrollIn } = await setup([live]);
    const dev = await enrollIn(siteA);
    await app.listen({ host: '127.0.0.1', port: 0 });
    const url = `ws://127.0.0.1:${(app.server.address() as { port: number }).port}/v1/live`;
    const refused = await new Promise<number>((resolve) => {
      const ws = new WebSocket(url);
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.on('open', () => resolve(101));
    });
    expect(refused).toBe(401);
    const first = await new Promise<string>((resolve, reject) => {
      const ws = new WebSocket(url, { headers: auth(dev.token) });
      ws.on('message', (m) => {
        resolve(m.toString());
        ws.close();
      });
      ws.on('error', reject);
    });
    expect(JSON.parse(first)).toEqual({ deviceId: dev.deviceId, siteId: siteA });
  });
});

describe('public routes', () => {
  it('GET /healthz checks the database; public plugins need no token; unknown paths are 404', async () => {
    const pub: FastifyPluginAsync = async (app) => {
      app.get('/v1/hello', async () => ({ hello: true }));
    };
    const { app } = await setup([], [pub]);
    const health = await app.inject({ method: 'GET', url: '/healthz' });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toMatchObject({ ok: true, database: 'up' });
    expect((await app.inject({ method: 'GET', url: '/v1/hello' })).json()).toEqual({ hello: true });
    const missing = await app.inject({ method: 'GET', url: '/v2/nothing' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('NOT_FOUND');
  });

  it('GET /healthz answers 503 when the database is gone', async () => {
    const t: TestDatabase = await createTestDatabase();
    const db = createCentralDb({ url: t.serviceUrl, max: 1 });
    const app: FastifyInstance = await createSyncServer({ db });
    onTestFinished(async () => {
      await app.close();
      await db.destroy();
    });
    expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    await t.drop(); // DROP DATABASE ... WITH (FORCE) cuts the app's open connection too
    const res = await app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(503);
  });

  it('GET /metrics counts enrollments, refused tokens and requests', async () => {
    const { app, siteA, enrollIn } = await setup();
    await enrollIn(siteA);
    await app.inject({ method: 'POST', url: '/v1/enroll', payload: { code: 'AAAA-BBBB-CCCC', deviceName: 'x' } });
    await app.inject({ method: 'GET', url: '/v1/device' });
    const text = (await app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(text).toContain('shiftdeck_enrollments_total{outcome="enrolled"} 1');
    expect(text).toContain('shiftdeck_enrollments_total{outcome="code_unknown"} 1');
    expect(text).toContain('shiftdeck_device_auth_failures_total{reason="token_missing"} 1');
    expect(text).toMatch(/shiftdeck_http_requests_total\{method="POST",route="\/v1\/enroll",status="200"\} 1/);
  });
});
