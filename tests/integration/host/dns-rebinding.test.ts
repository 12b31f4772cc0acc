import { once } from 'node:events';
import { request } from 'node:http';
import WebSocket from 'ws';
import { describe, expect, it } from 'vitest';
import { demoPerson, makeHost, makeKiosk } from '../../helpers/kiosk.js';

/** A browser-mode host on a real port, as a browser on this machine reaches it. */
async function listening() {
  const tk = await makeKiosk();
  const host = await makeHost(tk);
  const base = await host.listen({ host: '127.0.0.1', port: 0 });
  return { tk, port: Number(new URL(base).port) };
}

/** A raw HTTP request to 127.0.0.1 with the Host (and Origin) a browser on a rebound domain would send. */
function call(port: number, opts: { method: string; path: string; host: string; origin?: string; body?: unknown }) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const payload = opts.body === undefined ? undefined : JSON.stringify(opts.body);
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: opts.method,
        path: opts.path,
        headers: {
          host: opts.host,
          ...(opts.origin ? { origin: opts.origin } : {}),
          ...(payload ? { 'content-type': 'application/json' } : {}),
        },
      },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString('utf8')));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

const users = (port: number, host: string, origin?: string) =>
  call(port, { method: 'POST', path: '/api/auth.users', host, origin, body: { input: {} } });

describe('browser-mode host: DNS rebinding', () => {
  it('refuses a page on another domain that resolves to 127.0.0.1, even when its Origin matches its Host', async () => {
    const { tk, port } = await listening();
    const manager = demoPerson('manager');
    const before = (
      tk.kiosk.store.raw.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'auth.sign_in'").get() as {
        n: number;
      }
    ).n;
    for (const host of [
      `rebind.evil.example:${port}`,
      `127.0.0.1.evil.example:${port}`,
      `localhost.:${port}`,
      `127.0.0.2:${port}`,
      `localhost:${port + 1}`,
      'localhost',
    ]) {
      const origin = `http://${host}`;
      const list = await users(port, host, origin);
      expect(list.status, host).toBe(403);
      expect(list.body, host).not.toContain(manager.id);
      expect(JSON.parse(list.body), host).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      const signIn = await call(port, {
        method: 'POST',
        path: '/api/auth.signIn',
        host,
        origin,
        body: { input: { userId: manager.id, pin: manager.pin } },
      });
      expect(signIn.status, host).toBe(403);
      expect((await call(port, { method: 'GET', path: '/', host })).status, host).toBe(403);
    }
    expect(
      (
        tk.kiosk.store.raw.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'auth.sign_in'").get() as {
          n: number;
        }
      ).n,
    ).toBe(before);
  });

  it('serves the loopback names on its own port, and refuses an Origin that is not the Host', async () => {
    const { port } = await listening();
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`, `LOCALHOST:${port}`]) {
      const res = await users(port, host, `http://${host}`);
      expect(res.status, host).toBe(200);
      expect(JSON.parse(res.body), host).toMatchObject({ ok: true });
      expect((await users(port, host)).status, `${host} without Origin`).toBe(200);
    }
    for (const origin of [
      `http://rebind.evil.example:${port}`,
      `http://localhost:${port}`,
      `https://127.0.0.1:${port}`,
      'null',
    ]) {
      expect((await users(port, `127.0.0.1:${port}`, origin)).status, origin).toBe(403);
    }
  });

  it('refuses the events socket under another host name', async () => {
    const { port } = await listening();
    const open = async (host: string) => {
      const ws = new WebSocket(`ws://127.0.0.1:${port}/events`, { headers: { host }, origin: `http://${host}` });
      ws.on('error', () => undefined);
      const outcome = await Promise.race([
        once(ws, 'open').then(() => 'open'),
        once(ws, 'unexpected-response').then(([req, res]) => {
          // With a listener here, ws leaves the refused request open for it to end.
          (req as { destroy(): void }).destroy();
          return `http ${(res as { statusCode: number }).statusCode}`;
        }),
      ]);
      // Closed here: the host waits for its sockets when the test ends.
      ws.terminate();
      return outcome;
    };
    expect(await open(`rebind.evil.example:${port}`)).toBe('http 403');
    expect(await open(`127.0.0.1:${port}`)).toBe('open');
  });
});
