/**
 * Who may give whom which role. A person managing people may only hand out roles whose every
 * permission they hold themselves, may not change the role of someone who holds more than they
 * do (that would take rights away from above), and never changes their own role: a vessel's
 * master could otherwise make himself Super admin with one tap, and an administrator who demotes
 * herself is left on a screen she may no longer use. The kiosk and the service both apply it.
 *
 * @example
 * roleChangeRefusal({ actorId: 'a', targetId: 'b', actorPermissions: ['users.manage'], newRole: ['users.manage', 'audit.view'] });
 * // { reason: 'role_exceeds_yours', missing: ['audit.view'] }
 */
export type RoleChangeRefusal =
  { reason: 'own_role' } | { reason: 'role_exceeds_yours' | 'person_exceeds_you'; missing: string[] };

export interface RoleChange {
  actorId: string | null;
  targetId: string;
  actorPermissions: readonly string[];
  /** Permissions of the role to give. */
  newRole: readonly string[];
  /** Permissions of the target's current role; absent for a new person. */
  currentRole?: readonly string[];
}

const beyond = (actor: readonly string[], role: readonly string[]) => role.filter((p) => !actor.includes(p));

export function roleChangeRefusal(c: RoleChange): RoleChangeRefusal | null {
  if (c.actorId !== null && c.actorId === c.targetId) return { reason: 'own_role' };
  const above = beyond(c.actorPermissions, c.currentRole ?? []);
  if (above.length) return { reason: 'person_exceeds_you', missing: above };
  const missing = beyond(c.actorPermissions, c.newRole);
  if (missing.length) return { reason: 'role_exceeds_yours', missing };
  return null;
}

/** Whether the actor may hand out a role with these permissions at all (the choices a screen offers). */
export const mayGrant = (actorPermissions: readonly string[], role: readonly string[]): boolean =>
  beyond(actorPermissions, role).length === 0;
