import { z } from 'zod';
import { roleChangeRefusal, type RoleChange } from '../domain/role-change.js';
import { AppError } from '../errors.js';
import { derivedId } from '../ids.js';
import { defineMutation, type MutationContext } from './define.js';

/** A PIN hash as `hashPin` writes it; the PIN itself never enters a mutation or the outbox. */
export const pinHashSchema = z
  .string()
  .regex(/^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/, 'Expected a scrypt PIN hash');

export const userRoleId = (userId: string, siteId: string): string => derivedId('user_role', userId, siteId);

async function audit(
  ctx: MutationContext,
  action: string,
  subjectUserId: string,
  detail: Record<string, unknown>,
  id: string,
) {
  await ctx.write.insert('audit_log', {
    id,
    site_id: ctx.siteId,
    action,
    actor_user_id: ctx.userId,
    subject_user_id: subjectUserId,
    device_id: ctx.deviceId,
    hlc: ctx.hlc,
    detail: JSON.stringify(detail),
  });
}

const parsePermissions = (json: string): string[] => {
  try {
    const p: unknown = JSON.parse(json);
    return Array.isArray(p) ? p.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
};

async function requireRole(ctx: MutationContext, roleId: string) {
  const role = await ctx.db
    .selectFrom('roles')
    .select(['id', 'code', 'permissions'])
    .where('id', '=', roleId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!role) throw new AppError('NOT_FOUND', 'That role does not exist. Pick a role from the list.', { roleId });
  return { ...role, permissions: parsePermissions(role.permissions) };
}

const GUARD_WORDS = {
  own_role: 'Nobody may change their own role; ask another administrator.',
  role_exceeds_yours: 'You may only give a role whose rights you hold yourself',
  person_exceeds_you: 'You may not change the role of someone who holds rights you do not',
} as const;

/** The role-change rule (shared/domain/role-change.ts), for the signed-in person of the mutation. */
function guardRoleChange(ctx: MutationContext, change: Omit<RoleChange, 'actorId' | 'actorPermissions'>) {
  // Set-up seeds people with no one acting (never over sync: the service requires a person).
  if (ctx.userId === null || ctx.replaying) return;
  const refusal = roleChangeRefusal({ ...change, actorId: ctx.userId, actorPermissions: ctx.permissions });
  if (!refusal) return;
  const words =
    refusal.reason === 'own_role'
      ? GUARD_WORDS.own_role
      : `${GUARD_WORDS[refusal.reason]} (${refusal.missing.join(', ')}). Pick another role or ask an administrator who has them.`;
  throw new AppError('FORBIDDEN', words, { field: 'roleId', ...refusal });
}

export const createUser = defineMutation({
  name: 'users.create',
  audit: 'own',
  version: 1,
  authority: 'users.manage',
  args: z
    .object({
      id: z.uuid(),
      auditId: z.uuid(),
      displayName: z.string().trim().min(1).max(80),
      locale: z.enum(['en', 'fr']),
      pinHash: pinHashSchema,
      roleId: z.uuid(),
    })
    .strict(),
  async run(ctx, a) {
    const role = await requireRole(ctx, a.roleId);
    guardRoleChange(ctx, { targetId: a.id, newRole: role.permissions });
    await ctx.write.insert('users', {
      id: a.id,
      site_id: ctx.siteId,
      display_name: a.displayName,
      pin_hash: a.pinHash,
      locale: a.locale,
      active: 1,
      deleted_at: null,
    });
    await ctx.write.insertIfAbsent('user_roles', {
      id: userRoleId(a.id, ctx.siteId),
      site_id: ctx.siteId,
      user_id: a.id,
      role_id: a.roleId,
      deleted_at: null,
    });
    await audit(ctx, 'users.created', a.id, { role: role.code }, a.auditId);
  },
});

export const setUserRole = defineMutation({
  name: 'users.setRole',
  audit: 'own',
  version: 1,
  authority: 'users.manage',
  args: z.object({ userId: z.uuid(), roleId: z.uuid(), auditId: z.uuid() }).strict(),
  async run(ctx, a) {
    const role = await requireRole(ctx, a.roleId);
    const id = userRoleId(a.userId, ctx.siteId);
    const current = await ctx.db
      .selectFrom('user_roles')
      .innerJoin('roles', 'roles.id', 'user_roles.role_id')
      .select(['user_roles.role_id', 'roles.code', 'roles.permissions'])
      .where('user_roles.id', '=', id)
      .executeTakeFirst();
    if (!current) throw new AppError('NOT_FOUND', 'That person has no role at this site yet.', { userId: a.userId });
    if (current.role_id === a.roleId) return;
    guardRoleChange(ctx, {
      targetId: a.userId,
      newRole: role.permissions,
      currentRole: parsePermissions(current.permissions),
    });
    await ctx.write.update('user_roles', id, { role_id: a.roleId });
    await audit(ctx, 'users.role_changed', a.userId, { from: current.code, to: role.code }, a.auditId);
  },
});

export const setUserPin = defineMutation({
  name: 'users.setPin',
  audit: 'own',
  version: 1,
  authority: 'users.manage',
  args: z.object({ userId: z.uuid(), pinHash: pinHashSchema, auditId: z.uuid() }).strict(),
  async run(ctx, a) {
    await ctx.write.update('users', a.userId, { pin_hash: a.pinHash });
    await audit(ctx, 'users.pin_reset', a.userId, {}, a.auditId);
  },
});

/** A person's name as shown on the sign-in tiles; renaming to the current name changes nothing. */
export const renameUser = defineMutation({
  name: 'users.rename',
  audit: 'own',
  version: 1,
  authority: 'users.manage',
  args: z.object({ userId: z.uuid(), displayName: z.string().trim().min(1).max(80), auditId: z.uuid() }).strict(),
  async run(ctx, a) {
    const user = await ctx.db
      .selectFrom('users')
      .select('display_name')
      .where('id', '=', a.userId)
      .where('site_id', '=', ctx.siteId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!user) throw new AppError('NOT_FOUND', 'That person is not on this site.', { userId: a.userId });
    if (user.display_name === a.displayName) return;
    await ctx.write.update('users', a.userId, { display_name: a.displayName });
    await audit(ctx, 'users.renamed', a.userId, { from: user.display_name, to: a.displayName }, a.auditId);
  },
});
