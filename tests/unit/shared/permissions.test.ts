import { describe, expect, it } from 'vitest';
import { AREAS, areasFor, can, DEFAULT_ROLES, isPermission, PERMISSIONS } from '../../../shared/permissions.js';

const role = (id: string) => {
  const r = DEFAULT_ROLES.find((x) => x.id === id);
  if (!r) throw new Error(`no role ${id}`);
  return r;
};

describe('permission matrix', () => {
  it('has every role of the seeds the issue lists, once each', () => {
    const seeds = [
      'admin',
      'manager',
      'chef',
      'staff',
      'super_admin',
      'consultant',
      'owner',
      'waiter',
      'kitchen',
      'instructor',
      'trainee',
      'master',
      'officer',
      'crew',
      'system_admin',
      'training_admin',
      'authorised_provider',
      'instructor_provider',
      'instructor_candidate',
      'instructor_trainee',
    ];
    const ids = DEFAULT_ROLES.map((r) => r.id);
    expect([...ids].sort()).toEqual([...seeds].sort());
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('names every role in English and French and grants only known permissions', () => {
    for (const r of DEFAULT_ROLES) {
      expect(r.name.en.length, r.id).toBeGreaterThan(0);
      expect(r.name.fr.length, r.id).toBeGreaterThan(0);
      expect(
        r.permissions.filter((p) => !isPermission(p)),
        r.id,
      ).toEqual([]);
    }
  });

  it('gives administrators every permission', () => {
    expect([...role('admin').permissions].sort()).toEqual([...PERMISSIONS].sort());
    expect([...role('super_admin').permissions].sort()).toEqual([...PERMISSIONS].sort());
  });

  it('does not let staff see the audit log or manage users', () => {
    const staff = role('staff').permissions;
    expect(can(staff, 'audit.view')).toBe(false);
    expect(can(staff, 'users.manage')).toBe(false);
    expect(can(role('manager').permissions, 'audit.view')).toBe(true);
  });

  it('opens the home areas a role has the permission for, in screen order', () => {
    expect(areasFor(role('staff').permissions)).toEqual(['training', 'incidents']);
    expect(areasFor(role('waiter').permissions)).toEqual(['training', 'incidents', 'tables']);
    expect(areasFor(role('crew').permissions)).toEqual(['training', 'incidents', 'compliance', 'fuel']);
    expect(areasFor(role('admin').permissions)).toEqual(AREAS.map((a) => a.id));
    expect(areasFor(role('staff').permissions)).not.toContain('audit');
  });

  it('gives a restaurant no Fuel area and a vessel no Tables or Kitchen, even to an administrator', () => {
    const admin = role('admin').permissions;
    expect(areasFor(admin, 'restaurant')).not.toContain('fuel');
    expect(areasFor(admin, 'restaurant')).toEqual(expect.arrayContaining(['tables', 'kitchen']));
    expect(areasFor(admin, 'vessel')).toContain('fuel');
    expect(areasFor(admin, 'vessel')).not.toEqual(expect.arrayContaining(['tables']));
  });

  it('opens nothing for no or unknown permissions', () => {
    expect(areasFor([])).toEqual([]);
    expect(areasFor(['audit.view ', 'AUDIT.VIEW', 'audit'])).toEqual([]);
    expect(isPermission('audit.view')).toBe(true);
    expect(isPermission('__proto__')).toBe(false);
  });
});
