import fastifyWebsocket from '@fastify/websocket';
import Fastify, {
  LogController,
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyPluginAsync,
  type FastifyRequest,
} from 'fastify';
import { sql, type Kysely } from 'kysely';
import { AppError, fail, type ErrorCode } from '../shared/errors.js';
import { enrollRequest, siteCodeRequest } from '../shared/sync/protocol.js';
import type { CentralDatabase } from './db/central-schema.js';
import { readCentralEpoch } from './db/central-identity.js';
import { authenticateDevice, enroll, type DeviceIdentity } from './devices/enrollment.js';
import { codeForSite } from './devices/site-codes.js';
import { createFailureLimiter } from './failure-limiter.js';
import { readShoreHealth, registerShoreGauges } from './health.js';
import { createMetrics, type Metrics } from './metrics.js';

export interface ServerClock {
  now(): number;
}

/** What routes added through `plugins` reach as `app.sync`. */
export interface SyncContext {
  /** The service role's pool: all site data, always through inSiteTransaction. */
  db: Kysely<CentralDatabase>;
  /** The owner's pool, when the caller gave one (administration only, never for device requests). */
  adminDb?: Kysely<CentralDatabase>;
  clock: ServerClock;
  metrics: Metrics;
  /** The central database's current epoch (server/db/central-identity.ts), read at start; sent with every push and pull answer. */
  epoch: string | null;
}

export interface SyncServerOptions {
  db: Kysely<CentralDatabase>;
  adminDb?: Kysely<CentralDatabase>;
  /** A pino logger; none logs nothing. */
  log?: FastifyBaseLogger;
  clock?: ServerClock;
  metrics?: Metrics;
  /** Registered behind device authentication: every route in them has `request.device`. */
  plugins?: FastifyPluginAsync[];
  /** Registered without device authentication (beside /v1/enroll, /healthz, /metrics). */
  publicPlugins?: FastifyPluginAsync[];
  /** Largest request body in bytes (default 1 MiB); a plugin may set its own per route. */
  bodyLimit?: number;
  /**
   * Failed attempts allowed per client address before it must wait (per service instance):
   * enrollment codes (default 10 in 10 minutes) and device tokens (default 30 a minute).
   */
  limits?: { enroll?: { max: number; windowMs: number }; token?: { max: number; windowMs: number } };
  /**
   * How a wrong code or token from an address over its limit is slowed before its refusal
   * (default: a 1 s wait). Tests pass one that returns at once.
   */
  penalty?: (ms: number) => Promise<void>;
}

/** How long a wrong code or token from an address over its limit waits for its refusal. */
const PENALTY_MS = 1000;

declare module 'fastify' {
  interface FastifyInstance {
    sync: SyncContext;
  }
  interface FastifyRequest {
    /** The enrolled device making the request; set on every route behind device authentication. */
    device: DeviceIdentity | null;
  }
}

/** `request.device` where a route is sure to sit behind device authentication. */
export function deviceOf(req: FastifyRequest): DeviceIdentity {
  if (!req.device) throw new AppError('UNAUTHENTICATED', 'This route needs a device token.');
  return req.device;
}

const STATUS: Partial<Record<ErrorCode, number>> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  OUT_OF_SCOPE: 403,
  NOT_FOUND: 404,
  UNKNOWN_METHOD: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  INTERNAL: 500,
};

const SEEN_EVERY_MS = 60_000;

const bearer = (h: string | undefined) => (h && /^Bearer /i.test(h) ? h.slice(7).trim() : null);

/**
 * The sync service's HTTP side. Successful answers are the bodies declared in
 * `shared/sync/protocol.ts`; every failure is `{ ok: false, error: { code, message, details? } }`
 * with a matching status (401 for a missing, unknown or revoked device token).
 *
 * Routes: POST /v1/enroll, GET /v1/device (who am I), GET /healthz, GET /metrics, plus the routes
 * of `plugins` (server/sync/routes.ts) behind device authentication. The device and its site come
 * only from the bearer token, checked against the database on every request, so a revocation is
 * refused at once. @fastify/websocket is registered, so plugins may declare `{ websocket: true }`
 * routes; their upgrade requests pass the same authentication.
 *
 * @example
 * const app = await createSyncServer({ db: serviceDb, log, plugins: [registerSyncRoutes] });
 * await app.listen({ host: '127.0.0.1', port: 8787 });
 */
