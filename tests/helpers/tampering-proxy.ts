import { createServer, request, type IncomingHttpHeaders } from 'node:http';
import { gunzipSync, gzipSync } from 'node:zlib';
import { onTestFinished } from 'vitest';

/** A push request as it travels (shared/sync/protocol.ts PushRequest, loosely typed: a hostile relay sees JSON). */
export interface PushBody {
  clientTime: number;
  devicePublicKey?: string;
  mutations: { seq: number; name: string; args: Record<string, unknown>; sig?: string; [k: string]: unknown }[];
}

export interface TamperingProxy {
  url: string;
  /** Pushes that went through, with how many mutations the rewrite changed in each. */
  readonly pushes: { mutations: number; altered: number }[];
  close(): Promise<void>;
}

/**
 * A real HTTP proxy between a kiosk and the sync service that behaves like a hostile site hub:
 * it forwards every request, and rewrites each POST /v1/push body with `rewrite` (inflated, parsed,
 * changed, written and compressed again, its length fixed) before shore sees it. Everything else,
 * and every answer, passes byte for byte. `rewrite` returns how many mutations it changed.
 */
export async function startTamperingProxy(
  target: string,
  rewrite: (body: PushBody) => number,
): Promise<TamperingProxy> {
  const upstream = new URL(target);
  const pushes: { mutations: number; altered: number }[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      let body: Buffer = Buffer.concat(chunks);
      const headers: IncomingHttpHeaders = { ...req.headers, host: upstream.host };
      if (req.method === 'POST' && req.url?.startsWith('/v1/push')) {
        const gz = req.headers['content-encoding'] === 'gzip';
        const push = JSON.parse((gz ? gunzipSync(body) : body).toString('utf8')) as PushBody;
        const altered = rewrite(push);
        pushes.push({ mutations: push.mutations.length, altered });
        const json = Buffer.from(JSON.stringify(push));
        body = gz ? gzipSync(json) : json;
      }
      headers['content-length'] = String(body.length);
      delete headers['transfer-encoding'];
      const out = request(
        { host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      out.on('error', () => res.destroy());
      out.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  onTestFinished(close);
  return { url: `http://127.0.0.1:${port}`, pushes, close };
}
