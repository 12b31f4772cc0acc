import { createGunzip, gzipSync } from 'node:zlib';
import fastifyWebsocket from '@fastify/websocket';
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import { mutationTexts } from '../../../shared/sync/hub-protocol.js';
import { MAX_PUSH_BYTES, pullQuery, pushRequest, pushResponse } from '../../../shared/sync/protocol.js';
import type { ErrorCode } from '../../../shared/errors.js';
import type { Clock } from '../clock.js';
import type { Store } from '../db/store.js';
import type { Logger } from '../log.js';
import type { AttachmentFiles } from '../attachments/files.js';
import { registerHubAttachments } from './hub-attachments.js';
import { createHubStore, type HubStore } from './hub-store.js';
import { createHubUpstream, ShoreAway, type HubUpstream } from './hub-upstream.js';

export interface HubOptions {
  /** The hub kiosk's own database: the hub's bookkeeping lives beside its outbox. */
  store: Store;
  siteId: string;
  shoreUrl: string;
  /** The hub kiosk's device token. */
  token: string;
  clock: Clock;
  log: Logger;
  random?: () => number;
  pollMs?: number;
  manual?: boolean;
  /** The hub kiosk's attachment files: the bulk lane passes through the hub and keeps a copy. */
  files?: AttachmentFiles;
}

interface Socket {
  send(data: string): void;
  readonly readyState: number;
  readonly OPEN: number;
  on(event: 'close', fn: () => void): void;
}

const bearer = (h: string | undefined) => (h && /^Bearer /i.test(h) ? h.slice(7).trim() : null);
const failure = (code: ErrorCode, message: string) => ({ ok: false, error: { code, message } });

declare module 'fastify' {
  interface FastifyRequest {
    hubDevice: { deviceId: string; token: string } | null;
  }
}

/**
 * A site hub: a kiosk serving the sync service's protocol (push, pull, live pokes, shared/sync/
 * protocol.ts) to the other kiosks of its site on the LAN, plus GET /v1/hub/tentative
 * (shared/sync/hub-protocol.ts). Shore stays the authority: a push is kept as sent and passed to
 * shore at once when it answers, otherwise relayed when it is back; pulls are served from the
 * confirmed stream the hub pulled from shore. A kiosk is known by shore's word on its token.
 *
 * @example
 * const hub = await createHub({ store, siteId, shoreUrl, token, clock, log });
 * const url = await hub.listen({ host: '0.0.0.0', port: 7480 });
 */
