import { describe, expect, it } from 'vitest';
import { APP_CSP } from '../../../shared/api/security-headers.js';
import type { Kiosk } from '../../../electron/core/kiosk.js';
import { demoPerson, makeHost, makeKiosk } from '../../helpers/kiosk.js';

type Host = Awaited<ReturnType<typeof makeHost>>;

const post = (host: Host, method: string, input: unknown, headers: Record<string, string> = {}) =>
  host.inject({
    method: 'POST',
    url: `/api/${method}`,
    headers: { 'content-type': 'application/json', ...headers },
    payload: JSON.stringify({ input }),
  });

const auditCount = (kiosk: Kiosk) =>
  (kiosk.store.raw.prepare('SELECT COUNT(*) AS n FROM audit_log').get() as { n: number }).n;

describe('browser-mode host: origin and security headers', () => {
  it('sends the app CSP and the other security headers on every answer, errors included', async () => {
    const tk = await makeKiosk();
    const host = await makeHost(tk);
    const answers = [
      await post(host, 'app.info', {}),
      await post(host, 'auth.signIn', { userId: 'nobody', pin: 'x' }),
      await post(host, 'no.such.method', {}),
      await post(host, 'admin.createUser', { displayName: 'a'.repeat(70_000) }),
      await host.inject({
        method: 'POST',
        url: '/api/app.info',
        headers: { 'content-type': 'text/plain' },
        payload: 'hello',
      }),
      await host.inject({ method: 'GET', url: '/' }),
    ];
    expect(answers.map((a) => a.statusCode)).toEqual([200, 400, 404, 413, 400, 404]);
    for (const a of answers) {
      expect(a.headers['content-security-policy']).toBe(APP_CSP);
      expect(a.headers['x-content-type-options']).toBe('nosniff');
      expect(a.headers['x-frame-options']).toBe('DENY');
      expect(a.headers['referrer-policy']).toBe('no-referrer');
      expect(a.headers['cache-control']).toBe('no-store');
    }
    expect(APP_CSP).toContain("script-src 'self'");
    expect(APP_CSP).toContain("frame-ancestors 'none'");
    expect(APP_CSP).not.toContain('unsafe-eval');
  });

  it('refuses a call from another origin before it runs', async () => {
    const tk = await makeKiosk();
    const host = await makeHost(tk);
    const manager = demoPerson('manager');
    const before = auditCount(tk.kiosk);
    for (const origin of [
      'http://evil.example',
      'null',
      'http://localhost:80.evil.example',
      'https://localhost:80',
      'http://localhost:8080',
    ]) {
      const res = await post(host, 'auth.signIn', { userId: manager.id, pin: manager.pin }, { origin });
      expect(res.statusCode, origin).toBe(403);
      expect(res.json(), origin).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    // Nobody was signed in, so nothing was audited.
    expect(auditCount(tk.kiosk)).toBe(before);
    // The kiosk's own page may call.
    const same = await post(
      host,
      'auth.signIn',
      { userId: manager.id, pin: manager.pin },
      { origin: 'http://localhost:80' },
    );
    expect(same.statusCode).toBe(200);
    expect(auditCount(tk.kiosk)).toBe(before + 1);
  });

  it('serves the test clock only when asked to', async () => {
    const tk = await makeKiosk();
    const plain = await makeHost(tk);
    expect(
      (await plain.inject({ method: 'POST', url: '/__test/clock', payload: { advanceMs: 1000 } })).statusCode,
    ).toBe(404);
    const withClock = await makeHost(tk, { testClock: true });
    const start = tk.clock.now();
    const res = await withClock.inject({ method: 'POST', url: '/__test/clock', payload: { advanceMs: 60_000 } });
    expect(res.json()).toEqual({ ok: true, value: { now: new Date(start + 60_000).toISOString() } });
    expect(
      (await withClock.inject({ method: 'POST', url: '/__test/clock', payload: { advanceMs: -1 } })).statusCode,
    ).toBe(400);
  });
});
