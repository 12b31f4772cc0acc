import type { Kysely } from 'kysely';
import { actorOf } from '../api/actor.js';
import { PDFDocument } from 'pdf-lib';
import type { SyncedDatabase } from '../../../shared/schema.js';
import type { certificateContract } from '../../../shared/training/certificate-contract.js';
import { CERTIFICATE_PREFIX } from '../../../shared/training/certificate-signing.js';
import { setCertificateTemplate } from '../../../shared/training/certificate-template.js';
import { signRevocationList } from '../../../shared/training/revocation-list.js';
import type { CallContext, Handlers } from '../api/dispatcher.js';
import type { HandlerDeps } from '../api/handler-deps.js';
import { certificateTemplate } from './certificate-template.js';
import { deviceSigningKey } from './signing-key.js';

type CertificateHandlers = Pick<Handlers, keyof typeof certificateContract>;

/** The site's revoked certificates as this kiosk has them synced, oldest revocation first. */
export async function revokedAt(db: Kysely<SyncedDatabase>, siteId: string) {
  const rows = await db
    .selectFrom('training_certificate_revocations as r')
    .innerJoin('training_certificates as c', 'c.id', 'r.certificate_id')
    .select(['c.number', 'r.created_at', 'r.reason'])
    .where('r.site_id', '=', siteId)
    .orderBy('r.created_at')
    .orderBy('c.number')
    .execute();
  return rows.map((r) => ({ n: r.number, at: r.created_at, reason: r.reason }));
}

/** Certificate templates, the signed revocation list, and reading a certificate PDF. */
export function createCertificateHandlers(deps: HandlerDeps): CertificateHandlers {
  const db = deps.store.db as unknown as Kysely<SyncedDatabase>;
  const now = () => new Date(deps.clock.now()).toISOString();
  return {
    'training.certificateTemplate': async () => certificateTemplate(db, (await deps.site()).id),

    'training.setCertificateTemplate': async (input, ctx) => {
      await deps.runner.run(setCertificateTemplate, input, actorOf(ctx));
      return { ok: true as const };
    },

    'training.revocationList': async () => {
      const site = await deps.site();
      const revoked = await revokedAt(db, site.id);
      const issuedAt = now();
      const json = signRevocationList(
        { siteId: site.id, siteName: site.name, issuedAt, revoked },
        // The certificate-signing key, listed (and synced) like the certificates this kiosk signs.
        await deviceSigningKey(deps.store, deps.runner),
      );
      return { fileName: `revocations-${issuedAt.slice(0, 10)}.json`, json, count: revoked.length };
    },

    'training.readCertificatePdf': async (input) => {
      try {
        const doc = await PDFDocument.load(Buffer.from(input.base64, 'base64'), { updateMetadata: false });
        const subject = doc.getSubject()?.trim() ?? '';
        return { token: subject.startsWith(`${CERTIFICATE_PREFIX}.`) ? subject : null };
      } catch {
        return { token: null };
      }
    },
  };
}
