import { roleChangeRefusal } from '../domain/role-change.js';

/**
 * Who may act on a person's account (deactivate, unlock, reset the PIN, anonymise): never oneself
 * through these administrator's tools, and never someone holding rights the actor lacks, since a
 * manager who could reset the administrator's PIN could sign in as the administrator. The same
 * "nobody reaches above themselves" rule as a role change (shared/domain/role-change.ts).
 *
 * @example
 * personActionRefusal({ actorId: 'm', actorPermissions: ['users.manage'], targetId: 'a', targetPermissions: ['backups.manage'] });
 * // 'You may not change the account of someone who holds rights you do not (backups.manage). ...'
 */
export function personActionRefusal(c: {
  actorId: string;
  actorPermissions: readonly string[];
  targetId: string;
  targetPermissions: readonly string[];
}): string | null {
  const refusal = roleChangeRefusal({
    actorId: c.actorId,
    targetId: c.targetId,
    actorPermissions: c.actorPermissions,
    newRole: [],
    currentRole: c.targetPermissions,
  });
  if (!refusal) return null;
  if (refusal.reason === 'own_role') return 'You may not do this to your own account; ask another administrator.';
  return `You may not change the account of someone who holds rights you do not (${refusal.missing.join(', ')}). Ask an administrator who has them.`;
}
