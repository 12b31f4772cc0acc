import { parseRolePermissions, upgradedPermissions } from '../../../shared/domain/role-upgrade.js';
import { roleId } from '../../../shared/ids.js';
import { DEFAULT_ROLES } from '../../../shared/permissions.js';
import type { Store } from '../db/store.js';

/**
 * Brings this replica's built-in role rows up to the code's definition at start (after the
 * migrations), so a permission shipped with an update works here at once, offline too. It is a
 * reference-data write like the roles' first insert, not a mutation: roles are organisation rows
 * that shore owns and upgrades the same way at its own start (server/db/role-upgrade.ts), so the
 * row pulled from shore carries the same permissions and nothing needs to travel up. Custom roles
 * (codes the code does not ship) are never touched. Returns the codes it upgraded.
 */
export async function upgradeBuiltInRoles(store: Store, now: string): Promise<string[]> {
  const ids = DEFAULT_ROLES.map((r) => roleId(r.id));
  const marks = ids.map(() => '?').join(', ');
  const read = store.raw.prepare<string[], { id: string; code: string; permissions: string }>(
    `SELECT id, code, permissions FROM roles WHERE id IN (${marks})`,
  );
  const write = store.raw.prepare('UPDATE roles SET permissions = ?, updated_at = ? WHERE id = ?');
  const upgraded: string[] = [];
  await store.transaction(() =>
    store.gate.openAsync(async () => {
      for (const row of read.all(...ids)) {
        // The id is derived from the code, so a row whose code was changed is not a built-in role any more.
        if (row.id !== roleId(row.code)) continue;
        const next = upgradedPermissions(row.code, parseRolePermissions(row.permissions));
        if (!next) continue;
        write.run(JSON.stringify(next), now, row.id);
        upgraded.push(row.code);
      }
    }),
  );
  return upgraded;
}
