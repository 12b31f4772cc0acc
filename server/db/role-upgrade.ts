import { parseRolePermissions, upgradedPermissions } from '../../shared/domain/role-upgrade.js';
import { roleId } from '../../shared/ids.js';
import { DEFAULT_ROLES } from '../../shared/permissions.js';
import type { CentralTransaction } from './site-tx.js';

/**
 * Shore's half of the role upgrade (electron/core/setup/role-upgrade.ts is the kiosk's): at the
 * service's start, built-in role rows gain the permissions the code added since they were written.
 * A server-side row update rather than a mutation: no person or device acts, roles are
 * organisation rows shore owns, and stamping the rows with a new version of the organisation's
 * stream is what makes every kiosk pull them. Runs inside the reference-data transaction, which
 * holds the organisation's version lock, so two starting instances upgrade once. Returns the codes
 * it upgraded.
 */
export async function upgradeCentralRoles(
  trx: CentralTransaction,
  version: () => Promise<number>,
  now: string,
): Promise<string[]> {
  const rows = await trx
    .selectFrom('roles')
    .select(['id', 'code', 'permissions'])
    .where(
      'id',
      'in',
      DEFAULT_ROLES.map((r) => roleId(r.id)),
    )
    .forUpdate()
    .execute();
  const upgraded: string[] = [];
  for (const row of rows) {
    if (row.id !== roleId(row.code)) continue;
    const next = upgradedPermissions(row.code, parseRolePermissions(row.permissions));
    if (!next) continue;
    await trx
      .updateTable('roles')
      .set({ permissions: JSON.stringify(next), updated_at: now, _version: await version() })
      .where('id', '=', row.id)
      .execute();
    upgraded.push(row.code);
  }
  return upgraded;
}
