import { describe, expect, it } from 'vitest';
import { MAX_REQUEST_BYTES } from '../../../shared/api/contract.js';
import { createHttpTransport } from '../../../renderer/api/http-transport.js';

type Seen = { url: string; init: RequestInit };

function fakeFetch(respond: (seen: Seen) => Response | Promise<Response>) {
  const seen: Seen[] = [];
  const fetch = (async (url: string, init: RequestInit) => {
    const s = { url: String(url), init };
    seen.push(s);
    return respond(s);
  }) as unknown as typeof globalThis.fetch;
  return { fetch, seen };
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('HTTP transport', () => {
  it('POSTs {"input": ...} to /api/<method> with the bearer token', async () => {
    const f = fakeFetch(() => json({ ok: true, value: ['training'] }));
    const t = createHttpTransport({ origin: 'http://127.0.0.1:4000/', fetch: f.fetch });
    const r = await t.invoke('home.areas', {}, 'tok');
    expect(r).toEqual({ ok: true, value: ['training'] });
    expect(f.seen[0].url).toBe('http://127.0.0.1:4000/api/home.areas');
    expect(f.seen[0].init.method).toBe('POST');
    expect(JSON.parse(String(f.seen[0].init.body))).toEqual({ input: {} });
    expect((f.seen[0].init.headers as Record<string, string>).Authorization).toBe('Bearer tok');
  });

  it('sends no Authorization header when signed out', async () => {
    const f = fakeFetch(() => json({ ok: true, value: [] }));
    const t = createHttpTransport({ origin: 'http://h', fetch: f.fetch });
    await t.invoke('auth.users', {}, null);
    expect((f.seen[0].init.headers as Record<string, string>).Authorization).toBeUndefined();
  });

  it('reads the Result body of a 4xx answer as it is', async () => {
    const error = { code: 'PIN_INVALID', message: 'Wrong PIN', details: { attemptsLeft: 2 } };
    const f = fakeFetch(() => json({ ok: false, error }, 400));
    const t = createHttpTransport({ origin: 'http://h', fetch: f.fetch });
    expect(await t.invoke('auth.signIn', { userId: 'x', pin: '0000' }, null)).toEqual({ ok: false, error });
  });

  it('turns a network failure into INTERNAL with reason "unreachable"', async () => {
    const f = fakeFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    const t = createHttpTransport({ origin: 'http://h', fetch: f.fetch });
    const r = await t.invoke('status.get', {}, null);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('INTERNAL');
      expect(r.error.details?.reason).toBe('unreachable');
      expect(r.error.message).toMatch(/reach/i);
    }
  });

  it('treats a body that is not a Result (a proxy error page) as unreachable', async () => {
    const f = fakeFetch(() => new Response('<html>Bad gateway</html>', { status: 502 }));
    const t = createHttpTransport({ origin: 'http://h', fetch: f.fetch });
    const r = await t.invoke('status.get', {}, null);
    expect(!r.ok && r.error.details?.reason).toBe('unreachable');
    const g = fakeFetch(() => json({ hello: 'world' }));
    const r2 = await createHttpTransport({ origin: 'http://h', fetch: g.fetch }).invoke('status.get', {}, null);
    expect(!r2.ok && r2.error.code).toBe('INTERNAL');
  });

  it('refuses a request larger than MAX_REQUEST_BYTES without sending it', async () => {
    const f = fakeFetch(() => json({ ok: true, value: null }));
    const t = createHttpTransport({ origin: 'http://h', fetch: f.fetch });
    const r = await t.invoke('admin.createUser', { displayName: 'x'.repeat(MAX_REQUEST_BYTES) }, 'tok');
    expect(!r.ok && r.error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(f.seen).toHaveLength(0);
  });
});
