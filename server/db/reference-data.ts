import type { Kysely } from 'kysely';
import { roleId } from '../../shared/ids.js';
import { DEFAULT_ROLES } from '../../shared/permissions.js';
import type { CentralDatabase } from './central-schema.js';
import { inOrgTransaction } from './site-tx.js';
import { nextSiteVersion } from './site-versions.js';
import { upgradeCentralRoles } from './role-upgrade.js';
import { insertTrainingContent } from '../training/reference-content.js';
import { insertComplianceTemplates } from '../compliance/reference-templates.js';

/**
 * Organisation-wide reference rows the central store holds from the start: the default roles of
 * the permission matrix, with the ids every kiosk derives from their codes. Existing rows are
 * left alone (an administrator's edit wins over the shipped default) but for built-in roles gaining
 * the permissions the code added since (role-upgrade.ts); missing ones are inserted
 * in one transaction stamped with one new version of the organisation's stream, so kiosks pull
 * them. Runs as the owner or as the service role (through the org-write policy). Returns how
 * many roles it inserted.
 *
 * @example
 * await ensureCentralReferenceData(db); // 14 on a fresh database, 0 afterwards
 */
export async function ensureCentralReferenceData(
  db: Kysely<CentralDatabase>,
  now: string = new Date().toISOString(),
): Promise<number> {
  const wanted = DEFAULT_ROLES.map((r) => ({ def: r, id: roleId(r.id) }));
  return inOrgTransaction(db, async (trx) => {
    const have = new Set(
      (
        await trx
          .selectFrom('roles')
          .select('id')
          .where(
            'id',
            'in',
            wanted.map((w) => w.id),
          )
          .execute()
      ).map((r) => r.id),
    );
    const missing = wanted.filter((w) => !have.has(w.id));
    // One version for everything this start inserts (roles and the shipped training content).
    let taken: number | undefined;
    const versionOnce = async () => (taken ??= await nextSiteVersion(trx, null));
    await insertTrainingContent(trx, versionOnce);
    await insertComplianceTemplates(trx, versionOnce);
    await upgradeCentralRoles(trx, versionOnce, now);
    if (missing.length === 0) return 0;
    const version = await versionOnce();
    const inserted = await trx
      .insertInto('roles')
      .values(
        missing.map(({ def, id }) => ({
          id,
          site_id: null,
          code: def.id,
          site_kind: def.siteKind,
          name_en: def.name.en,
          name_fr: def.name.fr,
          permissions: JSON.stringify(def.permissions),
          created_at: now,
          updated_at: now,
          deleted_at: null,
          _version: version,
        })),
      )
      // A concurrent start may have inserted them between the read and the version lock.
      .onConflict((oc) => oc.doNothing())
      .returning('id')
      .execute();
    return inserted.length;
  });
}