export async function createHub(opts: HubOptions) {
  const { clock, log } = opts;
  const hubStore: HubStore = createHubStore(opts.store);
  const sockets = new Map<Socket, string>();
  const poke = (exceptDevice?: string) => {
    const msg = JSON.stringify({ type: 'poke', site: 0 });
    for (const [s, device] of sockets) if (device !== exceptDevice && s.readyState === s.OPEN) s.send(msg);
  };
  const upstream: HubUpstream = createHubUpstream({
    hubStore,
    shoreUrl: opts.shoreUrl,
    token: opts.token,
    clock,
    log,
    random: opts.random,
    pollMs: opts.pollMs,
    manual: opts.manual,
    onChange: () => poke(),
  });

  const app = Fastify({ logger: false, bodyLimit: MAX_PUSH_BYTES });
  app.decorateRequest('hubDevice', null);
  await app.register(fastifyWebsocket, { options: { maxPayload: 4096 } });
  // Kept as text: the mutations are relayed as the bytes the kiosk sent.
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => done(null, body));
  app.addHook('preParsing', async (req, _reply, payload) => {
    if (req.headers['content-encoding'] !== 'gzip') return payload;
    delete req.headers['content-length'];
    return payload.pipe(createGunzip());
  });

  /** Shore's word on a token, asked once and kept: with shore away, only kiosks it vouched for are served. */
  app.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    const token = bearer(req.headers.authorization);
    if (!token) return reply.status(401).send(failure('UNAUTHENTICATED', 'This route needs a device token.'));
    const known = hubStore.deviceOf(token);
    if (known) {
      req.hubDevice = { deviceId: known, token };
      return;
    }
    try {
      const who = await upstream.whoIs(token);
      if (who.status === 401 || who.status === 403)
        return reply.status(401).send(failure('UNAUTHENTICATED', 'Shore does not know this device token.'));
      if (who.status !== 200 || !who.deviceId)
        return reply
          .status(503)
          .send(failure('HUB_CANNOT_VERIFY', `Shore could not check this kiosk (HTTP ${who.status}); try again.`));
      if (who.siteId !== opts.siteId)
        return reply.status(403).send(failure('OUT_OF_SCOPE', "This hub serves its own site's kiosks only."));
      await hubStore.learn(token, who.deviceId, clock.now());
      req.hubDevice = { deviceId: who.deviceId, token };
    } catch (err) {
      if (!(err instanceof ShoreAway)) throw err;
      return reply
        .status(503)
        .send(
          failure(
            'HUB_CANNOT_VERIFY',
            'The hub cannot check this kiosk while shore is away: it serves kiosks that synced through it once. Connect this kiosk to shore directly until then.',
          ),
        );
    }
  });

  const heldAnswer = () => ({ results: [], lastSeq: 0, revert: [], serverTime: clock.now(), clockOffsetMs: 0 });

  app.post('/v1/push', async (req, reply) => {
    const device = req.hubDevice!;
    const text = typeof req.body === 'string' ? req.body : '';
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    const body = pushRequest.safeParse(parsed);
    const texts = body.success ? mutationTexts(text) : null;
    if (!body.success || !texts)
      return reply
        .status(400)
        .send(failure('VALIDATION_FAILED', 'The push could not be read; nothing was kept or relayed.'));
    const items = body.data.mutations.map((m, i) => ({ seq: m.seq, json: texts[i], writes: m.writes }));
    const added = await hubStore.hold(device.deviceId, items, body.data.clientTime, clock.now());
    if (added) poke(device.deviceId);
    if (!upstream.shoreUp) return heldAnswer();
    try {
      const answer = await upstream.forward(device.token, gzipSync(text));
      if (answer.status === 200) {
        const res = pushResponse.parse(JSON.parse(answer.text));
        if (await hubStore.recordAnswers(device.deviceId, res.results)) poke(device.deviceId);
        void upstream.pullNow();
        return reply.header('content-type', 'application/json; charset=utf-8').send(answer.text);
      }
      if (answer.status < 500) {
        // Shore would not read the batch at all: the kiosk hears why and keeps its mutations.
        await hubStore.forget(
          device.deviceId,
          items.map((m) => m.seq),
        );
        return reply.status(answer.status).header('content-type', 'application/json; charset=utf-8').send(answer.text);
      }
    } catch (err) {
      if (!(err instanceof ShoreAway)) throw err;
    }
    return heldAnswer();
  });

  app.get('/v1/pull', async (req, reply) => {
    const q = pullQuery.safeParse(req.query);
    if (!q.success)
      return reply
        .status(400)
        .send(failure('VALIDATION_FAILED', 'Pull cursors must be whole numbers: /v1/pull?site=0&org=0&limit=1000.'));
    const page = hubStore.pull({ site: q.data.site, org: q.data.org }, q.data.limit);
    const json = `{"changes":[${page.changes.join(',')}],"site":${page.site},"org":${page.org},"more":${page.more}${page.epoch ? `,"epoch":${JSON.stringify(page.epoch)}` : ''}}`;
    reply.header('content-type', 'application/json; charset=utf-8');
    if (json.length > 1024 && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
      reply.header('content-encoding', 'gzip');
      return reply.send(gzipSync(json));
    }
    return reply.send(json);
  });

  app.get('/v1/hub/tentative', async (req, reply) => {
    const json = `{"tentative":[${hubStore.tentativeFor(req.hubDevice!.deviceId).join(',')}],"settled":${JSON.stringify(hubStore.settled())}}`;
    return reply.header('content-type', 'application/json; charset=utf-8').send(json);
  });

  if (opts.files)
    registerHubAttachments(app, { shoreUrl: opts.shoreUrl, files: opts.files, log, shoreUp: () => upstream.shoreUp });

  app.get('/v1/device', async (req) => ({ deviceId: req.hubDevice!.deviceId, siteId: opts.siteId }));

  app.get('/v1/live', { websocket: true }, (socket, req) => {
    sockets.set(socket as unknown as Socket, req.hubDevice!.deviceId);
    socket.on('close', () => sockets.delete(socket as unknown as Socket));
    socket.on('message', () => undefined);
  });

  return {
    store: hubStore,
    upstream,
    /** Kiosks connected for pokes. */
    connected: () => sockets.size,
    /** Starts serving and pulling from shore; returns the hub's base URL. */
    async listen(at: { host: string; port: number }): Promise<string> {
      const address = await app.listen(at);
      upstream.start();
      void upstream.pullNow();
      return address;
    },
    async close() {
      await upstream.stop();
      await app.close();
    },
  };
}

export type Hub = Awaited<ReturnType<typeof createHub>>;
