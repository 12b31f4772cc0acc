import Database from 'better-sqlite3';
import { describe, expect, it, onTestFinished } from 'vitest';
import { newId, roleId } from '../../../shared/ids.js';
import { dbFile, demoPerson, makeHost, makeKiosk, settle, signIn, type TestKiosk } from '../../helpers/kiosk.js';

type Snapshot = Record<string, string[]>;

/** Every row of every table in sqlite_master, nothing excluded, read through a separate connection. */
function snapshot(tk: TestKiosk): Snapshot {
  const db = new Database(dbFile(tk.dataDir), { readonly: true });
  try {
    const tables = (
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]
    ).map((t) => t.name);
    return Object.fromEntries(
      tables.map((t) => [
        t,
        (db.prepare(`SELECT * FROM "${t}"`).all() as unknown[]).map((r) => JSON.stringify(r)).sort(),
      ]),
    );
  } finally {
    db.close();
  }
}

/** Rows that appeared and rows that went or changed, per table; tables with neither are left out. */
function diff(before: Snapshot, after: Snapshot) {
  const out: Record<string, { added: Record<string, unknown>[]; removed: Record<string, unknown>[] }> = {};
  for (const t of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const b = new Set(before[t] ?? []);
    const a = new Set(after[t] ?? []);
    const added = [...a].filter((r) => !b.has(r)).map((r) => JSON.parse(r) as Record<string, unknown>);
    const removed = [...b].filter((r) => !a.has(r)).map((r) => JSON.parse(r) as Record<string, unknown>);
    if (added.length || removed.length) out[t] = { added, removed };
  }
  return out;
}

interface Hostile {
  name: string;
  method?: 'POST' | 'GET' | 'PUT' | 'DELETE';
  url: string;
  body?: string;
  headers?: Record<string, string>;
  /** What the host must answer: the HTTP status, and the error code when the answer is a Result. */
  status: number;
  code?: string;
}

const json = (v: unknown) => JSON.stringify(v);
const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

/**
 * Malformed, oversized and forged requests that must all be refused without writing anything.
 * Wrong PINs are left out on purpose: a failed attempt is a legitimate write (see the next test).
 */
