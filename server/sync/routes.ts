import { gzipSync, createGunzip } from 'node:zlib';
import type { FastifyPluginAsync } from 'fastify';
import { AppError } from '../../shared/errors.js';
import { MAX_PUSH_BYTES, pullQuery, pushRequest } from '../../shared/sync/protocol.js';
import { RELAY_FOR_HEADER } from '../../shared/sync/relay.js';
import { deviceOf } from '../app.js';
import { pushIdentity, signingKeyFor } from '../devices/push-identity.js';
import type { LiveHub } from './live-hub.js';
import { pullChanges } from './pull.js';
import { applyPush } from './push.js';
import { backedUpSeq } from '../db/central-backup.js';
import { attachmentRoutes } from '../attachments/routes.js';

const issuesOf = (issues: { path: PropertyKey[]; message: string }[]) =>
  issues.slice(0, 20).map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`);

/**
 * The sync routes, behind device authentication: POST /v1/push, GET /v1/pull, and the live
 * socket GET /v1/live that pokes a kiosk when its site's version moves.
 */
export function syncRoutes(hub: LiveHub): FastifyPluginAsync {
  return async (app) => {
    const { db, clock, metrics } = app.sync;
    metrics.describe('shiftdeck_push_mutations_total', 'counter', 'Pushed mutations by outcome.');
    metrics.describe(
      'shiftdeck_push_careful_passes_total',
      'counter',
      'Push batches redone one mutation at a time after a failure.',
    );
    metrics.describe(
      'shiftdeck_push_gap_waits_total',
      'counter',
      'Times a push batch that arrived before the batch ahead of it waited for it.',
    );
    metrics.describe(
      'shiftdeck_future_timestamps_total',
      'counter',
      'Mutations stamped more than 24 h in the server future (applied and flagged).',
    );
    metrics.describe('shiftdeck_pull_rows_total', 'counter', 'Rows sent in pulls.');
    metrics.describe(
      'shiftdeck_push_signature_invalid_total',
      'counter',
      'Pushed mutations refused because their signature did not match, by whether a relay carried them.',
    );

    // Compressed pushes are inflated as a stream, and the body limit counts inflated bytes, so a
    // small compressed body cannot expand into an unbounded one.
    app.addHook('preParsing', async (req, _reply, payload) => {
      if (req.headers['content-encoding'] !== 'gzip') return payload;
      delete req.headers['content-length'];
      return payload.pipe(createGunzip());
    });

    app.post('/v1/push', { bodyLimit: MAX_PUSH_BYTES }, async (req) => {
      // A hub relaying a kiosk's batch names the kiosk in a header; shore accepts it only for a
      // device of the hub's own site (server/devices/push-identity.ts).
      const who = await pushIdentity(db, deviceOf(req), req.headers[RELAY_FOR_HEADER]);
      const body = pushRequest.safeParse(req.body);
      if (!body.success)
        throw new AppError('VALIDATION_FAILED', 'The push could not be read; nothing was applied.', {
          issues: issuesOf(body.error.issues),
        });
      const device = {
        ...who.device,
        publicKey: await signingKeyFor(db, who, body.data.devicePublicKey, clock.now()),
      };
      // A listening instance hears its own commit's NOTIFY like every other one; poking here too
      // made each kiosk of the site pull twice for every change.
      const onCommitted = (versions: ReadonlyMap<string, number>) => {
        if (hub.listening) return;
        for (const [stream, version] of versions)
          hub.poke(stream === 'org' ? 'org' : device.siteId, version, device.deviceId);
      };
      const res = await applyPush({ db, now: clock.now, metrics, log: req.log, onCommitted }, device, body.data);
      const altered = res.results.filter((r) => r.code === 'SIGNATURE_INVALID').map((r) => r.seq);
      if (altered.length) {
        metrics.inc(
          'shiftdeck_push_signature_invalid_total',
          { relayed: String(who.relayedBy !== null) },
          altered.length,
        );
        req.log.warn(
          { deviceId: device.deviceId, relayedBy: who.relayedBy, seqs: altered.slice(0, 50) },
          'pushed mutations refused: their signatures do not match (altered on the way?)',
        );
      }
      const epoch = app.sync.epoch;
      const backedUp = epoch ? await backedUpSeq(db, epoch, device.deviceId) : null;
      return { ...res, epoch, ...(backedUp !== null ? { backedUpSeq: backedUp } : {}) };
    });

    app.get('/v1/pull', async (req, reply) => {
      const device = deviceOf(req);
      const q = pullQuery.safeParse(req.query);
      if (!q.success)
        throw new AppError(
          'VALIDATION_FAILED',
          'Pull cursors must be whole numbers: /v1/pull?site=0&org=0&limit=1000.',
          { issues: issuesOf(q.error.issues) },
        );
      const page = await pullChanges(db, device.siteId, { site: q.data.site, org: q.data.org }, q.data.limit);
      metrics.inc('shiftdeck_pull_rows_total', {}, page.changes.length);
      const dev = await db
        .selectFrom('devices')
        .select('last_seq')
        .where('id', '=', device.deviceId)
        .executeTakeFirst();
      const json = JSON.stringify({ ...page, epoch: app.sync.epoch, deviceSeq: dev?.last_seq ?? 0 });
      reply.header('content-type', 'application/json; charset=utf-8');
      if (json.length > 1024 && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
        reply.header('content-encoding', 'gzip');
        return reply.send(gzipSync(json));
      }
      return reply.send(json);
    });

    // The bulk lane: attachments' bytes (server/attachments/routes.ts).
    attachmentRoutes(app, hub);

    app.get('/v1/live', { websocket: true }, (socket, req) => {
      const device = deviceOf(req);
      const remove = hub.add(device.siteId, socket, device.deviceId);
      socket.on('close', remove);
      socket.on('message', () => undefined);
    });
  };
}
