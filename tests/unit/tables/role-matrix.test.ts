import { describe, expect, it } from 'vitest';
import { areasFor, can, DEFAULT_ROLES } from '../../../shared/permissions.js';

const perms = (id: string) => DEFAULT_ROLES.find((r) => r.id === id)!.permissions;

/** TabSync's matrix: the parts the table service enforces. */
describe('the restaurant role matrix', () => {
  it('a consultant onboards menu, floor and people but sees no money', () => {
    expect(can(perms('consultant'), 'tables.setup')).toBe(true);
    expect(can(perms('consultant'), 'users.manage')).toBe(true);
    expect(can(perms('consultant'), 'tables.pay')).toBe(false);
    expect(can(perms('consultant'), 'tables.money')).toBe(false);
  });

  it('kitchen staff see and update orders on the display but take no payments', () => {
    expect(can(perms('kitchen'), 'kitchen.display')).toBe(true);
    expect(can(perms('kitchen'), 'tables.pay')).toBe(false);
    expect(can(perms('kitchen'), 'tables.money')).toBe(false);
    expect(can(perms('kitchen'), 'tables.setup')).toBe(false);
  });

  it('a waiter takes orders and payments but approves no void and manages no menu', () => {
    expect(can(perms('waiter'), 'tables.serve')).toBe(true);
    expect(can(perms('waiter'), 'tables.pay')).toBe(true);
    expect(can(perms('waiter'), 'tables.approve')).toBe(false);
    expect(can(perms('waiter'), 'tables.setup')).toBe(false);
  });

  it('an owner and a manager run everything on the floor', () => {
    for (const r of ['owner', 'manager'])
      for (const p of ['tables.serve', 'tables.setup', 'tables.pay', 'tables.approve', 'tables.money'] as const)
        expect(can(perms(r), p), `${r} ${p}`).toBe(true);
  });

  it('a vessel has no Tables or Kitchen area, even for an administrator', () => {
    expect(areasFor(perms('admin'), 'vessel')).not.toContain('tables');
    expect(areasFor(perms('admin'), 'vessel')).not.toContain('kitchen');
    expect(areasFor(perms('admin'), 'restaurant')).toEqual(expect.arrayContaining(['tables', 'kitchen']));
  });
});
