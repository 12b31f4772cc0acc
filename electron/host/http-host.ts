import { existsSync } from 'node:fs';
import { extname, join } from 'node:path';
import fastifyStatic from '@fastify/static';
import fastifyWebsocket from '@fastify/websocket';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { z } from 'zod';
import { LARGEST_REQUEST_BYTES, MAX_REQUEST_BYTES, maxRequestBytesOf } from '../../shared/api/contract.js';
import { APP_CSP } from '../../shared/api/security-headers.js';
import { fail, type Result } from '../../shared/errors.js';
import type { ManualClock } from '../core/clock.js';
import type { Kiosk } from '../core/kiosk.js';
import { defaultResourcesDir, SERVED_RESOURCE_FOLDERS, servedResourceFolder } from '../core/resources.js';
import { acceptedHost, acceptedOrigin } from './loopback-origin.js';

export interface HostOptions {
  kiosk: Kiosk;
  /** Built renderer (out/renderer); the API works without it. */
  rendererDir?: string;
  /** The resources/ folder whose served folders (training images) the page loads; the checkout's by default. */
  resourcesDir?: string;
  /** Exposes POST /__test/clock to move a manual clock. Never in production. */
  testClock?: ManualClock;
  logger?: boolean;
}

const envelope = z.object({ input: z.unknown().optional() }).strict();
const hello = z.object({ type: z.literal('hello'), token: z.string().max(200).nullable() }).strict();

const statusFor = (r: Result<unknown>) => {
  if (r.ok) return 200;
  switch (r.error.code) {
    case 'UNAUTHENTICATED':
    case 'SESSION_EXPIRED':
      return 401;
    case 'SESSION_LOCKED':
    case 'FORBIDDEN':
    case 'OUT_OF_SCOPE':
      return 403;
    case 'UNKNOWN_METHOD':
    case 'NOT_FOUND':
      return 404;
    case 'PAYLOAD_TOO_LARGE':
      return 413;
    case 'USER_LOCKED':
      return 423;
    case 'INTERNAL':
      return 500;
    default:
      return 400;
  }
};

const bearer = (h: string | undefined) => (h && h.startsWith('Bearer ') ? h.slice(7).trim() || null : null);

/**
 * The browser-mode host: the kiosk core served over HTTP on 127.0.0.1. `POST /api/<method>` with
 * `{"input": ...}` calls the same dispatcher as Electron's IPC; `/events` is a WebSocket carrying
 * core events. Every answer is a `Result`; bad input never reaches a handler.
 */
