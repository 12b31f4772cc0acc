import { describe, expect, it } from 'vitest';
import { MAX_REQUEST_BYTES } from '../../../shared/api/contract.js';
import { demoPerson, makeHost, makeKiosk, signIn } from '../../helpers/kiosk.js';

type Host = Awaited<ReturnType<typeof makeHost>>;

/** POSTs to the API the way the browser-mode client does; `body` is sent as given when a string. */
const post = (host: Host, method: string, body: unknown, headers: Record<string, string> = {}) =>
  host.inject({
    method: 'POST',
    url: `/api/${method}`,
    headers: { 'content-type': 'application/json', ...headers },
    payload: typeof body === 'string' ? body : JSON.stringify(body),
  });

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

async function setUp() {
  const tk = await makeKiosk();
  return { tk, host: await makeHost(tk) };
}

describe('HTTP API errors', () => {
  it('answers a call with 200 and {ok: true, value}', async () => {
    const { host, tk } = await setUp();
    const res = await post(host, 'app.info', { input: {} });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ ok: true, value: { deviceId: tk.kiosk.deviceId, demo: true } });
  });

  it('answers an unknown method with UNKNOWN_METHOD and 404', async () => {
    const { host } = await setUp();
    for (const method of [
      'auth.becomeAdmin',
      '__proto__',
      'constructor',
      'toString',
      'auth.signIn.extra',
      'x'.repeat(100),
    ]) {
      const res = await post(host, method, { input: {} });
      expect(res.statusCode, method.slice(0, 20)).toBe(404);
      expect(res.json(), method.slice(0, 20)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
      expect(res.json().error.message.length).toBeLessThan(200);
    }
  });

  it('answers malformed JSON with VALIDATION_FAILED and 400', async () => {
    const { host } = await setUp();
    for (const body of ['{"input": {', 'input=1', '{"input": {}}}', "{'input': {}}"]) {
      const res = await post(host, 'auth.users', body);
      expect(res.statusCode, body).toBe(400);
      expect(res.json(), body).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    }
  });

  it('answers a body that is not {"input": ...} with VALIDATION_FAILED and 400', async () => {
    const { host } = await setUp();
    for (const body of [[], 'just text', 42, { input: {}, token: 'x' }, { method: 'auth.users' }]) {
      const res = await post(host, 'auth.users', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
    }
  });

  it('answers wrong types with VALIDATION_FAILED naming each field', async () => {
    const { host } = await setUp();
    const res = await post(host, 'auth.signIn', { input: { userId: 42, pin: 1234 } });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.details.issues.map((i: { path: string }) => i.path).sort()).toEqual(['pin', 'userId']);
  });

  it('answers extra keys in the input with VALIDATION_FAILED', async () => {
    const { host } = await setUp();
    const staff = demoPerson('staff');
    const res = await post(host, 'auth.signIn', { input: { userId: staff.id, pin: staff.pin, role: 'admin' } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });

  it('answers a body over 64 KiB with PAYLOAD_TOO_LARGE and 413', async () => {
    const { host } = await setUp();
    const justOver = { input: { displayName: 'a'.repeat(MAX_REQUEST_BYTES) } };
    const huge = { input: { displayName: 'a'.repeat(4 * 1024 * 1024) } };
    for (const body of [justOver, huge]) {
      const res = await post(host, 'admin.createUser', body);
      expect(res.statusCode).toBe(413);
      expect(res.json()).toMatchObject({ ok: false, error: { code: 'PAYLOAD_TOO_LARGE' } });
    }
  });

  it('measures the 64 KiB in bytes, not characters', async () => {
    const { host } = await setUp();
    // 33,000 two-byte characters: 66,000 bytes of JSON, but only 33,000 characters.
    const body = JSON.stringify({ input: { displayName: 'é'.repeat(33_000) } });
    expect(Buffer.byteLength(body)).toBeGreaterThan(MAX_REQUEST_BYTES);
    const res = await post(host, 'admin.createUser', body);
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ ok: false, error: { code: 'PAYLOAD_TOO_LARGE' } });
  });

  it('answers a call with no token with UNAUTHENTICATED and 401', async () => {
    const { host } = await setUp();
    for (const method of ['home.areas', 'audit.list', 'admin.users', 'admin.setIdleLock']) {
      const input = method === 'admin.setIdleLock' ? { seconds: 60 } : {};
      const res = await post(host, method, { input });
      expect(res.statusCode, method).toBe(401);
      expect(res.json().error.code, method).toBe('UNAUTHENTICATED');
    }
  });

  it('answers a forged or malformed token with UNAUTHENTICATED', async () => {
    const { host } = await setUp();
    for (const headers of [
      bearer('forged'),
      bearer('A'.repeat(43)),
      { authorization: 'Basic YWRtaW46YWRtaW4=' },
      { authorization: 'Bearer ' },
    ]) {
      const res = await post(host, 'home.areas', { input: {} }, headers);
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('UNAUTHENTICATED');
    }
  });

  it("refuses a staff member's token on audit.list and admin.users with FORBIDDEN and 403", async () => {
    const { host, tk } = await setUp();
    const staff = await signIn(tk.kiosk, 'staff');
    const audit = await post(host, 'audit.list', { input: {} }, bearer(staff));
    expect(audit.statusCode).toBe(403);
    expect(audit.json()).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', details: { permission: 'audit.view' } },
    });
    const users = await post(host, 'admin.users', { input: {} }, bearer(staff));
    expect(users.statusCode).toBe(403);
    expect(users.json()).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', details: { permission: 'users.manage' } },
    });
    // A manager holds audit.view.
    const manager = await signIn(tk.kiosk, 'manager');
    expect((await post(host, 'audit.list', { input: {} }, bearer(manager))).statusCode).toBe(200);
  });

  it('answers a wrong PIN with 400 and a lockout with 423', async () => {
    const { host } = await setUp();
    const staff = demoPerson('staff');
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++)
      statuses.push((await post(host, 'auth.signIn', { input: { userId: staff.id, pin: '0000' } })).statusCode);
    expect(statuses).toEqual([400, 400, 400, 400, 423]);
  });
});
