import type { FastifyInstance } from 'fastify';
import { ATTACHMENT_MIMES, MAX_ATTACHMENT_BYTES, sha256Hex } from '../../../shared/attachments/content.js';
import { sha256Of, uploadProblem } from '../../../shared/attachments/hash.js';
import type { AttachmentFiles } from '../attachments/files.js';
import type { Logger } from '../log.js';

const failure = (code: string, message: string) => ({ ok: false, error: { code, message } });

/**
 * The bulk lane through a site hub. A file a kiosk sends is checked against its address and kept
 * on the hub, then passed to shore with the kiosk's own token (shore checks it again and records
 * its arrival); with shore away the hub answers 202 and the kiosk sends it again later, while the
 * site's other kiosks can already fetch it from the hub. A fetch is served from the hub's files,
 * else from shore. Nothing a hub passes on can be altered unseen: every side checks the hash.
 */
export function registerHubAttachments(
  app: FastifyInstance,
  opts: { shoreUrl: string; files: AttachmentFiles; log: Logger; shoreUp(): boolean; timeoutMs?: number },
) {
  const shore = opts.shoreUrl.replace(/\/$/, '');
  const timeout = () => AbortSignal.timeout(opts.timeoutMs ?? 30_000);
  app.addContentTypeParser([...ATTACHMENT_MIMES], { parseAs: 'buffer' }, (_req, body, done) => done(null, body));

  app.put('/v1/attachments/:sha256', { bodyLimit: MAX_ATTACHMENT_BYTES }, async (req, reply) => {
    const sha = sha256Hex.safeParse((req.params as { sha256?: unknown }).sha256);
    const mime = String(req.headers['content-type'] ?? '')
      .split(';')[0]
      .trim();
    const bytes = req.body;
    if (!sha.success || !Buffer.isBuffer(bytes))
      return reply.status(400).send(failure('VALIDATION_FAILED', 'Send a picture to /v1/attachments/<its SHA-256>.'));
    // The same check as shore's: a hub keeps nothing shore would refuse.
    const problem = uploadProblem(bytes, sha.data, mime);
    if (problem) return reply.status(400).send(failure('VALIDATION_FAILED', problem.message));
    opts.files.write(bytes);
    const held = () => reply.status(202).send({ sha256: sha.data, size: bytes.length, arrived: false });
    if (!opts.shoreUp()) return held();
    try {
      const res = await fetch(`${shore}/v1/attachments/${sha.data}`, {
        method: 'PUT',
        headers: { authorization: req.headers.authorization ?? '', 'content-type': mime },
        body: new Uint8Array(bytes),
        signal: timeout(),
      });
      const text = await res.text();
      return reply.status(res.status).header('content-type', 'application/json; charset=utf-8').send(text);
    } catch (err) {
      opts.log.info(
        { sha256: sha.data, err: err instanceof Error ? err.message : String(err) },
        'attachment kept on the hub until shore is back',
      );
      return held();
    }
  });

  app.get('/v1/attachments/:sha256', async (req, reply) => {
    const sha = sha256Hex.safeParse((req.params as { sha256?: unknown }).sha256);
    if (!sha.success)
      return reply.status(400).send(failure('VALIDATION_FAILED', 'An attachment is addressed by its SHA-256.'));
    const held = opts.files.read(sha.data);
    if (held) return reply.header('content-type', 'application/octet-stream').send(held);
    if (!opts.shoreUp())
      return reply.status(404).send(failure('NOT_FOUND', 'The hub does not hold this file, and shore is away.'));
    try {
      const res = await fetch(`${shore}/v1/attachments/${sha.data}`, {
        headers: { authorization: req.headers.authorization ?? '' },
        signal: timeout(),
      });
      const body = Buffer.from(await res.arrayBuffer());
      if (res.ok && sha256Of(body) === sha.data) opts.files.write(body);
      return reply
        .status(res.status)
        .header('content-type', res.headers.get('content-type') ?? 'application/octet-stream')
        .send(body);
    } catch {
      return reply.status(404).send(failure('NOT_FOUND', 'Neither the hub nor shore (away) holds this file now.'));
    }
  });
}
