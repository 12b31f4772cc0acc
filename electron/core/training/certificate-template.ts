import type { Kysely } from 'kysely';
import type { SyncedDatabase } from '../../../shared/schema.js';
import { templateIdOf } from '../../../shared/training/certificate-template.js';

export interface CertificateTemplate {
  signatoryName: string;
  signatoryTitle: string;
  logo: { mime: 'image/png' | 'image/jpeg'; base64: string } | null;
}

export const NO_TEMPLATE: CertificateTemplate = Object.freeze({ signatoryName: '', signatoryTitle: '', logo: null });

/** The site's certificate template as synced here, or an empty one when none is set. */
export async function certificateTemplate(db: Kysely<SyncedDatabase>, siteId: string): Promise<CertificateTemplate> {
  const row = await db
    .selectFrom('training_certificate_templates')
    .selectAll()
    .where('id', '=', templateIdOf(siteId))
    .where('site_id', '=', siteId)
    .executeTakeFirst();
  if (!row) return NO_TEMPLATE;
  return {
    signatoryName: row.signatory_name,
    signatoryTitle: row.signatory_title,
    logo: row.logo_mime && row.logo_base64 ? { mime: row.logo_mime, base64: row.logo_base64 } : null,
  };
}

/** Who issues a certificate here: the site and its template's signatory, for prepareCertificate. */
export async function issuerFacts(db: Kysely<SyncedDatabase>, site: { id: string; name: string }) {
  const t = await certificateTemplate(db, site.id);
  return { siteId: site.id, siteName: site.name, signatory: { name: t.signatoryName, title: t.signatoryTitle } };
}