function hostilePayloads(staff: string, admin: string): Hostile[] {
  const as = (token: string) => ({ authorization: `Bearer ${token}` });
  const emma = demoPerson('staff');
  const someone = newId();
  return [
    {
      name: 'malformed JSON',
      url: '/api/auth.signIn',
      body: '{"input": {"userId": ',
      status: 400,
      code: 'VALIDATION_FAILED',
    },
    { name: 'JSON null', url: '/api/auth.signIn', body: 'null', status: 400, code: 'VALIDATION_FAILED' },
    {
      name: 'array envelope',
      url: '/api/admin.setIdleLock',
      body: json([{ input: { seconds: 30 } }]),
      headers: as(admin),
      status: 400,
      code: 'VALIDATION_FAILED',
    },
    {
      name: 'token smuggled in the envelope',
      url: '/api/admin.setIdleLock',
      body: json({ input: { seconds: 30 }, token: admin }),
      status: 400,
      code: 'VALIDATION_FAILED',
    },
    {
      name: 'SQL in the user id',
      url: '/api/auth.signIn',
      body: json({ input: { userId: "' OR 1=1; DROP TABLE users; --", pin: '1234' } }),
      status: 400,
      code: 'VALIDATION_FAILED',
    },
    {
      name: 'SQL in the PIN',
      url: '/api/auth.signIn',
      body: json({ input: { userId: emma.id, pin: "1' OR '1'='1" } }),
      status: 400,
      code: 'VALIDATION_FAILED',
    },
    {
      name: 'SQL in the method name',
      url: `/api/${encodeURIComponent('auth.users; DELETE FROM users')}`,
      body: json({ input: {} }),
      status: 404,
      code: 'UNKNOWN_METHOD',
    },
    {
      name: 'SQL in the audit cursor',
      url: '/api/audit.list',
      body: json({ input: { limit: 5, before: "' OR 1=1 --" } }),
      headers: as(admin),
      status: 200,
    },
    {
      name: '__proto__ as the method',
      url: '/api/__proto__',
      body: json({ input: {} }),
      status: 404,
      code: 'UNKNOWN_METHOD',
    },
    {
      name: 'constructor as the method',
      url: '/api/constructor',
      body: json({ input: {} }),
      status: 404,
      code: 'UNKNOWN_METHOD',
    },
    {
      name: '__proto__ in the input',
      url: '/api/admin.setIdleLock',
      body: '{"input": {"seconds": 30, "__proto__": {"isAdmin": true}}}',
      headers: as(staff),
      status: 400,
      code: 'VALIDATION_FAILED',
    },
    {
      name: '__proto__ in the envelope',
      url: '/api/home.areas',
      body: '{"__proto__": {"permissions": ["users.manage"]}, "input": {}}',
      headers: as(staff),
      status: 400,
      code: 'VALIDATION_FAILED',
    },
    {
      name: 'constructor.prototype in the input',
      url: '/api/admin.users',
      body: '{"input": {"constructor": {"prototype": {"permissions": ["users.manage"]}}}}',
      headers: as(staff),
      status: 400,
      code: 'VALIDATION_FAILED',
    },
    {
      name: 'huge number',
      url: '/api/admin.setIdleLock',
      body: '{"input": {"seconds": 1e308}}',
      headers: as(admin),
      status: 400,
      code: 'VALIDATION_FAILED',
    },
    {
      name: 'number as a string',
      url: '/api/admin.setIdleLock',
      body: json({ input: { seconds: '60' } }),
      headers: as(admin),
      status: 400,
      code: 'VALIDATION_FAILED',
    },
    {
      name: 'fractional seconds',
      url: '/api/admin.setIdleLock',
      body: json({ input: { seconds: 15.5 } }),
      headers: as(admin),
      status: 400,
      code: 'VALIDATION_FAILED',
    },
    {
      name: 'negative limit',
      url: '/api/audit.list',
      body: json({ input: { limit: -1 } }),
      headers: as(admin),
      status: 400,
      code: 'VALIDATION_FAILED',
    },
    {
      name: 'deeply nested arrays',
      url: '/api/admin.createUser',
      body: `{"input": ${nested(5000)}}`,
      headers: as(admin),
      status: 400,
      code: 'VALIDATION_FAILED',
    },
    {
      name: 'nested arrays as a name',
      url: '/api/admin.createUser',
      body: json({ input: { displayName: [[['x']]], locale: 'fr', pin: '123456', roleId: roleId('staff') } }),
      headers: as(admin),
      status: 400,
      code: 'VALIDATION_FAILED',
    },
    {
      name: 'oversized body (1 MiB)',
      url: '/api/admin.createUser',
      body: json({ input: { displayName: 'x'.repeat(1 << 20), locale: 'fr', pin: '123456', roleId: roleId('staff') } }),
      headers: as(admin),
      status: 413,
      code: 'PAYLOAD_TOO_LARGE',
    },
    {
      name: 'just over 64 KiB',
      url: '/api/admin.createUser',
      body: json({ input: { displayName: 'x'.repeat(65_600), locale: 'fr', pin: '123456', roleId: roleId('staff') } }),
      headers: as(admin),
      status: 413,
      code: 'PAYLOAD_TOO_LARGE',
    },
    {
      name: 'forged token',
      url: '/api/admin.setIdleLock',
      body: json({ input: { seconds: 30 } }),
      headers: as('forged-token'),
      status: 401,
      code: 'UNAUTHENTICATED',
    },
    {
      name: 'forged token shaped like a real one',
      url: '/api/admin.createUser',
      body: json({ input: { displayName: 'Mallory', locale: 'en', pin: '123456', roleId: roleId('admin') } }),
      headers: as('A'.repeat(43)),
      status: 401,
      code: 'UNAUTHENTICATED',
    },
    {
      name: 'token in the query string',
      url: `/api/admin.setIdleLock?token=${admin}`,
      body: json({ input: { seconds: 30 } }),
      status: 401,
      code: 'UNAUTHENTICATED',
    },
    {
      name: 'staff creating an admin',
      url: '/api/admin.createUser',
      body: json({ input: { displayName: 'Mallory', locale: 'en', pin: '123456', roleId: roleId('admin') } }),
      headers: as(staff),
      status: 403,
      code: 'FORBIDDEN',
    },
    {
      name: 'staff promoting themselves',
      url: '/api/admin.setRole',
      body: json({ input: { userId: emma.id, roleId: roleId('super_admin') } }),
      headers: as(staff),
      status: 403,
      code: 'FORBIDDEN',
    },
    {
      name: 'staff changing the idle lock',
      url: '/api/admin.setIdleLock',
      body: json({ input: { seconds: 3600 } }),
      headers: as(staff),
      status: 403,
      code: 'FORBIDDEN',
    },
    {
      name: "admin's valid call from another origin",
      url: '/api/admin.setIdleLock',
      body: json({ input: { seconds: 30 } }),
      headers: { ...as(admin), origin: 'http://evil.example' },
      status: 403,
      code: 'FORBIDDEN',
    },
    {
      name: 'role change for a person who does not exist',
      url: '/api/admin.setRole',
      body: json({ input: { userId: someone, roleId: roleId('manager') } }),
      headers: as(admin),
      status: 404,
      code: 'NOT_FOUND',
    },
    {
      name: 'role that does not exist',
      url: '/api/admin.setRole',
      body: json({ input: { userId: emma.id, roleId: someone } }),
      headers: as(admin),
      status: 404,
      code: 'NOT_FOUND',
    },
    {
      name: 'sign-in as someone of no site',
      url: '/api/auth.signIn',
      body: json({ input: { userId: someone, pin: '1234' } }),
      status: 404,
      code: 'NOT_FOUND',
    },
    {
      name: 'unlock with a forged token',
      url: '/api/auth.unlock',
      body: json({ input: { pin: '1234' } }),
      headers: as('forged-token'),
      status: 401,
      code: 'UNAUTHENTICATED',
    },
    {
      name: 'sign-out of a forged token',
      url: '/api/auth.signOut',
      body: json({ input: {} }),
      headers: as('forged-token'),
      status: 200,
    },
    {
      name: 'text/plain body',
      url: '/api/admin.setIdleLock',
      body: json({ input: { seconds: 30 } }),
      headers: { ...as(admin), 'content-type': 'text/plain' },
      status: 400,
      code: 'VALIDATION_FAILED',
    },
    { name: 'GET instead of POST', method: 'GET', url: '/api/admin.setIdleLock', headers: as(admin), status: 404 },
    { name: 'DELETE on the API', method: 'DELETE', url: '/api/admin.users', headers: as(admin), status: 404 },
    {
      name: 'a method name too long for the router',
      url: `/api/${'a'.repeat(5000)}`,
      body: json({ input: {} }),
      status: 414,
    },
    {
      name: 'the test clock on a production host',
      url: '/__test/clock',
      body: json({ advanceMs: 8 * 3_600_000 }),
      status: 404,
    },
  ];
}

