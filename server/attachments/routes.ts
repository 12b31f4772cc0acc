import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ATTACHMENT_MIMES, arrivalId, MAX_ATTACHMENT_BYTES, sha256Hex } from '../../shared/attachments/content.js';
import { uploadProblem } from '../../shared/attachments/hash.js';
import { AppError } from '../../shared/errors.js';
import { deviceOf } from '../app.js';
import { inSiteTransaction } from '../db/site-tx.js';
import { nextSiteVersion } from '../db/site-versions.js';
import type { LiveHub } from '../sync/live-hub.js';

const params = z.object({ sha256: sha256Hex }).strict();

const hashParam = (raw: unknown) => {
  const p = params.safeParse(raw);
  if (!p.success)
    throw new AppError('VALIDATION_FAILED', 'An attachment is addressed by its SHA-256: /v1/attachments/<64 hex>.', {
      field: 'sha256',
    });
  return p.data.sha256;
};

/**
 * The bulk lane's two routes, behind device authentication, for the device's own site only:
 *
 * - `PUT /v1/attachments/:sha256` takes a file's bytes. Shore keeps them only when they hash to the
 *   address, are the picture they claim to be, and a record of the site already refers to them
 *   (the reference came in a push, where the person's permission was checked again): a device
 *   cannot park arbitrary files at shore. Then it writes the synced `attachment_arrivals` row, in
 *   the same transaction, so the site's kiosks learn that the photo is ashore. Sending again is
 *   harmless: the same answer, nothing written twice.
 * - `GET /v1/attachments/:sha256` gives them back to a device of the site.
 *
 * @example
 * curl -X PUT -H "authorization: Bearer $TOKEN" -H 'content-type: image/jpeg' \
 *   --data-binary @photo.jpg https://shore/v1/attachments/$(sha256sum photo.jpg | cut -c1-64)
 */
export function attachmentRoutes(app: FastifyInstance, hub: LiveHub) {
  const { db, clock } = app.sync;
  app.addContentTypeParser([...ATTACHMENT_MIMES], { parseAs: 'buffer' }, (_req, body, done) => done(null, body));

  app.put('/v1/attachments/:sha256', { bodyLimit: MAX_ATTACHMENT_BYTES }, async (req, reply) => {
    const device = deviceOf(req);
    const sha256 = hashParam(req.params);
    const mime = String(req.headers['content-type'] ?? '')
      .split(';')[0]
      .trim();
    const bytes = req.body;
    if (!Buffer.isBuffer(bytes))
      throw new AppError('VALIDATION_FAILED', 'Send the picture as image/jpeg or image/png.', {
        field: 'content-type',
      });
    const problem = uploadProblem(bytes, sha256, mime);
    if (problem) {
      const { message, ...details } = problem;
      throw new AppError('VALIDATION_FAILED', message, details);
    }
    const now = new Date(clock.now()).toISOString();
    const out = await inSiteTransaction(db, device.siteId, async (trx) => {
      const ref = await trx
        .selectFrom('attachments')
        .select(['mime', 'size'])
        .where('site_id', '=', device.siteId)
        .where('sha256', '=', sha256)
        .executeTakeFirst();
      if (!ref)
        throw new AppError(
          'CONFLICT',
          'No record of this site refers to this file yet; it is sent again after the change that adds it has reached shore.',
          { reason: 'no_reference', field: 'sha256' },
        );
      if (ref.mime !== mime || ref.size !== bytes.length)
        throw new AppError(
          'VALIDATION_FAILED',
          `The record says ${ref.mime} of ${ref.size} bytes; this is not that file.`,
          {
            field: 'content',
          },
        );
      const inserted = await trx
        .insertInto('attachment_blobs')
        .values({ site_id: device.siteId, sha256, mime, size: bytes.length, content: bytes, received_at: now })
        .onConflict((oc) => oc.columns(['site_id', 'sha256']).doNothing())
        .executeTakeFirst();
      if (!Number(inserted.numInsertedOrUpdatedRows ?? 0)) return { stored: false, version: null };
      const version = await nextSiteVersion(trx, device.siteId);
      await trx
        .insertInto('attachment_arrivals')
        .values({
          id: arrivalId(device.siteId, sha256),
          site_id: device.siteId,
          sha256,
          size: bytes.length,
          arrived_at: now,
          device_id: device.deviceId,
          created_at: now,
          updated_at: now,
          _version: version,
        })
        .execute();
      await sql`SELECT pg_notify('shiftdeck_site', ${`${device.siteId}:${version}:${device.deviceId}`})`.execute(trx);
      return { stored: true, version };
    });
    if (out.version !== null && !hub.listening) hub.poke(device.siteId, out.version, device.deviceId);
    req.log.info({ deviceId: device.deviceId, sha256, bytes: bytes.length, stored: out.stored }, 'attachment received');
    return reply.status(out.stored ? 201 : 200).send({ sha256, size: bytes.length, arrived: true });
  });

  app.get('/v1/attachments/:sha256', async (req, reply) => {
    const device = deviceOf(req);
    const sha256 = hashParam(req.params);
    const blob = await inSiteTransaction(db, device.siteId, (trx) =>
      trx
        .selectFrom('attachment_blobs')
        .select(['mime', 'content'])
        .where('site_id', '=', device.siteId)
        .where('sha256', '=', sha256)
        .executeTakeFirst(),
    );
    if (!blob)
      throw new AppError('NOT_FOUND', 'Shore does not hold this file for this site (yet).', { field: 'sha256' });
    return reply
      .header('content-type', blob.mime)
      .header('cache-control', 'private, max-age=31536000, immutable')
      .send(blob.content);
  });
}
