import { describe, expect, it } from 'vitest';
import { mayGrant, roleChangeRefusal } from '../../../shared/domain/role-change.js';
import { DEFAULT_ROLES } from '../../../shared/permissions.js';

const perms = (id: string) => DEFAULT_ROLES.find((r) => r.id === id)!.permissions;

describe('who may give whom which role', () => {
  it('nobody changes their own role, not even to a smaller one', () => {
    expect(
      roleChangeRefusal({
        actorId: 'ana',
        targetId: 'ana',
        actorPermissions: perms('admin'),
        currentRole: perms('admin'),
        newRole: perms('staff'),
      }),
    ).toEqual({ reason: 'own_role' });
    expect(
      roleChangeRefusal({
        actorId: 'erik',
        targetId: 'erik',
        actorPermissions: perms('master'),
        currentRole: perms('master'),
        newRole: perms('super_admin'),
      }),
    ).toEqual({ reason: 'own_role' });
  });

  it('a master may not make a crew member Super admin: the role holds rights he lacks', () => {
    const r = roleChangeRefusal({
      actorId: 'erik',
      targetId: 'tom',
      actorPermissions: perms('master'),
      currentRole: perms('crew'),
      newRole: perms('super_admin'),
    });
    expect(r).toMatchObject({ reason: 'role_exceeds_yours' });
    expect(r && 'missing' in r ? r.missing : []).toEqual(expect.arrayContaining(['training.author', 'devices.manage']));
  });

  it('a master may make a crew member an officer: every right of that role is his', () => {
    expect(
      roleChangeRefusal({
        actorId: 'erik',
        targetId: 'tom',
        actorPermissions: perms('master'),
        currentRole: perms('crew'),
        newRole: perms('officer'),
      }),
    ).toBeNull();
  });

  it('nobody changes the role of someone who holds rights they lack, even downwards', () => {
    expect(
      roleChangeRefusal({
        actorId: 'erik',
        targetId: 'ana',
        actorPermissions: perms('master'),
        currentRole: perms('admin'),
        newRole: perms('crew'),
      }),
    ).toMatchObject({ reason: 'person_exceeds_you' });
  });

  it('a new person (no current role) is judged by the role given only', () => {
    expect(
      roleChangeRefusal({
        actorId: 'erik',
        targetId: 'new',
        actorPermissions: perms('master'),
        newRole: perms('crew'),
      }),
    ).toBeNull();
    expect(
      roleChangeRefusal({
        actorId: 'erik',
        targetId: 'new',
        actorPermissions: perms('master'),
        newRole: perms('admin'),
      }),
    ).toMatchObject({ reason: 'role_exceeds_yours' });
    expect(mayGrant(perms('master'), perms('admin'))).toBe(false);
    expect(mayGrant(perms('admin'), perms('super_admin'))).toBe(true);
  });
});
