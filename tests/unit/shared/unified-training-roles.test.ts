import { describe, expect, it } from 'vitest';
import { areasFor, can, DEFAULT_ROLES, PERMISSIONS, UNIFIED_TRAINING_ROLES } from '../../../shared/permissions.js';

const perms = (id: string) => UNIFIED_TRAINING_ROLES.find((r) => r.id === id)!.permissions;
const TRAINING = ['training.take', 'training.assign', 'training.author', 'training.observe', 'classroom.run'] as const;
const row = (id: string) => TRAINING.filter((p) => can(perms(id), p));

describe('the unified training system’s six roles in the permission matrix', () => {
  it('are rows of the default roles, everywhere (any site kind)', () => {
    expect(UNIFIED_TRAINING_ROLES.map((r) => r.id)).toEqual([
      'system_admin',
      'training_admin',
      'authorised_provider',
      'instructor_provider',
      'instructor_candidate',
      'instructor_trainee',
    ]);
    for (const r of UNIFIED_TRAINING_ROLES) {
      expect(DEFAULT_ROLES).toContain(r);
      expect(r.siteKind).toBe('any');
    }
  });

  it('grant the training rights their row-level rules allow, and no more', () => {
    expect(perms('system_admin')).toEqual(PERMISSIONS);
    expect(row('training_admin')).toEqual([...TRAINING]);
    // Providers run and certify their sessions but do not write the organisation's content.
    expect(row('authorised_provider')).toEqual([
      'training.take',
      'training.assign',
      'training.observe',
      'classroom.run',
    ]);
    // An instructor provider teaches and signs off their sessions' learners; assigns nothing.
    expect(row('instructor_provider')).toEqual(['training.take', 'training.observe', 'classroom.run']);
    // A candidate has no access to enrollments (no roster) and a trainee sees only their own.
    expect(row('instructor_candidate')).toEqual(['training.take']);
    expect(row('instructor_trainee')).toEqual(['training.take']);
  });

  it('only the two administrators manage people; only the system administrator touches devices and backups', () => {
    const who = (p: (typeof PERMISSIONS)[number]) =>
      UNIFIED_TRAINING_ROLES.filter((r) => can(r.permissions, p)).map((r) => r.id);
    expect(who('users.manage')).toEqual(['system_admin', 'training_admin']);
    expect(who('devices.manage')).toEqual(['system_admin']);
    expect(who('backups.manage')).toEqual(['system_admin']);
    expect(who('analytics.team')).toEqual(['system_admin', 'training_admin', 'authorised_provider']);
  });

  it('opens the classroom only to those who teach, on a restaurant and a vessel alike', () => {
    for (const kind of ['restaurant', 'vessel'] as const) {
      expect(areasFor(perms('instructor_provider'), kind)).toEqual(['training', 'classroom']);
      expect(areasFor(perms('instructor_trainee'), kind)).toEqual(['training']);
    }
  });
});
