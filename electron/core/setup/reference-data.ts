import { DEFAULT_ROLES } from '../../../shared/permissions.js';
import { roleId } from '../../../shared/ids.js';
import type { Store } from '../db/store.js';
import { ensureComplianceTemplates } from '../compliance/reference-templates.js';
import { ensureTrainingContent } from '../training/reference-content.js';
import { upgradeBuiltInRoles } from './role-upgrade.js';

/**
 * Organisation-wide reference rows every replica holds from the start: the default roles of the
 * permission matrix, with ids derived from their codes so the server and every kiosk agree.
 * Existing rows are left alone (an administrator's edit wins over the shipped default), except that
 * built-in roles gain the permissions the code added since (role-upgrade.ts).
 */
export async function ensureReferenceData(store: Store, now: string): Promise<void> {
  const insert = store.raw.prepare(
    `INSERT OR IGNORE INTO roles (id, site_id, code, site_kind, name_en, name_fr, permissions, created_at, updated_at, deleted_at) VALUES (?, NULL, ?, ?, ?, ?, ?, ?, ?, NULL)`,
  );
  await store.transaction(() =>
    store.gate.openAsync(async () => {
      for (const r of DEFAULT_ROLES)
        insert.run(roleId(r.id), r.id, r.siteKind, r.name.en, r.name.fr, JSON.stringify(r.permissions), now, now);
    }),
  );
  await upgradeBuiltInRoles(store, now);
  await ensureTrainingContent(store);
  await ensureComplianceTemplates(store);
}