export async function createSyncServer(opts: SyncServerOptions): Promise<FastifyInstance> {
  const clock = opts.clock ?? { now: () => Date.now() };
  const metrics = opts.metrics ?? createMetrics();
  const { db } = opts;
  const app = Fastify({
    ...(opts.log ? { loggerInstance: opts.log } : { logger: false }),
    bodyLimit: opts.bodyLimit ?? 1024 * 1024,
    // One line per request would drown the sync log; the sync routes log each push and pull instead.
    logController: new LogController({ disableRequestLogging: true }),
  });
  app.decorate('sync', Object.freeze({ db, adminDb: opts.adminDb, clock, metrics, epoch: await readCentralEpoch(db) }));
  app.decorateRequest('device', null);

  metrics.describe('shiftdeck_http_requests_total', 'counter', 'HTTP requests by route and status.');
  metrics.describe('shiftdeck_enrollments_total', 'counter', 'Enrollment attempts by outcome.');
  metrics.describe(
    'shiftdeck_device_auth_failures_total',
    'counter',
    'Requests refused for their device token, by reason.',
  );
  app.addHook('onResponse', async (req, reply) => {
    metrics.inc('shiftdeck_http_requests_total', {
      method: req.method,
      route: req.routeOptions.url ?? 'unmatched',
      status: String(reply.statusCode),
    });
  });

  app.setErrorHandler((err: Error & { code?: string; statusCode?: number }, req, reply) => {
    if (err instanceof AppError) {
      if (err.code === 'RATE_LIMITED') reply.header('retry-after', String(err.details?.retryAfterSeconds ?? 60));
      return reply.status(STATUS[err.code] ?? 400).send(fail(err.code, err.message, err.details));
    }
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || err.statusCode === 413) {
      return reply.status(413).send(fail('PAYLOAD_TOO_LARGE', 'The request body is too large; send a smaller batch.'));
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return reply.status(400).send(fail('VALIDATION_FAILED', `The request could not be read (${err.message}).`));
    }
    req.log.error({ err }, 'request failed');
    return reply
      .status(500)
      .send(
        fail(
          'INTERNAL',
          'Something went wrong inside the sync service. Nothing from this request was saved; try again.',
        ),
      );
  });
  app.setNotFoundHandler((_req, reply) =>
    reply.status(404).send(fail('NOT_FOUND', 'Nothing is served at this address.')),
  );

  await app.register(fastifyWebsocket, { options: { maxPayload: 64 * 1024 } });

  // Kiosks probe /healthz every few seconds: it stays one SELECT 1. With ?checks=1 it also reads
  // and rates the shore checks (server/health.ts); a warning or critical check is reported in the
  // body, never as a 503, which would make every kiosk take this route for down.
  app.get('/healthz', async (req, reply) => {
    const time = new Date(clock.now()).toISOString();
    try {
      await sql`SELECT 1`.execute(db);
    } catch {
      return reply.status(503).send({ ok: false, database: 'down', time });
    }
    const q = req.query as Record<string, unknown> | undefined;
    if (q?.checks !== '1' && q?.checks !== 'true') return { ok: true, database: 'up', time };
    const health = await readShoreHealth(db, clock.now());
    return { ok: true, database: 'up', time, worst: health.worst, checks: health.checks };
  });

  registerShoreGauges(metrics, () => readShoreHealth(db, clock.now()));
  app.get('/metrics', async (_req, reply) => reply.type('text/plain; version=0.0.4').send(await metrics.collect()));

  // Guessing a code or a token gets slow: failures are counted per client address. A request
  // carrying a valid code or token is checked first and always passes, so kiosks sharing a ship's
  // or a restaurant's address are never locked out by someone guessing from it. Only the wrong
  // ones from an address over its limit are answered RATE_LIMITED, after a wait: with 59-bit codes
  // and 256-bit tokens, the space itself keeps guessing hopeless, the limit keeps it costly.
  metrics.describe(
    'shiftdeck_rate_limited_total',
    'counter',
    'Wrong codes or tokens refused because their address failed too often, by route.',
  );
  const enrollFailures = createFailureLimiter(opts.limits?.enroll ?? { max: 10, windowMs: 10 * 60_000 });
  const tokenFailures = createFailureLimiter(opts.limits?.token ?? { max: 30, windowMs: 60_000 });
  const penalty = opts.penalty ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  /** Counts a wrong code or token; over the limit, slows it and answers RATE_LIMITED instead of `err`. */
  const failed = async (
    limiter: typeof enrollFailures,
    ip: string,
    route: string,
    what: string,
    err: AppError,
  ): Promise<never> => {
    const wait = limiter.waitMs(ip, clock.now());
    limiter.fail(ip, clock.now());
    if (wait <= 0) throw err;
    metrics.inc('shiftdeck_rate_limited_total', { route });
    await penalty(PENALTY_MS);
    const seconds = Math.ceil(wait / 1000);
    throw new AppError(
      'RATE_LIMITED',
      `Too many wrong ${what} from this address; check it, wait ${Math.ceil(seconds / 60)} minute(s) and try again.`,
      { retryAfterSeconds: seconds },
    );
  };

  app.post('/v1/enroll', async (req) => {
    const body = enrollRequest.safeParse(req.body);
    if (!body.success)
      throw new AppError('VALIDATION_FAILED', 'Send {"code": "XXXX-XXXX-XXXX", "deviceName": "Galley kiosk"}.', {
        issues: body.error.issues.map((i) => i.path.join('.') || i.message),
      });
    try {
      const r = await enroll(db, body.data.code, body.data.deviceName, {
        now: clock.now(),
        deviceId: body.data.deviceId,
        heldSiteId: body.data.heldSiteId,
        publicKey: body.data.publicKey,
      });
      metrics.inc('shiftdeck_enrollments_total', { outcome: 'enrolled' });
      req.log.info({ deviceId: r.deviceId, siteId: r.siteId }, 'device enrolled');
      return r;
    } catch (err) {
      if (err instanceof AppError) {
        metrics.inc('shiftdeck_enrollments_total', { outcome: String(err.details?.reason ?? err.code) });
        // A code that never existed is what guessing produces; used and expired ones are honest mistakes.
        if (err.details?.reason === 'code_unknown')
          await failed(enrollFailures, req.ip, '/v1/enroll', 'enrollment codes', err);
      }
      throw err;
    }
  });

  for (const plugin of opts.publicPlugins ?? []) await app.register(plugin);

  const lastSeen = new Map<string, number>();
  await app.register(async (scope) => {
    // onRequest, before the body is read: an unauthenticated request costs no parsing.
    scope.addHook('onRequest', async (req) => {
      const token = bearer(req.headers.authorization);
      try {
        if (!token)
          throw new AppError(
            'UNAUTHENTICATED',
            'This request needs the device token: send "Authorization: Bearer <token>".',
            { reason: 'token_missing' },
          );
        req.device = await authenticateDevice(db, token);
      } catch (err) {
        if (err instanceof AppError) {
          metrics.inc('shiftdeck_device_auth_failures_total', { reason: String(err.details?.reason ?? err.code) });
          // Guessing gives unknown or malformed tokens; a revoked kiosk retrying is not counted,
          // so it cannot lock out the other kiosks behind the same ship's address.
          if (err.details?.reason === 'token_unknown' || err.details?.reason === 'token_invalid')
            await failed(tokenFailures, req.ip, 'device', 'device tokens', err);
        }
        throw err;
      }
      markSeen(req.device.deviceId, req.log);
    });

    scope.get('/v1/device', async (req) => deviceOf(req));

    // A new kiosk's one-time code, asked for by a kiosk of the site for its administrator.
    scope.post('/v1/enrollment-codes', async (req) => {
      const body = siteCodeRequest.safeParse(req.body);
      if (!body.success)
        throw new AppError('VALIDATION_FAILED', 'An enrolment code request names the administrator (userId).', {
          issues: body.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
        });
      const made = await codeForSite(db, deviceOf(req), body.data, { now: clock.now() });
      req.log.info({ deviceId: req.device?.deviceId, codeId: made.id }, 'enrolment code made from a kiosk');
      return { code: made.code, expiresAt: made.expiresAt };
    });

    // The sync routes (server/sync/routes.ts) and anything else a device calls come in here.
    for (const plugin of opts.plugins ?? []) await scope.register(plugin);
  });

  /** last_seen_at for the administrators' device list, written at most once a minute per device. */
  function markSeen(deviceId: string, log: FastifyBaseLogger) {
    const now = clock.now();
    if (now - (lastSeen.get(deviceId) ?? -Infinity) < SEEN_EVERY_MS) return;
    lastSeen.set(deviceId, now);
    if (lastSeen.size > 10_000) lastSeen.clear();
    db.updateTable('devices')
      .set({ last_seen_at: new Date(now).toISOString() })
      .where('id', '=', deviceId)
      .execute()
      .catch((err: unknown) => log.warn({ err, deviceId }, 'could not record last_seen_at'));
  }

  return app;
}
