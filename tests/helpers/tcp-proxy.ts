import { connect, createServer, type Socket } from 'node:net';
import { onTestFinished } from 'vitest';

/**
 * What the proxy does to the next request:
 * - `pass`: forwards it and its response.
 * - `drop-request`: closes the client's connection before anything reaches the service.
 * - `drop-response`: forwards the request, then kills both connections as the first byte of the
 *   response arrives, so the service has done the work but the client never hears of it.
 * - `duplicate`: sends the request bytes twice, on two upstream connections at once; the client
 *   gets the first copy's answer.
 * - `delay`: waits `delayMs` before forwarding the request and again before the response.
 */
export type ProxyMode = 'pass' | 'drop-request' | 'drop-response' | 'duplicate' | 'delay';
export const PROXY_MODES: readonly ProxyMode[] = ['pass', 'drop-request', 'drop-response', 'duplicate', 'delay'];

export interface ProxySetting {
  mode: ProxyMode;
  delayMs?: number;
  /** Apply `mode` only to requests whose path starts with this (e.g. '/v1/push'); others pass. */
  only?: string;
  /** Chooses the mode of each matching request instead of `mode` (i counts them from 0 under this setting). */
  plan?: (i: number) => ProxyMode;
}

export interface TcpProxy {
  url: string;
  set(setting: ProxySetting): void;
  readonly setting: Readonly<ProxySetting>;
  /** Requests seen, by effective mode and path ('drop-request /v1/push'). */
  readonly counts: Map<string, number>;
  count(mode: ProxyMode, pathPrefix?: string): number;
  /** Cuts every open connection at once (a link going down), live sockets included. */
  reset(): void;
  /** Sends new connections to another service from now on (shore moved to a restored database). */
  retarget(url: string): void;
  close(): Promise<void>;
}

const HEAD_END = Buffer.from('\r\n\r\n');

interface ParsedRequest {
  method: string;
  path: string;
  upgrade: boolean;
  /** The request bytes with `connection: close`, so each TCP connection carries one exchange. */
  bytes: Buffer;
}

/** Reads one whole HTTP/1.1 request (head and content-length body) from the start of `buf`. */
function parseRequest(buf: Buffer): ParsedRequest | null {
  const end = buf.indexOf(HEAD_END);
  if (end < 0) return null;
  const lines = buf.subarray(0, end).toString('latin1').split('\r\n');
  const [method = '', path = ''] = lines[0].split(' ');
  const headers = lines.slice(1);
  const value = (name: string) =>
    headers
      .find((h) => h.toLowerCase().startsWith(`${name}:`))
      ?.slice(name.length + 1)
      .trim();
  const upgrade = value('upgrade') !== undefined;
  const length = Number(value('content-length') ?? 0);
  if (!upgrade && buf.length < end + 4 + length) return null;
  if (upgrade) return { method, path, upgrade, bytes: buf };
  // Node's fetch keeps connections alive; the service answering `connection: close` makes the
  // client open a fresh connection for its next request, so every request meets the current mode.
  const kept = headers.filter((h) => !/^(connection|keep-alive):/i.test(h));
  const head = [lines[0], ...kept, 'connection: close'].join('\r\n');
  return {
    method,
    path,
    upgrade,
    bytes: Buffer.concat([Buffer.from(head, 'latin1'), HEAD_END, buf.subarray(end + 4, end + 4 + length)]),
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A TCP proxy on 127.0.0.1 in front of an HTTP service, whose behaviour a test switches while a
 * kiosk talks through it. It works per TCP connection and makes each carry one request.
 *
 * @example
 * const proxy = await startTcpProxy(service.url);
 * proxy.set({ mode: 'drop-response' });
 * proxy.set({ mode: 'drop-request', only: '/v1/push' });
 */
export async function startTcpProxy(targetUrl: string, initial: ProxySetting = { mode: 'pass' }): Promise<TcpProxy> {
  const target = new URL(targetUrl);
  let host = target.hostname;
  let port = Number(target.port);
  let setting: ProxySetting = { ...initial };
  let planned = 0;
  const counts = new Map<string, number>();
  const sockets = new Set<Socket>();
  const track = (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.on('error', () => undefined);
    return s;
  };
  const upstream = () => track(connect({ host, port }));

  async function handle(client: Socket, req: ParsedRequest) {
    const s = setting;
    const matches = !s.only || req.path.startsWith(s.only);
    const mode = !matches ? 'pass' : s.plan ? s.plan(planned++) : s.mode;
    const key = `${mode} ${req.path.split('?')[0]}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    if (mode === 'drop-request') {
      client.destroy();
      return;
    }
    if (mode === 'delay') await sleep(s.delayMs ?? 200);
    if (client.destroyed) return;
    const up = upstream();
    up.write(req.bytes);
    if (req.upgrade) {
      // A WebSocket: a plain two-way pipe from here on.
      client.pipe(up);
      up.pipe(client);
      client.resume();
      client.on('close', () => up.destroy());
      up.on('close', () => client.destroy());
      return;
    }
    client.on('close', () => up.destroy());
    if (mode === 'drop-response') {
      up.once('data', () => {
        up.destroy();
        client.destroy();
      });
      return;
    }
    if (mode === 'duplicate') {
      const twin = upstream();
      twin.write(req.bytes);
      twin.resume();
      twin.on('end', () => twin.destroy());
    }
    up.on('data', (chunk: Buffer) => {
      if (mode === 'delay') {
        up.pause();
        void sleep(s.delayMs ?? 200).then(() => {
          if (!client.destroyed) client.write(chunk);
          up.resume();
        });
      } else client.write(chunk);
    });
    up.on('end', () => {
      const finish = () => client.end();
      if (mode === 'delay') void sleep((s.delayMs ?? 200) + 5).then(finish);
      else finish();
    });
    up.on('close', () => {
      if (!client.writableEnded && mode !== 'delay') client.destroy();
    });
  }

  const server = createServer((client) => {
    track(client);
    let buf = Buffer.alloc(0);
    const onData = (chunk: Buffer) => {
      buf = Buffer.concat([buf, chunk]);
      const req = parseRequest(buf);
      if (!req) return;
      client.off('data', onData);
      client.pause();
      void handle(client, req).catch(() => client.destroy());
    };
    client.on('data', onData);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('proxy has no port');
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    for (const s of sockets) s.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  try {
    onTestFinished(close);
  } catch {
    // Outside a test (a benchmark): the caller closes it.
  }
  return {
    url: `http://127.0.0.1:${address.port}`,
    set(next) {
      setting = { ...next };
      planned = 0;
    },
    get setting() {
      return setting;
    },
    counts,
    count(mode, pathPrefix = '') {
      let n = 0;
      for (const [k, v] of counts) if (k.startsWith(`${mode} ${pathPrefix}`)) n += v;
      return n;
    },
    reset() {
      for (const s of sockets) s.destroy();
    },
    retarget(url) {
      const next = new URL(url);
      host = next.hostname;
      port = Number(next.port);
    },
    close,
  };
}