export async function createHttpHost(opts: HostOptions): Promise<FastifyInstance> {
  const { kiosk } = opts;
  const app = Fastify({ logger: opts.logger ?? false, bodyLimit: LARGEST_REQUEST_BYTES + 1024 });

  app.addHook('onSend', async (_req, reply, payload) => {
    reply.header('Content-Security-Policy', APP_CSP);
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
    reply.header('X-Frame-Options', 'DENY');
    reply.header('Cache-Control', 'no-store');
    return payload;
  });

  app.setErrorHandler((err: { code?: string; statusCode?: number }, _req, reply) => {
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || err.statusCode === 413) {
      return reply
        .status(413)
        .send(
          fail('PAYLOAD_TOO_LARGE', `The request is larger than ${MAX_REQUEST_BYTES / 1024} KiB; nothing was saved.`),
        );
    }
    if (err.statusCode && err.statusCode < 500) {
      return reply
        .status(400)
        .send(
          fail(
            'VALIDATION_FAILED',
            'The request could not be read: send JSON like {"input": {...}}. Nothing was saved.',
          ),
        );
    }
    return reply
      .status(500)
      .send(fail('INTERNAL', 'Something went wrong inside Shiftdeck. The change was not saved; try again.'));
  });

  // The port the browser must have used. Before listen() only in-process inject() calls arrive,
  // which name localhost:80.
  const port = () => {
    const address = app.server.address();
    return address && typeof address === 'object' ? address.port : 80;
  };
  const sameOrigin = (origin: string | undefined, host: string | undefined) => acceptedOrigin(origin, host, port());

  // The body limit is the largest method's; each method's own is checked from Content-Length
  // before its body is read, so a 64 KiB method never has a large body parsed.
  const withinLimit = async (req: FastifyRequest<{ Params: { method: string } }>, reply: FastifyReply) => {
    const limit = maxRequestBytesOf(req.params.method);
    if (Number(req.headers['content-length'] ?? 0) > limit + 1024)
      return reply
        .status(413)
        .send(
          fail('PAYLOAD_TOO_LARGE', `The request is larger than ${Math.floor(limit / 1024)} KiB; nothing was saved.`),
        );
  };
  app.post<{ Params: { method: string } }>('/api/:method', { onRequest: withinLimit }, async (req, reply) => {
    if (!sameOrigin(req.headers.origin, req.headers.host))
      return reply.status(403).send(fail('FORBIDDEN', 'Requests from other sites are refused.'));
    const body = envelope.safeParse(req.body ?? {});
    if (!body.success)
      return reply
        .status(400)
        .send(fail('VALIDATION_FAILED', 'Send a JSON body of the form {"input": {...}}. Nothing was saved.'));
    const result = await kiosk.dispatcher.dispatch(
      req.params.method,
      body.data.input ?? {},
      bearer(req.headers.authorization),
    );
    return reply.status(statusFor(result)).send(result);
  });

  await app.register(fastifyWebsocket, { options: { maxPayload: 4096 } });
  // DNS rebinding: a page on another domain resolving to 127.0.0.1 is refused by its Host, page,
  // API and socket alike (Origin alone cannot tell). Added after the WebSocket plugin's hooks,
  // which close a refused upgrade's socket.
  app.addHook('onRequest', async (req, reply) => {
    if (!acceptedHost(req.headers.host, port())) {
      return reply
        .status(403)
        .send(fail('FORBIDDEN', `Open Shiftdeck at http://127.0.0.1:${port()}/; other host names are refused.`));
    }
  });
  app.register(async (scope) => {
    scope.get('/events', { websocket: true }, (socket, req) => {
      if (!sameOrigin(req.headers.origin, req.headers.host)) return socket.close(1008, 'origin');
      let token: string | null = null;
      socket.on('message', (data: Buffer) => {
        try {
          const msg = hello.safeParse(JSON.parse(data.toString('utf8')));
          if (msg.success) token = msg.data.token;
        } catch {
          // Not JSON: ignored; the socket only listens.
        }
      });
      const unsubscribe = kiosk.events.subscribe((d) => {
        if (d.token && d.token !== token) return;
        if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(d.event));
      });
      socket.on('close', unsubscribe);
    });
  });

  if (opts.testClock) {
    const clock = opts.testClock;
    app.post('/__test/clock', async (req, reply) => {
      const b = z
        .object({
          advanceMs: z
            .number()
            .int()
            .min(0)
            .max(30 * 24 * 3600 * 1000),
        })
        .safeParse(req.body);
      if (!b.success) return reply.status(400).send(fail('VALIDATION_FAILED', 'Send {"advanceMs": n}.'));
      clock.advance(b.data.advanceMs);
      await kiosk.tick();
      return { ok: true, value: { now: new Date(clock.now()).toISOString() } };
    });
  }

  const hasPage = opts.rendererDir !== undefined && existsSync(opts.rendererDir);
  if (hasPage) await app.register(fastifyStatic, { root: opts.rendererDir!, index: ['index.html'], wildcard: false });
  const resourcesDir = opts.resourcesDir ?? defaultResourcesDir;
  for (const folder of SERVED_RESOURCE_FOLDERS) {
    const root = join(resourcesDir, folder);
    if (!existsSync(root)) continue;
    // wildcard: false lists the files once at start, so nothing outside them (no `..`) is reachable.
    await app.register(fastifyStatic, {
      root,
      prefix: `/${folder}/`,
      wildcard: false,
      index: false,
      decorateReply: false,
    });
  }
  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split(/[?#]/, 1)[0];
    // The app routes by #hash, so only a reload of an extension-less path outside the API and the
    // resource folders is the page; a missing picture, script or font is a plain 404 (an HTML
    // answer to an <img> shows nothing and hides the real fault).
    const isPageRoute =
      req.method === 'GET' && !path.startsWith('/api/') && servedResourceFolder(path) === null && extname(path) === '';
    if (hasPage && isPageRoute) return reply.sendFile('index.html');
    if (path.startsWith('/api/'))
      return reply.status(404).send(fail('UNKNOWN_METHOD', 'Nothing is served at this address.'));
    return reply.status(404).send(fail('NOT_FOUND', `No file is served at ${path.slice(0, 200)}.`));
  });
  return app;
}