describe('hostile payloads', () => {
  it('answers about forty malformed, oversized and forged requests without writing anything', async () => {
    const tk = await makeKiosk();
    const host = await makeHost(tk);
    const staff = await signIn(tk.kiosk, 'staff');
    const admin = await signIn(tk.kiosk, 'admin');
    await settle(tk.kiosk);
    const before = snapshot(tk);
    expect(Object.keys(before)).toEqual(
      expect.arrayContaining(['_migrations', 'audit_log', 'meta', 'outbox', 'pin_attempts', 'users']),
    );

    const payloads = hostilePayloads(staff, admin);
    expect(payloads.length).toBeGreaterThanOrEqual(30);
    for (const p of payloads) {
      const res = await host.inject({
        method: p.method ?? 'POST',
        url: p.url,
        headers: { ...(p.body === undefined ? {} : { 'content-type': 'application/json' }), ...p.headers },
        ...(p.body === undefined ? {} : { payload: p.body }),
      });
      expect(res.statusCode, p.name).toBe(p.status);
      if (p.code) expect(res.json(), p.name).toMatchObject({ ok: false, error: { code: p.code } });
      const text = res.body;
      expect(text, p.name).not.toMatch(/SQLITE|at .+\.ts:\d+|pin_hash|scrypt\$/);
    }
    await settle(tk.kiosk);

    expect(diff(before, snapshot(tk))).toEqual({});
    // The forged calls did not end, lock or change anyone's session either.
    expect(await tk.kiosk.dispatcher.dispatch('home.areas', {}, admin)).toMatchObject({ ok: true });
    expect(await tk.kiosk.dispatcher.dispatch('home.areas', {}, staff)).toEqual({
      ok: true,
      value: ['training', 'incidents'],
    });
    // And no prototype was polluted on the way.
    expect(Object.prototype).not.toHaveProperty('isAdmin');
    expect(Object.prototype).not.toHaveProperty('permissions');
  });

  it('counts a wrong PIN, and writes exactly that: the attempt, its audit entry and its outbox entry', async () => {
    const tk = await makeKiosk();
    const host = await makeHost(tk);
    const emma = demoPerson('staff');
    const before = snapshot(tk);
    const res = await host.inject({
      method: 'POST',
      url: '/api/auth.signIn',
      headers: { 'content-type': 'application/json' },
      payload: json({ input: { userId: emma.id, pin: '0000' } }),
    });
    expect(res.json()).toMatchObject({ ok: false, error: { code: 'PIN_INVALID', details: { attemptsLeft: 4 } } });
    await settle(tk.kiosk);
    const d = diff(before, snapshot(tk));
    expect(Object.keys(d).sort()).toEqual(['audit_log', 'outbox', 'pin_attempts']);
    expect(d.pin_attempts).toEqual({ added: [{ user_id: emma.id, failures: 1, locked_until: null }], removed: [] });
    expect(d.audit_log.removed).toEqual([]);
    expect(d.audit_log.added).toMatchObject([
      { action: 'auth.sign_in_failed', actor_user_id: null, subject_user_id: emma.id, detail: '{"failures":1}' },
    ]);
    expect(d.outbox.removed).toEqual([]);
    expect(d.outbox.added).toMatchObject([{ name: 'audit.recordAuthEvent', user_id: null, status: 'pending' }]);
  });

  it('stores a SQL-looking name the contract accepts as plain text, and writes only the new person', async () => {
    const tk = await makeKiosk();
    const host = await makeHost(tk);
    const admin = await signIn(tk.kiosk, 'admin');
    await settle(tk.kiosk);
    const before = snapshot(tk);
    const name = "Robert'); DROP TABLE users;--";
    const res = await host.inject({
      method: 'POST',
      url: '/api/admin.createUser',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
      payload: json({ input: { displayName: name, locale: 'en', pin: '135790', roleId: roleId('staff') } }),
    });
    expect(res.statusCode).toBe(200);
    const id = (res.json() as { value: { id: string } }).value.id;
    await settle(tk.kiosk);
    const d = diff(before, snapshot(tk));
    expect(Object.keys(d).sort()).toEqual(['audit_log', 'outbox', 'user_roles', 'users']);
    for (const t of Object.keys(d)) expect(d[t].removed, t).toEqual([]);
    expect(d.users.added).toMatchObject([{ id, display_name: name }]);
    expect(d.user_roles.added).toMatchObject([{ user_id: id, role_id: roleId('staff') }]);
    expect(d.audit_log.added).toMatchObject([{ action: 'users.created', subject_user_id: id }]);
    expect(d.outbox.added).toMatchObject([{ name: 'users.create' }]);
  });
});
